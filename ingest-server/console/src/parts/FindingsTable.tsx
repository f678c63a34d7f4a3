// Every finding of a filing, grouped by sheet in workbook order, with the rule's title and a severity filter.
import { CATALOGUE, isFindingCode } from '@portfund/shared-rules/src/findings/catalogue';
import { type Finding as StoredFinding } from '@portfund/api-contract';
import { Badge, makeStyles, mergeClasses, ToggleButton, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useLayoutStyles } from './layout';

type Filter = 'all' | 'error' | 'warning';

const FILE_LEVEL = '（整份檔案）';

const where = (f: StoredFinding): string => (f.cell !== undefined ? f.cell : f.row !== undefined ? `第 ${f.row} 列` : '');

const titleOf = (code: string): string => (isFindingCode(code) ? CATALOGUE[code].title : code);

/** Sheets in the order their first finding appears (the check reports in workbook order). */
export const groupBySheet = (findings: readonly StoredFinding[]): [string, StoredFinding[]][] => {
  const groups = new Map<string, StoredFinding[]>();
  for (const f of findings) {
    const key = f.sheet ?? FILE_LEVEL;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  return [...groups.entries()];
};

// one card per finding, its severity on the left edge, as in the add-in's task pane
const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  list: { gap: tokens.spacingVerticalS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
});

export const FindingsTable = ({ findings }: { readonly findings: readonly StoredFinding[] }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [filter, setFilter] = useState<Filter>('all');
  const shown = useMemo(() => findings.filter((f) => filter === 'all' || f.severity === filter), [findings, filter]);
  const groups = useMemo(() => groupBySheet(shown), [shown]);
  if (findings.length === 0) return <p role="status" className={layout.paragraph}>檢查結果：沒有錯誤或提醒。</p>;
  return (
    <div className={layout.stack}>
      <div className={layout.inline} role="group" aria-label="依嚴重程度篩選">
        {(['all', 'error', 'warning'] as const).map((f) => (
          <ToggleButton key={f} checked={filter === f} onClick={() => setFilter(f)} size="small">
            {f === 'all' ? '全部' : f === 'error' ? '只看錯誤' : '只看提醒'}
          </ToggleButton>
        ))}
      </div>
      {groups.map(([sheet, list]) => (
        <section key={sheet} aria-label={`${sheet} 的檢查結果`} className={layout.stack}>
          <h3 className={layout.subheading}>
            {sheet}（{list.length}）
          </h3>
          <ul className={mergeClasses(layout.plainList, layout.stack, styles.list)}>
            {list.map((f, i) => (
              // "finding" names the item for the UI test
              <li key={i} className={mergeClasses('finding', styles.item, f.severity === 'warning' && styles.warning)} data-code={f.code}>
                <div className={layout.inline}>
                  <Badge color={f.severity === 'error' ? 'danger' : 'warning'} appearance="filled">
                    {f.severity === 'error' ? '錯誤' : '提醒'}
                  </Badge>
                  {f.source === 'recon' && (
                    <Badge appearance="outline" color="informative">
                      勾稽
                    </Badge>
                  )}
                  <span className={styles.where}>{where(f)}</span>
                  <span className={layout.muted}>
                    {titleOf(f.code)}（{f.code}）
                  </span>
                </div>
                <div className={styles.message}>{f.message}</div>
                {(f.expected !== undefined || f.actual !== undefined) && (
                  <div className={layout.muted}>
                    {f.expected !== undefined && <>應為：{f.expected}{'\u3000'}</>}
                    {f.actual !== undefined && <>實際：{f.actual}</>}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
};
