// Every request and response schema (zod, with their OpenAPI names): the server validates with them and documents them.
export * from './common';
export * from './auth';
export * from './admin';
export * from './filings';
export * from './review';
export * from './notifications';
export * from './reminders';
export * from './reports';
export * from './registry';
