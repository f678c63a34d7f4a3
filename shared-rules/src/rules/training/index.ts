// The training.* rules of the application workbook, with the 上課方式 at-least-one check (SPEC §3.4).
import { type Rule } from '../../check/context';
import { trainingDay2 } from './day2';
import { trainingHoursMax } from './hours-max';
import { trainingMethodRequired } from './method-required';
import { trainingSessionOrder } from './session-order';

export const trainingRules: readonly Rule[] = [trainingSessionOrder, trainingDay2, trainingHoursMax, trainingMethodRequired];
