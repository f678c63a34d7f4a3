// Reading one row of 教育訓練成果 (tr_sessions) for the training rules.
import Decimal from 'decimal.js';
import { listStrings } from '../../definition/lists';
import { type RangeRow } from '../../form/form';
import { readEnum } from '../../values/enum';
import { cellText } from '../../values/text';

/** How a message names the session: its 場次 as typed, else its position in the table. */
export const sessionName = (row: RangeRow): string => cellText(row.raw('session')) ?? String(row.index + 1);

/** 天數 as one of the dropdown's 0.5 / 1 / 2; null when blank or not an option (cell.enum reports it). */
export const sessionDays = (row: RangeRow): { readonly text: string; readonly value: Decimal } | null => {
  const days = readEnum(row.raw('days'), listStrings('days'));
  return days.ok && days.value !== null ? { text: days.value, value: new Decimal(days.value) } : null;
};
