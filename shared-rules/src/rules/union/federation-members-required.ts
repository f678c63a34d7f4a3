// union.federation_members_required: a 聯合組織 states its 會員工會家數 (seed 000 「會員工會家數 (聯合組織必填)」; SPEC §8).
import { makeFinding } from '../../findings/make';
import { type Finding } from '../../findings/types';
import { type UnionRecord } from '../../registry/records';

export const unionFederationMembersRequired = (union: UnionRecord, row: number): Finding[] =>
  union.unionType === '聯合組織' && union.memberUnions === null
    ? [makeFinding('union.federation_members_required', { row, field: '會員工會家數' }, { actual: union.name })]
    : [];
