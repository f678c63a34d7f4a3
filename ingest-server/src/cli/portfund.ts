// `portfund` CLI (SPEC §9): check workbooks offline with the same rules as the server and the add-in; write templates.
import { parseArgs } from 'node:util';

const USAGE = `用法：
  portfund check FILE… [--json]
      以與伺服器、Excel 增益集相同的規則離線檢查活頁簿。結束代碼 0＝無錯誤、1＝有錯誤、2＝檔案無法讀取。
  portfund template application|cashbook --year 115 [--ubn 12345678] [--version 1.1] [--rows 3000] --out FILE
      產生空白的保護範本。
  portfund migrate FILE --out FILE
      將舊版範本填寫的資料轉入最新版範本。
`;

const main = async (argv: readonly string[]): Promise<number> => {
  // `portfund --help` and `portfund -h` ask for help too, not for a command named "--help"
  const [command, ...rest] = argv[0] === '--help' || argv[0] === '-h' ? ['help', ...argv.slice(1)] : argv;
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      year: { type: 'string' },
      ubn: { type: 'string' },
      version: { type: 'string' },
      rows: { type: 'string' },
      out: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      sheet: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}${(await import('./usage')).IMPORT_USAGE}`);
    return command === undefined ? 2 : 0;
  }
  switch (command) {
    // each command loads only what it needs: checking never loads exceljs
    case 'check':
      return (await import('./check-command')).runCheck(positionals, values.json === true);
    case 'template':
      return (await import('./template-command')).runTemplate(positionals[0], values);
    case 'migrate':
      return (await import('./migrate-command')).runMigrate(positionals[0], values.out);
    case 'import':
      return (await import('./import-command')).runImportCommand(positionals, values);
    default:
      process.stderr.write(`不明的指令「${command}」\n${USAGE}`);
      return 2;
  }
};

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // argument errors from parseArgs are the user's; anything else is a bug, reported without a stack trace
    process.stderr.write(`portfund：${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
  },
);
