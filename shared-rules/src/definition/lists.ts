// The enumerations of SPEC §2 and §4.1: the exact strings the dropdowns offer and the checks accept. 項目 and 號 come
// from the parameter table of the workbook's template version (cashbook/params.ts).
import { paramsFor } from './cashbook/params';
import { type ListDef, type ListKey } from './types';
import { CURRENT_VERSION } from './versions';

const unique = <T>(values: readonly T[]): T[] => Array.from(new Set(values));

type FixedListKey = Exclude<ListKey, 'cb_item' | 'cb_no'>;

const FIXED_LISTS: Readonly<Record<FixedListKey, readonly (string | number)[]>> = {
  union_type: ['職業工會', '企業工會', '產業工會'],
  gender: ['男', '女'],
  interest_option: ['A', 'B'],
  days: [0.5, 1, 2],
  mark: ['V'],
  period: [3, 6, 9, 12],
  cb_zi: ['收', '轉', '支'],
  cb_category: ['分配款', '利息收入', '其他收入', '結餘款', '誤植或扣抵'],
  cb_account: ['專戶存款1', '專戶存款2', '定期存款', '零用金'],
};

/** The values a list offers in a template version. */
export const listValues = (key: ListKey, version: string = CURRENT_VERSION): readonly (string | number)[] => {
  if (key === 'cb_item') return unique(paramsFor(version).rows.map((p) => p.item));
  if (key === 'cb_no') return unique(paramsFor(version).rows.map((p) => p.no));
  return FIXED_LISTS[key];
};

export const listName = (key: ListKey): string => `lst_${key}`;

/** The lists a workbook kind needs in a template version, with their defined names. */
export const listsFor = (keys: readonly ListKey[], version: string): ListDef[] =>
  keys.map((key) => ({ key, name: listName(key), values: listValues(key, version) }));

// read for every enumeration cell of every ledger row: computed once per list and version
const stringLists = new Map<string, readonly string[]>();

/** The accepted strings of a list (numbers as their shown text) in a template version. */
export const listStrings = (key: ListKey, version: string = CURRENT_VERSION): readonly string[] => {
  const cacheKey = `${key}|${version}`;
  let strings = stringLists.get(cacheKey);
  if (strings === undefined) stringLists.set(cacheKey, (strings = Object.freeze(listValues(key, version).map(String))));
  return strings;
};

// checked for every ledger entry (字, 項目, 號, 帳戶…): one set per list and version, built once
const listSets = new Map<string, ReadonlySet<string>>();

/** Whether text is one of a list's accepted strings in a template version. */
export const isListed = (key: ListKey, version: string, text: string): boolean => {
  const cacheKey = `${key}|${version}`;
  let set = listSets.get(cacheKey);
  if (set === undefined) listSets.set(cacheKey, (set = new Set(listStrings(key, version))));
  return set.has(text);
};
