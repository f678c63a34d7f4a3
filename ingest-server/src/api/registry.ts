// The OpenAPI description is built from the same zod schemas that validate requests (served at /api/openapi.json): the
// API contract's (@portfund/api-contract), which name themselves; the routes register their paths.
import { extendZodWithOpenApi, getRefId, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';
import * as schemas from '@portfund/api-contract/src/schemas';
import { ErrorBody } from '@portfund/api-contract/src/schemas';
import { z } from 'zod';

extendZodWithOpenApi(z);

export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'POST /api/auth/login 取得的 token' });
registry.registerComponent('securitySchemes', 'cookie', {
  type: 'apiKey',
  in: 'cookie',
  name: 'pf_session',
  description: '網頁主控台的 HttpOnly 工作階段 cookie；寫入請求須另帶 X-CSRF-Token 標頭',
});

// every named schema of the contract is a component as itself (not as the nullable or optional use a path meets first)
for (const schema of Object.values(schemas)) {
  const name = schema instanceof z.ZodType ? getRefId(schema) : undefined;
  if (name !== undefined && schema instanceof z.ZodType) registry.register(name, schema);
}

export const errorResponses = (...statuses: number[]): Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorBody } } }> =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      {
        description:
          { 400: '請求格式錯誤', 401: '未登入或登入逾時', 403: '沒有權限', 404: '找不到（或不在您的範圍內）', 409: '資料已被他人更新', 413: '內容過大', 422: '檔案無法建立申報', 429: '嘗試次數過多' }[s] ?? '錯誤',
        content: { 'application/json': { schema: ErrorBody } },
      },
    ]),
  );

export const SECURED: Record<string, string[]>[] = [{ bearer: [] }, { cookie: [] }];

export const openApiDocument = (): object =>
  new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'portfund ingest server',
      version: '0.1.0',
      description: '商港服務費福利專款：上傳、檢查、勾稽、審核與報表 API。所有讀寫都依角色（工會／地方主管機關／勞動部）限制範圍。',
    },
    servers: [{ url: '/' }],
  });
