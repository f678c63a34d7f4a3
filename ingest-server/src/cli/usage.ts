// What `portfund help` prints: its own small module, so help loads no command (the import command loads the database
// layer's models and validators, ~0.1 s of start-up for nothing).
import { IMPORT_KINDS } from '@portfund/shared-rules/src/registry/columns';

export const IMPORT_USAGE = `  portfund import KIND FILE --dry-run [--json] [--sheet NAME]
      離線檢查名冊匯入檔（CSV：UTF-8 或 Big5；或 XLSX），規則與伺服器相同。KIND：${IMPORT_KINDS.join('、')}。
      離線不比對單位、工會管轄與資格；寫入名冊請用伺服器 POST /api/registry/imports/KIND。
`;
