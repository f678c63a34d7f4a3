// Rules, value checks, import rows, the readers' reasons and reconciliation never write user text (issue 12, STYLE "zod's late
// rendering"): a finding carries a code and params, and zh-TW text lives only in shared-rules/src/findings (the
// catalogue, the sub-code texts, the display of values). Every string literal with Chinese text in those sources must be
// a word of the domain's vocabulary listed here — a value compared with input, a column header or a field label —
// never a sentence or a fragment of one. (Reason params are also typed: Params only takes a sub-code there.)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '..');

const SCANNED = [
  'shared-rules/src/rules',
  'shared-rules/src/values',
  'shared-rules/src/registry',
  'ingest-server/src/workbook',
  'ingest-server/src/tables',
  'ingest-server/src/services/filings/ingest.ts',
  'ingest-server/src/services/reconcile',
  'ingest-server/src/services/registry/run-import.ts',
];

// the import definition's data tables: headers, enumerations, report categories, award names (like shared-rules/src/definition)
const DATA_FILES = new Set([
  'shared-rules/src/registry/columns.ts',
  'shared-rules/src/registry/records.ts',
  'shared-rules/src/registry/units.ts',
  'shared-rules/src/registry/eligibility.ts',
  'shared-rules/src/registry/semiannual.ts',
  'shared-rules/src/registry/semiannual-categories.ts',
  'shared-rules/src/values/test-helpers.ts',
  // the names of the text encodings an import run shows (ENCODING_LABELS)
  'ingest-server/src/tables/decode.ts',
]);

/** Words, not sentences: input values the checks compare with, column headers (a finding's field) and field labels. */
const VOCABULARY = new Set([
  // values compared with input
  '男',
  '女',
  '是',
  '否',
  '支',
  '聯合組織',
  '分配款',
  '其他收入',
  '結餘款',
  '利息收入',
  '臺',
  '，',
  // column headers named as a finding's field
  '負責人',
  '任期迄',
  '會員工會家數',
  '理事男',
  '理事女',
  '理事合計',
  '監事合計',
  '會員合計',
  '紀錄冊號',
  '榮譽卡卡號',
  // field labels and categories named in a message ({label}, {category}, {bucket})
  '結存合計',
  '入會日期',
  '身分證字號',
  '上課方式（至少勾選一項）',
  '理事',
  '監事',
  '會員',
  '教育程度',
  '身分別',
  '其他',
  '其他/未填',
  // what a template's hidden names stand for, named as a label in template.structure
  '範本識別資料',
  '下拉選單或標示資料',
]);

const CHINESE = /[\p{Script=Han}「」『』（），。：；！？]/u;

const sourcesOf = (path: string): string[] => {
  const full = join(ROOT, path);
  if (full.endsWith('.ts')) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    if (e.isDirectory()) return e.name === 'testing' ? [] : sourcesOf(join(path, e.name));
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(full, e.name)] : [];
  });
};

/** Every string and template-literal part with Chinese text, where it is (comments and regexes are not literals). */
const chineseLiterals = (file: string): { at: string; text: string }[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { at: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
    if (literal && CHINESE.test(node.text)) out.push({ at: `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, text: node.text });
    node.forEachChild(visit);
  };
  visit(source);
  return out;
};

const literals = SCANNED.flatMap(sourcesOf)
  .filter((file) => !DATA_FILES.has(relative(ROOT, file)))
  .flatMap(chineseLiterals);

describe('no user text outside the catalogue', () => {
  it('rules, value checks, import rows and reader reasons hold no Chinese sentence or fragment', () => {
    expect(literals.filter((l) => !VOCABULARY.has(l.text)).map((l) => `${l.at} ${JSON.stringify(l.text)}`)).toEqual([]);
  });

  it('finds a sentence when one is written (the scan itself works)', () => {
    const file = join(ROOT, 'shared-rules/src/rules/training/day2.ts');
    expect(chineseLiterals(file)).toEqual([]);
    const written = ts.createSourceFile('x.ts', "const reason = `天數為 ${days} 日，請刪除`; // 註解不算", ts.ScriptTarget.Latest, true);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isTemplateHead(node) || ts.isTemplateTail(node)) && CHINESE.test(node.text)) found.push(node.text);
      node.forEachChild(visit);
    };
    visit(written);
    expect(found).toEqual(['天數為 ', ' 日，請刪除']);
  });

  it('lists no word that is no longer used', () => {
    const used = new Set(literals.map((l) => l.text));
    expect([...VOCABULARY].filter((w) => !used.has(w))).toEqual([]);
  });
});
