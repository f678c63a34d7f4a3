// The union.* rules of the union basic-data import (seeds 000, 001; SPEC §8), run on every valid row.
import { type Finding } from '../../findings/types';
import { type UnionRecord } from '../../registry/records';
import { unionFederationMembersRequired } from './federation-members-required';
import { unionGenderOneThird } from './gender-one-third';
import { unionGenderTotal } from './gender-total';

export type UnionRowRule = (union: UnionRecord, row: number) => Finding[];

export const UNION_ROW_RULES: readonly UnionRowRule[] = [unionGenderTotal, unionFederationMembersRequired, unionGenderOneThird];
