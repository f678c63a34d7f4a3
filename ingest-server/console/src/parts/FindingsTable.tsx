// Every finding of a filing, by sheet then by rule with counts, collapsible, 100 to a page within a rule, filtered by
// severity and searched by code, cell, voucher or text; a ledger finding shows its entry (月/日, 傳票序號, 摘要, 金額).
// 「下載檢查結果」 is the print-ready XLSX; 列印 prints what is open (console.css @media print hides the controls).
import { type Finding, SEVERITY_LABELS } from '@portfund/api-contract';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  mergeClasses,
  SearchBox,
  ToggleButton,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLayoutStyles } from './layout';
import { moneyText } from './money';
import { emptySummaryText, emptyWorkbookSummary, filterFindings, groupFindings, type RuleGroup, type SeverityFilter } from './finding-groups';

const PAGE = 100;
/** Up to this many findings every rule opens; above it the rules start closed, their counts in view. */
const OPEN_ALL_UP_TO = 200;

const where = (f: Finding): string => (f.cell !== undefined ? f.cell : f.row !== undefined ? `第 ${f.row} 列` : '');

const entryText = (e: NonNullable<Finding['entry']>): string[] =>
  [
    e.month !== null || e.day !== null ? `${e.month ?? '?'}/${e.day ?? '?'}` : null,
    e.zi !== null || e.voucher !== null ? `傳票 ${e.zi ?? ''}${e.voucher ?? ''}` : null,
    e.summary,
    e.amount !== null ? `金額 ${moneyText(e.amount)}` : null,
  ].filter((t): t is string => t !== null && t !== '');

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: 'anywhere',
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  list: { gap: tokens.spacingVerticalXS },
  where: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  entry: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `0 ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  search: { flexGrow: 1, minWidth: '12em', maxWidth: '28em' },
  searchBox: { width: '100%', maxWidth: '100%' },
  sheetHeader: { fontWeight: tokens.fontWeightSemibold },
  // a rule's header may be long (title and code): let it wrap on a phone
  ruleHeader: { overflowWrap: 'anywhere', textAlign: 'start' },
  panel: { paddingTop: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
  code: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
});

const FindingItem = ({ finding: f }: { readonly finding: Finding }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  return (
    // "finding" names the item for the UI test
    <li className={mergeClasses('finding', styles.item, f.severity === 'warning' && styles.warning)} data-code={f.code}>
      <div className={layout.inline}>
        <Badge color={f.severity === 'error' ? 'danger' : 'warning'} appearance="filled">
          {SEVERITY_LABELS[f.severity]}
        </Badge>
        {f.source === 'recon' && (
          <Badge appearance="outline" color="informative">
            勾稽
          </Badge>
        )}
        <span className={styles.where}>{where(f)}</span>
        {f.entry !== undefined && (
          <span className={mergeClasses('finding-entry', styles.entry)}>
            {entryText(f.entry).map((t, i) => (
              <span key={i}>{t}</span>
            ))}
          </span>
        )}
      </div>
      <div className={styles.message}>{f.message}</div>
      {(f.expected !== undefined || f.actual !== undefined) && (
        <div className={layout.muted}>
          {f.expected !== undefined && <>應為：{f.expected}{'\u3000'}</>}
          {f.actual !== undefined && <>實際：{f.actual}</>}
        </div>
      )}
    </li>
  );
};

/** One rule's findings, a page at a time. */
const RuleFindings = ({ group }: { readonly group: RuleGroup }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [page, setPage] = useState(0);
  const top = useRef<HTMLDivElement>(null);
  const turned = useRef(false);
  // a new page starts at its first finding, not where the pager was
  useEffect(() => {
    if (turned.current) top.current?.scrollIntoView({ block: 'start' });
    turned.current = true;
  }, [page]);
  const pages = Math.ceil(group.findings.length / PAGE);
  const current = Math.min(page, Math.max(0, pages - 1));
  const first = current * PAGE;
  const shown = group.findings.slice(first, first + PAGE);
  return (
    <div className={layout.stack} ref={top}>
      <ul className={mergeClasses(layout.plainList, layout.stack, styles.list)}>
        {shown.map((f, i) => (
          <FindingItem key={first + i} finding={f} />
        ))}
      </ul>
      {pages > 1 && (
        <nav className={mergeClasses('no-print', layout.inline)} aria-label={`${group.title}的分頁`}>
          <Button size="small" disabled={current === 0} onClick={() => setPage(current - 1)}>
            上一頁
          </Button>
          <span aria-live="polite">
            第 {first + 1}–{first + shown.length} 項，共 {group.findings.length} 項
          </span>
          <Button size="small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            下一頁
          </Button>
        </nav>
      )}
    </div>
  );
};

const sheetKey = (sheet: string): string => `s|${sheet}`;
const ruleKey = (sheet: string, code: string): string => `r|${sheet}|${code}`;

export const FindingsTable = ({ findings, filingId }: { readonly findings: readonly Finding[]; readonly filingId: number }) => {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [severity, setSeverity] = useState<SeverityFilter>('all');
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterFindings(findings, severity, query), [findings, severity, query]);
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const allKeys = useMemo(() => groups.flatMap((g) => [sheetKey(g.sheet), ...g.rules.map((r) => ruleKey(g.sheet, r.code))]), [groups]);
  const sheetKeys = useMemo(() => groups.map((g) => sheetKey(g.sheet)), [groups]);
  const [open, setOpen] = useState<string[]>(() => (findings.length <= OPEN_ALL_UP_TO ? allKeys : sheetKeys));
  // a narrowed view small enough to read opens every group it has; a large one keeps the sheets open, rules closed
  useEffect(() => {
    setOpen(shown.length <= OPEN_ALL_UP_TO ? allKeys : sheetKeys);
  }, [shown.length, allKeys, sheetKeys]);
  const emptySummary = useMemo(() => emptyWorkbookSummary(findings), [findings]);
  const errors = useMemo(() => findings.filter((f) => f.severity === 'error').length, [findings]);

  if (findings.length === 0) return <p role="status" className={layout.paragraph}>檢查結果：沒有{SEVERITY_LABELS.error}或{SEVERITY_LABELS.warning}。</p>;
  const counts: Record<SeverityFilter, number> = { all: findings.length, error: errors, warning: findings.length - errors };
  return (
    <div className={layout.stack}>
      {emptySummary !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>這份活頁簿大部分必填欄位尚未填寫</MessageBarTitle>
            <ul className={layout.plainList}>
              {emptySummary.map((s) => (
                <li key={s.sheet}>{emptySummaryText(s)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={mergeClasses('no-print', layout.row)}>
        <div className={layout.inline} role="group" aria-label="依類別篩選">
          {(['all', 'error', 'warning'] as const).map((s) => (
            <ToggleButton key={s} checked={severity === s} onClick={() => setSeverity(s)} size="small">
              {s === 'all' ? '全部' : `只看${SEVERITY_LABELS[s]}`}（{counts[s]}）
            </ToggleButton>
          ))}
        </div>
        <Field label="搜尋（代碼、儲存格、傳票序號或文字）" className={styles.search}>
          <SearchBox className={styles.searchBox} value={query} onChange={(_e, d) => setQuery(d.value)} placeholder="例如 D15、voucher_duplicate、文具" />
        </Field>
      </div>
      <div className={mergeClasses('no-print', layout.inline)}>
        <Button size="small" onClick={() => setOpen(allKeys)}>
          全部展開
        </Button>
        <Button size="small" onClick={() => setOpen(sheetKeys)}>
          收合各規則
        </Button>
        <Button size="small" onClick={() => window.print()}>
          列印
        </Button>
        <Link href={`/api/filings/${filingId}/findings.xlsx`} download>
          下載檢查結果（XLSX）
        </Link>
      </div>
      <p role="status" className={mergeClasses(layout.paragraph, layout.muted)}>
        {severity === 'all' && query.trim() === '' ? `共 ${findings.length} 項` : `符合條件 ${shown.length} 項，共 ${findings.length} 項`}
      </p>
      {shown.length === 0 && <p className={layout.paragraph}>沒有符合篩選條件的檢查結果，請改用其他條件或按「全部」。</p>}
      <Accordion multiple collapsible openItems={open} onToggle={(_e, d) => setOpen(d.openItems.map(String))}>
        {groups.map((g) => (
          <AccordionItem key={g.sheet} value={sheetKey(g.sheet)} className="findings-sheet">
            <AccordionHeader as="h3" className={styles.sheetHeader} expandIconPosition="start">
              {g.sheet}（{g.count} 項{g.errors > 0 && g.errors < g.count ? `，其中${SEVERITY_LABELS.error} ${g.errors}` : ''}）
            </AccordionHeader>
            <AccordionPanel className={styles.panel}>
              <Accordion multiple collapsible openItems={open} onToggle={(_e, d) => setOpen(d.openItems.map(String))}>
                {g.rules.map((r) => (
                  <AccordionItem key={r.code} value={ruleKey(g.sheet, r.code)} className="findings-rule">
                    <AccordionHeader as="h4" size="small" className={styles.ruleHeader} expandIconPosition="start">
                      <span>
                        {r.title}（{r.findings.length} 項）<span className={styles.code}> {r.code}</span>
                      </span>
                    </AccordionHeader>
                    <AccordionPanel className={styles.panel}>
                      <RuleFindings group={r} />
                    </AccordionPanel>
                  </AccordionItem>
                ))}
              </Accordion>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
};
