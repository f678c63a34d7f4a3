// Findings grouped by sheet in workbook order (workbook-wide findings first), each group a labelled list.
import { useId } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { FindingItem, type PaneFinding } from './FindingItem';

const WHOLE_WORKBOOK = '整份活頁簿';

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground2,
  },
  list: { margin: '0', padding: '0' },
});

export const groupBySheet = (findings: readonly PaneFinding[], sheetOrder: readonly string[]): [string, PaneFinding[]][] => {
  const groups = new Map<string, PaneFinding[]>();
  for (const f of findings) {
    const key = f.sheet ?? WHOLE_WORKBOOK;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  const rank = (sheet: string): number => (sheet === WHOLE_WORKBOOK ? -1 : sheetOrder.includes(sheet) ? sheetOrder.indexOf(sheet) : sheetOrder.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b));
};

const Group = ({ sheet, findings, onSelect }: { sheet: string; findings: readonly PaneFinding[]; onSelect: (f: PaneFinding) => void }) => {
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.group} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {sheet}（{findings.length}）
      </h3>
      <ul className={styles.list}>
        {findings.map((f, i) => (
          <FindingItem key={`${f.code}-${f.cell ?? ''}-${i}`} finding={f} onSelect={onSelect} />
        ))}
      </ul>
    </section>
  );
};

export interface FindingsListProps {
  readonly findings: readonly PaneFinding[];
  readonly sheetOrder: readonly string[];
  readonly onSelect: (finding: PaneFinding) => void;
  readonly label: string;
}

export const FindingsList = ({ findings, sheetOrder, onSelect, label }: FindingsListProps) => (
  <div role="region" aria-label={label} data-testid="findings">
    {groupBySheet(findings, sheetOrder).map(([sheet, list]) => (
      <Group key={sheet} sheet={sheet} findings={list} onSelect={onSelect} />
    ))}
  </div>
);
