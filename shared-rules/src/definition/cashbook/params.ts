// The cash book's parameter table (seed 004 §2.8(二)4; SPEC §4.1 is our reading of the partly shifted OCR).
// Shipped as data, versioned with the template: its dropdowns, its 摘要(一) lookup and the ledger checks all come from
// the table of the workbook's own template version, so a later change never re-judges a book filed in an older one.
import { type Account } from '../../ledger/delta';
import { versionIndex } from '../versions';

export type Zi = '收' | '轉' | '支';
export type SpendCategory = '分配款' | '利息收入' | '其他收入' | '結餘款' | '誤植或扣抵';

export interface ParamRow {
  readonly zi: Zi;
  readonly item: string;
  readonly no: string;
  readonly summary: string;
  /** Allowed 動支類別; empty means the column must be left empty (轉). */
  readonly categories: readonly SpendCategory[];
  readonly accounts: readonly Account[];
  /** The 決算 category this code spends on (支 only), e.g. '1' 教育訓練, '3-1', '5-4'. */
  readonly spendRow?: string;
}

const SPECIAL: Account[] = ['專戶存款1', '專戶存款2'];
const SPEND_ALL: Account[] = ['專戶存款1', '專戶存款2', '零用金'];
const SPEND_MAIN: Account[] = ['專戶存款1', '零用金'];
const ALLOC_INTEREST: SpendCategory[] = ['分配款', '利息收入'];
const WITH_SURPLUS: SpendCategory[] = ['分配款', '利息收入', '結餘款'];

const spend = (
  item: string,
  spendRow: string,
  categories: SpendCategory[],
  accounts: Account[],
  codes: readonly (readonly [string, string])[],
): ParamRow[] =>
  codes.map(([no, text]) => ({ zi: '支', item, no, summary: `${no}、${text}`, categories, accounts, spendRow }));

/** The table as released with template 1.0 (seed 004 §2.8(二)4, 114-07-04 edition). */
const PARAMS_1_0: readonly ParamRow[] = [
  { zi: '收', item: '年度收入', no: '1', summary: '收-商港服務費福利專款', categories: ['分配款'], accounts: ['專戶存款1'] },
  { zi: '收', item: '年度收入', no: '2', summary: '收-定存利息', categories: ['利息收入'], accounts: SPECIAL },
  { zi: '收', item: '年度收入', no: '3', summary: '收-活期利息', categories: ['利息收入'], accounts: SPECIAL },
  { zi: '收', item: '年度收入', no: '4', summary: '收-其他收入(繳回款、移轉代管等)', categories: ['其他收入'], accounts: SPECIAL },
  { zi: '收', item: '年度收入', no: '5', summary: '收-非商港服務費福利專款', categories: ['誤植或扣抵'], accounts: ['專戶存款1'] },
  { zi: '轉', item: '動支存款', no: '1', summary: '轉-提福利專款存款為定期存款', categories: [], accounts: SPECIAL },
  { zi: '轉', item: '動支存款', no: '2', summary: '轉-提福利專款存款為零用金', categories: [], accounts: SPECIAL },
  { zi: '轉', item: '動支存款', no: '3', summary: '轉-提定期存款為福利專款存款', categories: [], accounts: SPECIAL },
  { zi: '轉', item: '動支存款', no: '4', summary: '轉-提定期存款為零用金', categories: [], accounts: ['定期存款'] },
  { zi: '轉', item: '動支存款', no: '5', summary: '轉-提福利專款存款1為福利專款存款2', categories: [], accounts: ['專戶存款1'] },
  { zi: '轉', item: '動支存款', no: '6', summary: '轉-提福利專款存款2為福利專款存款1', categories: [], accounts: ['專戶存款2'] },
  ...spend('1、教育訓練', '1', ALLOC_INTEREST, SPEND_MAIN, [
    ['1-1', '講師鐘點費'],
    ['1-2', '講師交通費'],
    ['1-3', '工作人員費'],
    ['1-4', '場地費'],
    ['1-5', '場地佈置費'],
    ['1-6', '餐費'],
    ['1-7', '印刷費'],
    ['1-8', '茶點費'],
    ['1-9', '租車費'],
    ['1-10', '平安保險費'],
    ['1-11', '郵電費'],
    ['1-12', '運費'],
    ['1-13', '雜支'],
  ]),
  ...spend('2、急難救助', '2', WITH_SURPLUS, SPEND_ALL, [
    ['2-1', '天然災害救助金'],
    ['2-2', '會員家庭重大變故救助金'],
  ]),
  ...spend('3、職災保險或慰問金', '3-1', WITH_SURPLUS, SPEND_ALL, [['3-1', '(職災)團體意外保險']]),
  ...spend('3、職災保險或慰問金', '3-2', WITH_SURPLUS, SPEND_ALL, [
    ['3-2-1', '會員住院或死亡等慰問金'],
    ['3-2-2', '會員家屬住院或死亡慰問金'],
  ]),
  ...spend('4、退休', '4', WITH_SURPLUS, SPEND_ALL, [
    ['4-1', '退休補助'],
    ['4-2', '離職'],
    ['4-3', '資遣'],
  ]),
  ...spend('5、會員福利', '5-1', ALLOC_INTEREST, SPEND_MAIN, [['5-1', '會員進修、會員教育子女補助']]),
  ...spend('5、會員福利', '5-2', ALLOC_INTEREST, SPEND_MAIN, [['5-2', '婚喪喜慶、生育補助']]),
  ...spend('5、會員福利', '5-3', ALLOC_INTEREST, SPEND_MAIN, [['5-3', '自強活動、聯誼活動']]),
  ...spend('5、會員福利', '5-4', ALLOC_INTEREST, SPEND_MAIN, [['5-4', '春節、中秋、端午、重陽、五一勞動節禮券、紀念品生日禮券、禮品']]),
  ...spend('5、會員福利', '5-5', ALLOC_INTEREST, SPEND_MAIN, [['5-5', '其他(書報、雜誌、刊物)']]),
  ...spend('6、行政事務費', '6', ALLOC_INTEREST, SPEND_MAIN, [
    ['6-1', '辦公文具用品(電腦消耗品、紙張、水電費等)'],
    ['6-2', '交通費、車馬費、出席費、誤餐費、加班費等'],
  ]),
  { zi: '支', item: '7、福利專款誤植或扣抵', no: '7-1', summary: '7-1、轉帳錯誤', categories: ['誤植或扣抵'], accounts: SPECIAL },
  { zi: '支', item: '7、福利專款誤植或扣抵', no: '7-2', summary: '7-2、定期存款解約利息損失', categories: ['誤植或扣抵'], accounts: ['定期存款'] },
];

