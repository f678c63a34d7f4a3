// Ids, plain text and the error body every endpoint shares.
import { z } from './zod';

// ids are PostgreSQL integers: anything larger is simply not found (never a database error)
export const Id = z.coerce.number().int().positive().max(2147483647);
export const BodyId = z.number().int().positive().max(2147483647);

// control characters (NUL above all) cannot be stored in PostgreSQL text and are never part of a name or password
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
export const noControl = { error: '含有控制字元（例如 NUL），請移除後再送出' };
export const plainText = (min: number, max: number) => z.string().min(min).max(max).refine((s) => !CONTROL_CHARS.test(s), noControl);

export const Ubn = z.string().regex(/^\d{8}$/);

/** Every refusal: a stable English code, a zh-TW message, sometimes details (the validation problems, field by field). */
export const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string().openapi({ description: 'zh-TW' }), details: z.unknown().optional() }),
  })
  .openapi('Error');

/** A path's numeric id, as documented (the routes parse it with Id). */
export const IdParams = z.object({ id: z.number() });
