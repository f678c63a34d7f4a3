// Turns computed figures and lists into the hand-written shapes of volunteer-fixture.ts, for comparison in tests.
import { AGE_BANDS, YEARS_BANDS, type SemiannualFigures, type SexCount } from '../semiannual';
import { EDUCATION_LEVELS, IDENTITIES, TRAINING_CATEGORIES } from '../semiannual-categories';
import { type ExpectedFigures } from './volunteer-fixture';

const mf = (c: SexCount): readonly [number, number] => [c.male, c.female];

export const figuresAsExpected = (f: SemiannualFigures): ExpectedFigures => ({
  total: mf(f.total),
  age: AGE_BANDS.map((b) => mf(f.age[b])),
  education: EDUCATION_LEVELS.map((l) => mf(f.education[l])),
  educationUnmapped: mf(f.educationUnmapped),
  indigenous: mf(f.indigenous),
  serviceYears: YEARS_BANDS.map((b) => mf(f.serviceYears[b])),
  serviceYearsUnknown: mf(f.serviceYearsUnknown),
  identity: IDENTITIES.map((i) => mf(f.identity[i])),
  identityUnmapped: mf(f.identityUnmapped),
  foreigners: mf(f.foreigners),
  recordBook: mf(f.recordBook),
  insured: mf(f.insured),
  training: [f.training.attendances, f.training.sessions],
  trainingByCategory: TRAINING_CATEGORIES.map((c) => [f.trainingByCategory[c].attendances, f.trainingByCategory[c].sessions] as const),
  serviceHours: f.serviceHours,
});
