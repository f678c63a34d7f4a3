// `portfund template …` writes templates LibreOffice opens and prints, carrying every defined name of SPEC §3–§4 (SPEC §9).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type CliResult, runPortfund } from './helpers/cli';
import { convertWithLibreOffice, LIBREOFFICE_TIMEOUT_MS } from './helpers/libreoffice';
import { makeTempDir, removeDir } from './helpers/temp-dir';

// SPEC §3 and §4, literally
const TEMPLATE_NAMES = ['tpl_kind', 'tpl_version', 'tpl_fingerprint'];
const APPLICATION_NAMES = [
  'app_year', 'app_union_name', 'app_union_type', 'app_ubn', 'app_founded', 'app_dissolved', 'app_port_work', 'app_account_name',
  'app_bank_account', 'app_address', 'app_phone', 'app_fax', 'app_leader', 'app_members', 'app_contact', 'app_contact_phone',
  'app_contact_email', 'roster_rows', 'fa_rev_alloc', 'fa_rev_interest', 'fa_interest_option', 'fa_rev_other', 'fa_rev_surplus_draw',
  'fa_rev_total', 'fa_prev_surplus_remaining', 'fa_spend', 'fa_total', 'fa_cum_surplus', 'fa_benefit', 'tr_sessions', 'te_items',
  'te_total', 'wp_items', 'bg_rev_alloc', 'bg_rev_interest_est', 'bg_rev_surplus_draw', 'bg_rev_interest_prev', 'bg_rev_total',
  'bg_rev_notes', 'bg_prev_surplus_remaining', 'bg_spend', 'bg_spend_total', ...TEMPLATE_NAMES,
];
const CASHBOOK_NAMES = [
  'cb_union_name', 'cb_year', 'cb_ubn', 'cb_period', 'cb_open_special1', 'cb_open_special2', 'cb_open_fixed', 'cb_open_petty', 'cb_entries',
  ...TEMPLATE_NAMES,
];

/** Defined names as exceljs reads them back: name → "'sheet'!$A$1:$B$2". */
const readNames = async (path: string): Promise<{ names: Map<string, string>; sheets: string[]; cell: (name: string) => unknown }> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const names = new Map((wb.definedNames.model as { name: string; ranges: string[] }[]).map((n) => [n.name, n.ranges[0] ?? '']));
  const cell = (name: string): unknown => {
    const [sheet, ref] = (names.get(name) ?? '!').replace(/\$/g, '').split('!');
    return wb.getWorksheet((sheet ?? '').replace(/^'|'$/g, ''))?.getCell((ref ?? '').split(':')[0] ?? 'A1').value;
  };
  return { names, sheets: wb.worksheets.map((ws) => ws.name), cell };
};

describe('portfund template', () => {
  let dir: string | undefined;
  let application = '';
  let cashbook = '';
  let runs: CliResult[] = [];

  beforeAll(async () => {
    dir = await makeTempDir('cli-template');
    application = join(dir, 'a.xlsx');
    cashbook = join(dir, 'c.xlsx');
    runs = [
      await runPortfund(['template', 'application', '--year', '115', '--out', application]),
      await runPortfund(['template', 'cashbook', '--year', '115', '--ubn', '04595257', '--out', cashbook]),
    ];
  });
  afterAll(() => removeDir(dir));

  it('writes both templates and exits 0', () => {
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
  });

  it('gives the application every defined name of SPEC §3, each on an existing sheet', async () => {
    const { names, sheets, cell } = await readNames(application);
    expect(APPLICATION_NAMES.filter((n) => !names.has(n))).toEqual([]);
    for (const n of APPLICATION_NAMES) expect(sheets).toContain(/^'?([^'!]+)'?!/.exec(names.get(n) ?? '')?.[1]);
    expect([cell('tpl_kind'), cell('app_year')]).toEqual(['application', 115]);
  });

  it('gives the cash book every defined name of SPEC §4, each on an existing sheet, the UBN as text', async () => {
    const { names, sheets, cell } = await readNames(cashbook);
    expect(CASHBOOK_NAMES.filter((n) => !names.has(n))).toEqual([]);
    for (const n of CASHBOOK_NAMES) expect(sheets).toContain(/^'?([^'!]+)'?!/.exec(names.get(n) ?? '')?.[1]);
    expect([cell('tpl_kind'), cell('cb_year'), cell('cb_ubn')]).toEqual(['cashbook', 115, '04595257']);
  });

  it(
    'both open in LibreOffice and convert to PDF',
    async () => {
      const pdfs = await convertWithLibreOffice([application, cashbook], 'pdf', dir ?? '');
      expect(pdfs).toEqual([join(dir ?? '', 'a.pdf'), join(dir ?? '', 'c.pdf')]);
      for (const pdf of pdfs) expect((await readFile(pdf)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    LIBREOFFICE_TIMEOUT_MS,
  );
});
