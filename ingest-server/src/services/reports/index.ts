// Reports for the ministry and local governments (SQL over the extracted filings, never re-parsing workbooks).
export * from './quarters';
export * from './ratios';
export * from './spend-groups';
export * from './union-report';
export * from './local-government-report';
export * from './balances-report';
export * from './report-tables';
export * from './dashboard';
export * from './counted-filings';
export * from './dashboard-tables';
export * from './figure-entries';
export * from './union-trend';
export * from './union-trend-table';
