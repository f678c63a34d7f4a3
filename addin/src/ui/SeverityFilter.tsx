// Show all findings, only errors or only warnings: three toggle buttons with their counts.
import { makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';

export type SeverityFilterValue = 'all' | 'error' | 'warning';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', marginTop: tokens.spacingVerticalS },
  button: { minWidth: 'auto', flexGrow: 1 },
  checked: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover, color: tokens.colorBrandForeground2 },
  },
});

export interface SeverityFilterProps {
  readonly value: SeverityFilterValue;
  readonly counts: { readonly errors: number; readonly warnings: number };
  readonly onChange: (value: SeverityFilterValue) => void;
}

export const SeverityFilter = ({ value, counts, onChange }: SeverityFilterProps) => {
  const styles = useStyles();
  const options: [SeverityFilterValue, string][] = [
    ['all', `全部 ${counts.errors + counts.warnings}`],
    ['error', `錯誤 ${counts.errors}`],
    ['warning', `警告 ${counts.warnings}`],
  ];
  return (
    <div role="group" aria-label="依嚴重程度篩選" className={styles.bar}>
      {options.map(([v, label]) => (
        <ToggleButton
          key={v}
          size="small"
          className={mergeClasses(styles.button, value === v && styles.checked)}
          checked={value === v}
          onClick={() => onChange(v)}
        >
          {label}
        </ToggleButton>
      ))}
    </div>
  );
};