// 1.3: the seed's ticks (§2.8(二)4) — 其他收入 wherever the seed ticks it, beside 結餘款 (both fill the 決算's 結餘款 column,
// "結餘款金額(包括其他收入)"); no 分配款 where the seed ticks only 利息收入 and 其他收入 (2-1, 3-1, 4-2, 4-3).
const INTEREST_OTHER: SpendCategory[] = ['利息收入', '其他收入', '結餘款'];
const ALL_WITH_OTHER: SpendCategory[] = ['分配款', '利息收入', '其他收入', '結餘款'];
const CATEGORIES_1_3: Readonly<Record<string, SpendCategory[]>> = {
  '2-1': INTEREST_OTHER,
  '2-2': ALL_WITH_OTHER,
  '3-1': INTEREST_OTHER,
  '3-2-1': ALL_WITH_OTHER,
  '3-2-2': ALL_WITH_OTHER,
  '4-1': ALL_WITH_OTHER,
  '4-2': INTEREST_OTHER,
  '4-3': INTEREST_OTHER,
};

/** The table as template 1.3 ships it: 1.0's with the 動支類別 of 2-x, 3-x and 4-x as the seed ticks them. */
const PARAMS_1_3: readonly ParamRow[] = PARAMS_1_0.map((p) => {
  const categories = p.zi === '支' ? CATEGORIES_1_3[p.no] : undefined;
  return categories === undefined ? p : { ...p, categories };
});

/** The key the template's 摘要(一) lookup uses: 字|號 (unique across the table). */
export const paramKey = (zi: string, no: string): string => `${zi}|${no}`;

/** The key of one 字、項目、號 combination. */
export const codeKey = (zi: string, item: string, no: string): string => `${zi}|${item}|${no}`;

export interface ParamTable {
  /** The first template version this table shipped with; it holds until a later entry replaces it. */
  readonly since: string;
  readonly rows: readonly ParamRow[];
  /** Rows by 字|號. */
  readonly byKey: ReadonlyMap<string, ParamRow>;
  /** Every 字|項目|號 combination of the table. */
  readonly codes: ReadonlySet<string>;
}

/** An edition of the table with its lookups. */
export const paramTable = (since: string, rows: readonly ParamRow[]): ParamTable => ({
  since,
  rows,
  byKey: new Map(rows.map((p) => [paramKey(p.zi, p.no), p])),
  codes: new Set(rows.map((p) => codeKey(p.zi, p.item, p.no))),
});

/** Every edition of the table, oldest first; a change adds an entry with the template version that introduces it. */
export const PARAM_TABLES: readonly ParamTable[] = [paramTable('1.0', PARAMS_1_0), paramTable('1.3', PARAMS_1_3)];

/** Of several editions, the one in force in a template version: the latest released at or before it. */
export const editionFor = (editions: readonly ParamTable[], version: string): ParamTable => {
  const at = versionIndex(version);
  if (at < 0) throw new Error(`unknown template version ${version}`);
  const found = [...editions].reverse().find((t) => versionIndex(t.since) <= at);
  if (found === undefined) throw new Error(`no parameter table for template version ${version}`);
  return found;
};

/** The parameter table of a template version. */
export const paramsFor = (version: string): ParamTable => editionFor(PARAM_TABLES, version);

/**
 * Codes always paid to one person, with the per-person yearly cap (seed 004 §1.3(二)–(四)). The 150,000 of §1.3(四)
 * covers the whole 4、退休 item of the parameter table: 退休, 離職 and 資遣 are one 退休補助 per member.
 */
export const PERSON_CAPS: readonly { readonly codes: readonly string[]; readonly label: string; readonly cap: number }[] = [
  { codes: ['2-1', '2-2'], label: '急難救助金', cap: 60000 },
  { codes: ['3-2-1', '3-2-2'], label: '職災慰問金', cap: 100000 },
  { codes: ['4-1', '4-2', '4-3'], label: '退休補助金', cap: 150000 },
];

/** 會員福利 (5-x) is capped per member; only the server can tell a member's name (SPEC §4.2). */
export const MEMBER_WELFARE_CAP = { codes: ['5-1', '5-2', '5-3', '5-4', '5-5'], label: '福利金', cap: 10000 } as const;

/** The per-person cap a 支 code falls under, if any. */
export const personCapOf = (no: string): (typeof PERSON_CAPS)[number] | undefined => PERSON_CAPS.find((c) => c.codes.includes(no));
