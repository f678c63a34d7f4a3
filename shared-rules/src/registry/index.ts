// Registry imports (SPEC §8), pure: columns and headers, the row checks of every kind, eligibility and the 半年報.
export * from './columns';
export * from './headers';
export * from './cells';
export * from './records';
export * from './units';
export * from './rows/context';
export * from './checker';
export * from './eligibility';
export * from './semiannual';
export * from './semiannual-categories';
export * from './dates';
export { describeShortfall } from '../rules/volunteer/eligibility';
export { unitKey } from './rows/units';
export { officerKey } from './rows/officers';
export type { StoredOfficer } from '../rules/officer/leader-count';
export { volunteerKey } from './rows/volunteers';
export { trainingKey } from './rows/training';
export { serviceHourKey } from './rows/service-hours';
