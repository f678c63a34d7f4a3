// Released template versions. Every released version stays readable; a workbook in an older one gets template.outdated.
export interface TemplateVersion {
  readonly version: string;
  readonly released: string;
  readonly notes: string;
  /** Which cells the conditional formats cover: none (no _marks sheet), input cells only, or every cell a finding can point at (totals too). */
  readonly marked: 'none' | 'inputs' | 'all';
  /** The 參數表 sheet's title shows 年度 by a formula from cb_year, like every other sheet's title. */
  readonly paramsTitleFormula: boolean;
}

export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = [
  { version: '1.0', released: '2026-01', notes: '初版：申請書 7 表與現金收支登記簿', marked: 'none', paramsTitleFormula: false },
  { version: '1.1', released: '2026-11', notes: '新增增益集錯誤標示（_marks 工作表與條件式格式）', marked: 'inputs', paramsTitleFormula: false },
  {
    version: '1.2',
    released: '2026-12',
    notes: '錯誤標示擴及合計、結存與摘要(一)等公式儲存格；參數表標題顯示年度',
    marked: 'all',
    paramsTitleFormula: true,
  },
  {
    version: '1.3',
    released: '2026-12',
    notes: '依填表說明書修正：參數表動支類別、每人上限、列印設定與逐欄填寫說明',
    marked: 'all',
    paramsTitleFormula: true,
  },
];

export const CURRENT_VERSION = '1.3';

export const findVersion = (version: string): TemplateVersion | undefined => TEMPLATE_VERSIONS.find((v) => v.version === version);

/** Whether a version's template carries the _marks sheet and conditional formats the add-in uses to highlight cells (false for an unknown version). */
export const hasMarks = (v: TemplateVersion | undefined): boolean => v !== undefined && v.marked !== 'none';

/** The position of a version in release order (−1 when unknown), for "from version x on" decisions. */
export const versionIndex = (version: string): number => TEMPLATE_VERSIONS.findIndex((v) => v.version === version);

/** Whether a version is the given one or later (a definition element changed in `since` applies from it on). */
export const isAtLeast = (version: string, since: string): boolean => versionIndex(version) >= versionIndex(since);
/** From 1.3 the templates follow the ministry's printed forms: years in row labels, print areas, the manual's explanations. */
export const hasManualLayout = (v: TemplateVersion): boolean => versionIndex(v.version) >= versionIndex('1.3');
