// recon.history_changed: a quarter's cash book keeps every entry of the previous quarter's current filing, unchanged and
// in the same order, and adds none dated inside the period already filed (SPEC §6 quarter continuity; seed 004 §1.2(三)2).
import { CB_SHEET, entryColumn, makeFinding, moneyText, type Finding, type Location } from '@portfund/shared-rules';
import { type Filing } from '../../models/filing';
import { type ReconCheck, type StoredEntry } from './context';
import { type Change, ENTRY_FIELDS, type EntryField, fieldText, historyChanges } from './history-changes';
import { previousQuarterBook } from './related';

/** Changes named one finding each; the rest are counted in one more (a rewritten book must not flood the list). */
export const MAX_LISTED_CHANGES = 200;
/** Fields of an altered entry named in its message; the cell and expected/actual show the first. */
const MAX_NAMED_FIELDS = 4;
/** A quoted value is cut to this many characters, so every part of a message stays readable. */
const MAX_VALUE_CHARS = 20;

const BLANK = '（空白）';
const AREA: Location = { sheet: CB_SHEET, field: 'cb_entries' };

const labelOf = (key: EntryField): string => ENTRY_FIELDS.find(([k]) => k === key)?.[1] ?? key;

const cut = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS).join('')}…` : text;
};

const shown = (e: StoredEntry, key: EntryField): string => {
  const v = e[key];
  if (v === null) return BLANK;
  return cut(typeof v === 'object' ? moneyText(v) : String(v));
};

/** '3月31日 傳票「5」支 6-1 摘要(二)「辦公文具」金額 2,000': how the entry was or is written. */
const entryText = (e: StoredEntry): string => {
  const date = e.month !== null && e.day !== null ? `${e.month}月${e.day}日` : `月 ${shown(e, 'month')} 日 ${shown(e, 'day')}`;
  const code = [e.zi, e.no].filter((v): v is string => v !== null).map(cut).join(' ');
  // a space only where no closing bracket already separates the parts
  let text = `${date} 傳票「${shown(e, 'voucher')}」${code}`;
  if (e.note !== null) text += `${code === '' ? '' : ' '}摘要(二)「${shown(e, 'note')}」`;
  return `${text}${text.endsWith('」') ? '' : ' '}金額 ${shown(e, 'amount')}`;
};

const rowCell = (e: StoredEntry, key: EntryField): Location => ({ ...AREA, cell: `${entryColumn(key)}${e.row}` });

const findingOf = (c: Change, prevQuarter: number): Finding => {
  const base = { prevQuarter, diff: '' };
  switch (c.kind) {
    case 'altered': {
      const [first = 'month'] = c.fields;
      const named = c.fields.slice(0, MAX_NAMED_FIELDS).map((k) => `${labelOf(k)}由「${shown(c.old, k)}」改為「${shown(c.next, k)}」`);
      const more = c.fields.length > MAX_NAMED_FIELDS ? `等 ${c.fields.length} 個欄位` : '';
      return makeFinding(
        'recon.history_changed',
        rowCell(c.next, first),
        { ...base, change: `第 ${c.next.row} 列已申報的收支被修改`, entry: entryText(c.old), diff: `，${named.join('、')}${more}` },
        { expected: fieldText(c.old, first), actual: fieldText(c.next, first) },
      );
    }
    case 'moved':
      return makeFinding('recon.history_changed', rowCell(c.next, 'month'), {
        ...base,
        change: `第 ${c.next.row} 列已申報的收支順序被更動（原為第 ${c.oldIndex + 1} 筆，現為第 ${c.at + 1} 筆）`,
        entry: entryText(c.next),
      });
    case 'removed':
      return makeFinding('recon.history_changed', AREA, { ...base, change: '已申報的收支被刪除', entry: entryText(c.old) });
    case 'added':
      return makeFinding('recon.history_changed', rowCell(c.next, 'month'), {
        ...base,
        change: c.backDated ? `第 ${c.next.row} 列新增了已申報期間（1–${3 * prevQuarter} 月）內的收支` : `第 ${c.next.row} 列在已申報的收支之間插入了收支`,
        entry: entryText(c.next),
      });
  }
};

const KIND_LABELS: readonly (readonly [Change['kind'], string])[] = [
  ['added', '新增'],
  ['removed', '刪除'],
  ['altered', '修改'],
  ['moved', '順序更動'],
];

/** The one finding that counts what was not listed. */
const summaryOf = (changes: readonly Change[], prevQuarter: number): Finding => {
  const counts = KIND_LABELS.map(([kind, label]) => `${label} ${changes.filter((c) => c.kind === kind).length} 筆`).join('、');
  return makeFinding('recon.history_changed', AREA, {
    prevQuarter,
    change: `另有 ${changes.length - MAX_LISTED_CHANGES} 筆更動未逐筆列出`,
    entry: `共 ${changes.length} 筆（${counts}），以上僅列出前 ${MAX_LISTED_CHANGES} 筆`,
    diff: '',
  });
};

export const historyChanged: ReconCheck = async (ctx, filing: Filing): Promise<Finding[]> => {
  if (filing.kind !== 'cashbook') return [];
  const previous = await previousQuarterBook(ctx, filing);
  if (previous === undefined) return [];
  const changes = historyChanges(await ctx.entries(previous.id), await ctx.entries(filing.id), 3 * previous.quarter);
  const listed = changes.slice(0, MAX_LISTED_CHANGES).map((c) => findingOf(c, previous.quarter));
  return changes.length > MAX_LISTED_CHANGES ? [...listed, summaryOf(changes, previous.quarter)] : listed;
};
