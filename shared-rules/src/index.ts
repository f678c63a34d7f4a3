// Public API of shared-rules: the definition of both workbooks, the snapshot shape, every rule and the checker.
export * from './snapshot/types';
export * from './snapshot/a1';
export * from './snapshot/dates';
export * from './findings/catalogue';
export * from './findings/types';
export * from './findings/make';
export * from './definition';
export * from './values';
export * from './form/form';
export * from './form/labels';
export * from './check/context';
export * from './check/run';
export * from './rules/file/name';
export * from './rules/template/formula-text';
export * from './ledger/delta';
export * from './ledger';
export * from './extract';
export { identifyTemplate } from './rules/template/identify';
