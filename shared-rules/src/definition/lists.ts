// The enumerations of SPEC §2 and §4.1: the exact strings the dropdowns offer and the checks accept.
import { CASHBOOK_PARAMS } from './cashbook/params';
import { type ListDef, type ListKey } from './types';

const unique = <T>(values: readonly T[]): T[] => Array.from(new Set(values));

export const LIST_VALUES: Readonly<Record<ListKey, readonly (string | number)[]>> = {
  union_type: ['職業工會', '企業工會', '產業工會'],
  gender: ['男', '女'],
  interest_option: ['A', 'B'],
  days: [0.5, 1, 2],
  mark: ['V'],
  period: [3, 6, 9, 12],
  cb_zi: ['收', '轉', '支'],
  cb_item: unique(CASHBOOK_PARAMS.map((p) => p.item)),
  cb_no: unique(CASHBOOK_PARAMS.map((p) => p.no)),
  cb_category: ['分配款', '利息收入', '其他收入', '結餘款', '誤植或扣抵'],
  cb_account: ['專戶存款1', '專戶存款2', '定期存款', '零用金'],
};

export const listName = (key: ListKey): string => `lst_${key}`;

/** The lists a workbook kind needs, with their defined names. */
export const listsFor = (keys: readonly ListKey[]): ListDef[] =>
  keys.map((key) => ({ key, name: listName(key), values: LIST_VALUES[key] }));

/** The accepted strings of a list (numbers as their shown text). */
export const listStrings = (key: ListKey): string[] => LIST_VALUES[key].map(String);
