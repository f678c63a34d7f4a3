// Seed 004 §1.2(二)2(5) 數字不可使用全形字: how serious full-width digits are in a text field, decided here for every field.
import { type Severity } from '../findings/types';
import { type FieldSpec } from './types';

// the postal code: the digits a 會址 starts with, one of them full width
const FULL_WIDTH_POSTAL_CODE = /^[0-9\uFF10-\uFF19]*[\uFF10-\uFF19]/;

/** Codes and counts (傳票序號, 帳號, 數量, 預算經費, a 會址's postal code) must be half width; in prose it is a warning. */
export const fullWidthSeverity = (spec: FieldSpec, text: string): Severity => {
  if (spec.textKind === 'code') return 'error';
  if (spec.format === 'address') return FULL_WIDTH_POSTAL_CODE.test(text) ? 'error' : 'warning';
  return 'warning';
};
