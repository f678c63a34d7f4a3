// zod with .openapi(): the schemas carry their OpenAPI names and descriptions, and the server's document reads them.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
