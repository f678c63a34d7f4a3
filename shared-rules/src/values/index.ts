// The pure value checks of SPEC §2: every reader returns a ValueResult and never throws for bad data.
export * from './result';
export * from './text';
export * from './fullwidth';
export * from './amount';
export * from './roc-date';
export * from './ubn';
export * from './national-id';
export * from './phone';
export * from './email';
export * from './enum';
export * from './money';
export * from './percent';
export * from './constant-formula';
