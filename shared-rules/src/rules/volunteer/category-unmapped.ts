// volunteer.category_unmapped: a 學歷 or 現職 that no list of the 半年報 places (seed 003 半年報填報 按教育程度分 /
// 按身分別分) is warned about at import, so nobody lands in a band silently: 學歷 goes to 其他/未填, 現職 to 其他.
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { EDUCATION_LEVELS, IDENTITIES, educationLevel, identityOf } from '../../registry/semiannual-categories';

export interface CategoryCells {
  readonly row: number;
  readonly education: { readonly label: string; readonly value: string | null };
  readonly occupation: { readonly label: string; readonly value: string | null };
}

export const volunteerCategoryUnmapped = (v: CategoryCells): Finding[] => {
  const out: Finding[] = [];
  const { education, occupation } = v;
  if (education.value !== null && educationLevel(education.value) === null) {
    const params = { label: education.label, actual: education.value, category: '教育程度', options: EDUCATION_LEVELS.join('、'), bucket: '其他/未填' };
    out.push(makeFinding('volunteer.category_unmapped', { row: v.row, field: education.label }, params));
  }
  if (occupation.value !== null && identityOf(occupation.value) === null) {
    const params = { label: occupation.label, actual: occupation.value, category: '身分別', options: IDENTITIES.join('、'), bucket: '其他' };
    out.push(makeFinding('volunteer.category_unmapped', { row: v.row, field: occupation.label }, params));
  }
  return out;
};
