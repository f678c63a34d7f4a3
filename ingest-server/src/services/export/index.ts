// Downloadable tables (CSV and XLSX) for every report: one column definition, two writers.
export * from './columns';
export * from './csv';
export * from './xlsx';
