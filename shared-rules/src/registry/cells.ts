// Reads the cells of one import row with the shared value checks (values/): each failure becomes a finding at the
// 1-based data row and the column's header; a required column (the * of SPEC §8) left blank is cell.required.
import { Decimal } from 'decimal.js';
import { type FindingCode } from '../findings/catalogue';
import { makeFinding, type Params } from '../findings/make';
import { type Finding } from '../findings/types';
import { type CellValue } from '../snapshot/types';
import { readAmount } from '../values/amount';
import { readEmail } from '../values/email';
import { readEnum } from '../values/enum';
import { readNationalId, type NationalId } from '../values/national-id';
import { readPhone } from '../values/phone';
import { type ValueResult } from '../values/result';
import { cellText, readText } from '../values/text';
import { readUbn } from '../values/ubn';
import { IMPORT_COLUMNS, type ColumnSpec, type ImportKind } from './columns';
import { readImportDate } from './dates';

/** How many dates of each convention a file used (SPEC §2: say which you saw). */
export interface DateTally {
  gregorian: number;
  roc: number;
}

export const YES_NO = ['是', '否'] as const;

/** Free text is bounded so a hostile cell cannot bloat the registry. */
export const DEFAULT_MAX_TEXT = 200;
const MAX_HOURS_DECIMALS = 2;

export class RowReader {
  readonly findings: Finding[] = [];
  private readonly specs: ReadonlyMap<string, ColumnSpec>;

  constructor(
    readonly kind: ImportKind,
    readonly row: number,
    private readonly cell: (key: string) => CellValue | undefined,
    private readonly dates: DateTally,
  ) {
    this.specs = new Map(IMPORT_COLUMNS[kind].map((c) => [c.key, c]));
  }

  header(key: string): string {
    return this.specs.get(key)?.header ?? key;
  }

  private required(key: string): boolean {
    return this.specs.get(key)?.required ?? false;
  }

  /** Adds a finding at this row and the column of key. */
  report(code: FindingCode, key: string, params: Params = {}, severity?: 'error' | 'warning'): void {
    const label = this.header(key);
    this.findings.push(makeFinding(code, { row: this.row, field: label }, { label, ...params }, severity === undefined ? {} : { severity }));
  }

  /** True when no error was reported for this row (warnings do not reject a row). */
  get valid(): boolean {
    return this.findings.every((f) => f.severity !== 'error');
  }

  raw(key: string): CellValue | undefined {
    return this.cell(key);
  }

  isBlank(key: string): boolean {
    return cellText(this.cell(key)) === null;
  }

  private take<T>(key: string, result: ValueResult<T | null>): T | null {
    if (!result.ok) {
      this.report(result.code, key, result.params);
      return null;
    }
    if (result.value === null && this.required(key)) {
      this.report('cell.required', key, { actual: '' });
      return null;
    }
    return result.value;
  }

  text(key: string, maxLength = DEFAULT_MAX_TEXT): string | null {
    return this.take(key, readText(this.cell(key), { maxLength }));
  }

  choice<T extends string>(key: string, options: readonly T[]): T | null {
    return this.take(key, readEnum(this.cell(key), options)) as T | null;
  }

  /** 是 / 否 → true / false; blank → null. */
  yesNo(key: string): boolean | null {
    const v = this.choice(key, YES_NO);
    return v === null ? null : v === '是';
  }

  /** Gregorian YYYY-MM-DD, ROC yyyMMdd or yyy-MM-dd (or a real Excel date) → ISO date; the convention is tallied. */
  date(key: string): string | null {
    const d = this.take(key, readImportDate(this.cell(key)));
    if (d === null) return null;
    this.dates[d.format] += 1;
    return d.date.iso;
  }

  nationalId(key: string): NationalId | null {
    if (this.isBlank(key)) return this.take<NationalId>(key, { ok: true, value: null });
    return this.take(key, readNationalId(this.cell(key)));
  }

  ubn(key: string): string | null {
    if (this.isBlank(key)) return this.take<string>(key, { ok: true, value: null });
    return this.take(key, readUbn(this.cell(key)));
  }

  phone(key: string): string | null {
    return this.take(key, readPhone(this.cell(key)));
  }

  email(key: string): string | null {
    return this.take(key, readEmail(this.cell(key)));
  }

  /** A whole number of people or units (no sign, at most maxDigits digits). */
  count(key: string, maxDigits = 7): number | null {
    const d = this.take(key, readAmount(this.cell(key), { maxDigits }));
    return d === null ? null : d.toNumber();
  }

  /** Whole NT dollars as a digit string (Decimal, never a float). */
  amount(key: string, maxDigits = 12): string | null {
    const d = this.take(key, readAmount(this.cell(key), { maxDigits }));
    return d === null ? null : d.toFixed(0);
  }

  /** Hours with at most two decimals, as a decimal string (e.g. '6.5'). */
  hours(key: string, maxDigits = 6): string | null {
    const d = this.take(key, readAmount(this.cell(key), { maxDigits, integer: false }));
    if (d === null) return null;
    if (d.decimalPlaces() > MAX_HOURS_DECIMALS) {
      this.report('cell.type', key, { actual: cellText(this.cell(key)) ?? '', expectedType: 'type.hours' });
      return null;
    }
    return new Decimal(d).toFixed();
  }
}
