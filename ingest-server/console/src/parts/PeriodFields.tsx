// The 年度 and 季別 inputs of the filing list and the reports: a 3-digit ROC year and a quarter (or, in a filter, all).
import { Button, Field, Input, makeStyles, Select } from '@fluentui/react-components';

const useStyles = makeStyles({
  // three digits need no more room than this
  year: { width: '90px' },
});

export interface PeriodFieldsProps {
  readonly year: string;
  readonly quarter: string;
  readonly onYear: (year: string) => void;
  readonly onQuarter: (quarter: string) => void;
  /** Offer 「全部」 (an empty quarter) as in a filter. */
  readonly allowAll?: boolean;
}

export const PeriodFields = ({ year, quarter, onYear, onQuarter, allowAll = false }: PeriodFieldsProps) => {
  const styles = useStyles();
  return (
    <>
      <Field label="年度">
        <Input value={year} onChange={(_e, d) => onYear(d.value)} placeholder="115" className={styles.year} />
      </Field>
      <Field label="季別">
        <Select value={quarter} onChange={(_e, d) => onQuarter(d.value)}>
          {allowAll && <option value="">全部</option>}
          {[1, 2, 3, 4].map((q) => (
            <option key={q} value={String(q)}>
              第 {q} 季
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
};

/** The period fields with 查詢 as one form (the reports and the dashboard): Enter or the button applies the period. */
export const PeriodQueryForm = ({ className, onApply, ...fields }: Omit<PeriodFieldsProps, 'allowAll'> & { readonly className: string; readonly onApply: () => void }) => (
  <form
    className={className}
    onSubmit={(e) => {
      e.preventDefault();
      onApply();
    }}
  >
    <PeriodFields {...fields} />
    <Button type="submit" appearance="primary">
      查詢
    </Button>
  </form>
);

/** The message for a year that is not a 3-digit ROC year, or null. */
export const yearProblem = (year: string): string | null => (year === '' || /^\d{3}$/.test(year) ? null : '年度請輸入 3 位數民國年，例如 115');
