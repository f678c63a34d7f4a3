// cell.type for texts the seed prescribes a shape for: 行庫別名稱及帳號, 會址, 工會負責人 (seed 004 §2.1(二)9, 10, 12).
import { type Rule } from '../../check/context';
import { type FieldSpec } from '../../definition/types';
import { makeFinding } from '../../findings/make';
import { type TextCode } from '../../findings/texts';
import { digitsToHalfWidth } from '../../values/fullwidth';
import { cellText } from '../../values/text';

const SHAPES: Readonly<Record<NonNullable<FieldSpec['format']>, { test: (s: string) => boolean; expectedType: TextCode }>> = {
  // bank name + account digits, e.g. 臺灣銀行00港分行甲存戶123456789022
  bank_account: { test: (s) => /\d{6,}/.test(s.replace(/[-\s]/g, '')) && /[^\d\s-]{2,}/.test(s), expectedType: 'type.bank_account' },
  // 3-digit postal code (or 3+2 / 3+3) then the address
  address: { test: (s) => /^\d{3}(\d{2,3})?\s*\D{4,}/.test(s), expectedType: 'type.address' },
  // a name with the title 理事長 or 常務理事
  leader: { test: (s) => /.+(理事長|常務理事)/.test(s) || /(理事長|常務理事).+/.test(s), expectedType: 'type.leader' },
};

export const compositeText: Rule = (ctx) =>
  ctx.def.fields.flatMap((f) => {
    if (f.kind !== 'single' || f.spec.format === undefined) return [];
    const text = cellText(ctx.form.raw(f.sheet, f.cell));
    if (text === null || text.length > (f.spec.maxLength ?? 200)) return [];
    const shape = SHAPES[f.spec.format];
    // full-width digits are cell.fullwidth's; the shape is judged on the digits the user meant
    return shape.test(digitsToHalfWidth(text)) ? [] : [makeFinding('cell.type', { sheet: f.sheet, cell: f.cell, field: f.name }, { label: f.spec.label, expectedType: shape.expectedType, actual: text })];
  });
