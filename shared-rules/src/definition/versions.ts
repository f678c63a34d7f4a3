// Released template versions. Every released version stays readable; a workbook in an older one gets template.outdated.
export interface TemplateVersion {
  readonly version: string;
  readonly released: string;
  readonly notes: string;
  /** Whether the template carries the _marks sheet and conditional formats the add-in uses to highlight cells. */
  readonly marks: boolean;
}

export const TEMPLATE_VERSIONS: readonly TemplateVersion[] = [
  { version: '1.0', released: '2026-01', notes: '初版：申請書 7 表與現金收支登記簿', marks: false },
  { version: '1.1', released: '2026-11', notes: '新增增益集錯誤標示（_marks 工作表與條件式格式）', marks: true },
];

export const CURRENT_VERSION = '1.1';

export const findVersion = (version: string): TemplateVersion | undefined => TEMPLATE_VERSIONS.find((v) => v.version === version);
