// recon.history_changed: a quarter's cash book keeps every entry of the previous quarter's current filing, unchanged and
// in the same order, and adds none dated inside the period already filed (SPEC §6 quarter continuity; seed 004 §1.2(三)2).
import { CB_SHEET, entryColumn, makeFinding, moneyText, type Finding, type Location, type Params } from '@portfund/shared-rules';
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

const AREA: Location = { sheet: CB_SHEET, field: 'cb_entries' };

const labelOf = (key: EntryField): string => ENTRY_FIELDS.find(([k]) => k === key)?.[1] ?? key;

const cut = (text: string): string => {
  const chars = Array.from(text);
  return chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS).join('')}…` : text;
};

/** A field's value as a message quotes it, or undefined for a blank cell (the text says （空白）). */
const shown = (e: StoredEntry, key: EntryField): string | number | undefined => {
  const v = e[key];
  if (v === null) return undefined;
  if (typeof v === 'number') return v;
  return cut(typeof v === 'object' ? moneyText(v) : v);
};

/** The entry as it was or is written: history.entry's params (blank fields left out). */
const entryParams = (e: StoredEntry): Params => ({
  entry: 'history.entry',
  entryMonth: shown(e, 'month'),
  entryDay: shown(e, 'day'),
  entryVoucher: shown(e, 'voucher'),
  entryZi: shown(e, 'zi'),
  entryNo: shown(e, 'no'),
  entryNote: shown(e, 'note'),
  entryAmount: shown(e, 'amount'),
});

/** The first changed fields of an altered entry, old and new: history.fields' params. */
const diffParams = (old: StoredEntry, next: StoredEntry, fields: readonly EntryField[]): Params => {
  const params: Record<string, string | number | undefined> = {};
  fields.slice(0, MAX_NAMED_FIELDS).forEach((k, i) => {
    params[`field${i + 1}`] = labelOf(k);
    params[`from${i + 1}`] = shown(old, k);
    params[`to${i + 1}`] = shown(next, k);
  });
  return { diff: 'history.fields', ...params, fieldCount: fields.length > MAX_NAMED_FIELDS ? fields.length : undefined };
};

const rowCell = (e: StoredEntry, key: EntryField): Location => ({ ...AREA, cell: `${entryColumn(key)}${e.row}` });

const findingOf = (c: Change, prevQuarter: number): Finding => {
  switch (c.kind) {
    case 'altered': {
      const [first = 'month'] = c.fields;
      return makeFinding(
        'recon.history_changed',
        rowCell(c.next, first),
        { prevQuarter, change: 'history.altered', row: c.next.row, ...entryParams(c.old), ...diffParams(c.old, c.next, c.fields) },
        { expected: fieldText(c.old, first), actual: fieldText(c.next, first) },
      );
    }
    case 'moved':
      return makeFinding('recon.history_changed', rowCell(c.next, 'month'), {
        prevQuarter,
        change: 'history.moved',
        row: c.next.row,
        was: c.oldIndex + 1,
        now: c.at + 1,
        ...entryParams(c.next),
      });
    case 'removed':
      return makeFinding('recon.history_changed', AREA, { prevQuarter, change: 'history.removed', ...entryParams(c.old) });
    case 'added':
      return makeFinding('recon.history_changed', rowCell(c.next, 'month'), {
        prevQuarter,
        change: c.backDated ? 'history.back_dated' : 'history.inserted',
        row: c.next.row,
        filedMonths: 3 * prevQuarter,
        ...entryParams(c.next),
      });
  }
};

const count = (changes: readonly Change[], kind: Change['kind']): number => changes.filter((c) => c.kind === kind).length;

/** The one finding that counts what was not listed. */
const summaryOf = (changes: readonly Change[], prevQuarter: number): Finding =>
  makeFinding('recon.history_changed', AREA, {
    prevQuarter,
    change: 'history.unlisted',
    unlisted: changes.length - MAX_LISTED_CHANGES,
    entry: 'history.totals',
    total: changes.length,
    added: count(changes, 'added'),
    removed: count(changes, 'removed'),
    altered: count(changes, 'altered'),
    moved: count(changes, 'moved'),
    listed: MAX_LISTED_CHANGES,
  });

export const historyChanged: ReconCheck = async (ctx, filing: Filing): Promise<Finding[]> => {
  if (filing.kind !== 'cashbook') return [];
  const previous = await previousQuarterBook(ctx, filing);
  if (previous === undefined) return [];
  const changes = historyChanges(await ctx.entries(previous.id), await ctx.entries(filing.id), 3 * previous.quarter);
  const listed = changes.slice(0, MAX_LISTED_CHANGES).map((c) => findingOf(c, previous.quarter));
  return changes.length > MAX_LISTED_CHANGES ? [...listed, summaryOf(changes, previous.quarter)] : listed;
};
