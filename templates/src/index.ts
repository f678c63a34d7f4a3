// @portfund/templates: the protected application and cash-book workbooks, generated from the shared definition.
export { type BlankSource, setBlankSource, templateDefinition, writeTemplate, type TemplateOptions } from './generate';
export { type CellInput, type CellOverrides, type FillValues, type FormulaInput } from './fill';
export { TEMPLATE_SHEET_PASSWORD } from './protection';
export { TEMPLATE_DATE } from './finish';
