// What a UI imports: the shared labels, the API's types and the one client (the zod schemas are in ./schemas, for the server).
export * from './labels';
export * from './client';
export * from './types';
