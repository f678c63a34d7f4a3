// Reads an import run's message stored as text back into a code and params, with the texts as the old code wrote them
// (frozen here); kept only if today's renderer writes the very same text from it, else the text stays whole.
import { LEGACY_MESSAGE, storedMessageOf, type FindingParams } from '@portfund/shared-rules';
import { paramsFromMessage } from './20261207120000_finding_params.parse';

/** The old run messages, each with the counts its numbers were (in order). */
const FROZEN: readonly (readonly [code: string, text: RegExp, counts: readonly string[]])[] = [
  ['run.header_invalid', /^欄位標題有誤，未讀取任何資料列；請依匯入範本修正第一列後再匯入$/u, []],
  [
    'run.dry_run',
    /^試算（未寫入任何資料）：共 (\d+) 筆，可匯入 (\d+) 筆，有錯誤 (\d+) 筆；若匯入正確的列：新增 (\d+)、更新 (\d+)、未變更 (\d+)$/u,
    ['read', 'valid', 'rejected', 'inserted', 'updated', 'unchanged'],
  ],
  ['run.rejected', /^全部或全不：(\d+) 筆有錯誤，未寫入任何資料；請修正後重新匯入$/u, ['rejected']],
  ['run.applied', /^已匯入 (\d+) 筆：新增 (\d+)、更新 (\d+)、未變更 (\d+)$/u, ['valid', 'inserted', 'updated', 'unchanged']],
  ['run.applied_partly', /^已匯入 (\d+) 筆：新增 (\d+)、更新 (\d+)、未變更 (\d+)；(\d+) 筆有錯誤未匯入$/u, ['valid', 'inserted', 'updated', 'unchanged', 'rejected']],
];

export interface RunMessage {
  readonly code: string | null;
  readonly params: FindingParams;
}

/** What an old run's message becomes: a code and params that render the same text today, or the text kept whole. */
export const runMessageFromText = (text: string): RunMessage => {
  if (text === '') return { code: null, params: {} };
  for (const [code, regex, counts] of FROZEN) {
    const m = regex.exec(text);
    if (m === null) continue;
    const params = Object.fromEntries(counts.map((name, i) => [name, Number(m[i + 1])]));
    if (storedMessageOf(code, params) === text) return { code, params };
  }
  // an unreadable file's run kept its file.unreadable finding's message
  const unreadable = paramsFromMessage('file.unreadable', text);
  if (unreadable[LEGACY_MESSAGE] === undefined) return { code: 'file.unreadable', params: unreadable };
  return { code: null, params: { [LEGACY_MESSAGE]: text } };
};
