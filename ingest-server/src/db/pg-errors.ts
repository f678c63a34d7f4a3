// PostgreSQL error codes as pg reports them (error.code) or as objection wraps them (error.nativeError.code).

interface PgLikeError {
  readonly code?: unknown;
  readonly name?: unknown;
  readonly nativeError?: { readonly code?: unknown };
}

/** The SQLSTATE of a database error (its own code, else the wrapped driver error's), or undefined. */
export const pgErrorCode = (error: unknown): string | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as PgLikeError;
  const code = typeof e.code === 'string' ? e.code : e.nativeError?.code;
  return typeof code === 'string' ? code : undefined;
};

/** A unique-key violation, as pg reports it or as objection wraps it (UniqueViolationError). */
export const isUniqueViolation = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as PgLikeError;
  return e.code === '23505' || e.nativeError?.code === '23505' || e.name === 'UniqueViolationError';
};
