// The 檢查 tab: workbook, actions (重新檢查, 清除標示), summary, severity filter and the findings by sheet.
import { useMemo, useState } from 'react';
import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { FindingsList } from './FindingsList';
import { type PaneFinding } from './FindingItem';
import { MARKS_FAILED, marksNotice, summaryText } from './labels';
import { SeverityFilter, type SeverityFilterValue } from './SeverityFilter';
import { type Validation } from './use-validation';
import { useVisuallyHidden } from './visually-hidden';
import { WorkbookInfo } from './WorkbookInfo';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  grow: { flexGrow: 1 },
  note: { display: 'block', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: tokens.spacingVerticalXS },
  bar: { marginTop: tokens.spacingVerticalS },
  summary: { marginTop: tokens.spacingVerticalM, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  hasErrors: { color: tokens.colorPaletteRedForeground1 },
  hasWarnings: { color: tokens.colorPaletteMarigoldForeground2 },
  clean: { color: tokens.colorPaletteGreenForeground1 },
});

export interface CheckPanelProps {
  readonly validation: Validation;
  readonly onSelect: (finding: PaneFinding) => void;
}

export const CheckPanel = ({ validation, onSelect }: CheckPanelProps) => {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const [filter, setFilter] = useState<SeverityFilterValue>('all');
  const { check, phase } = validation;
  const shown = useMemo(
    () => (check === null ? [] : check.result.findings.filter((f) => filter === 'all' || f.severity === filter)),
    [check, filter],
  );
  const notice = check === null ? null : marksNotice(check.marks);
  return (
    <div>
      {check !== null && <WorkbookInfo check={check} />}
      <div className={styles.actions}>
        <Button appearance="primary" className={styles.grow} disabled={phase === 'checking'} onClick={() => void validation.validate()}>
          {phase === 'checking' ? '檢查中…' : '重新檢查'}
        </Button>
        <Button className={styles.grow} disabled={check === null || !check.marks.ok} onClick={() => void validation.clearMarks()}>
          清除標示
        </Button>
      </div>
      <Text className={styles.note}>
        {validation.autoRecheck === 'on'
          ? `修改儲存格後會自動重新檢查${check?.marks.ok === true && validation.marks === 'written' ? '；錯誤儲存格標示為紅色、警告為黃色' : ''}。`
          : validation.autoRecheck === 'unsupported'
            ? '此版本的 Excel 不支援自動重新檢查，修改後請按「重新檢查」。'
            : ''}
      </Text>
      {validation.marks === 'cleared' && <Text className={styles.note}>已清除儲存格標示；按「重新檢查」會再次標示。</Text>}
      {validation.marks === 'failed' && (
        <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="marks-failed">
          <MessageBarBody>
            <MessageBarTitle>{MARKS_FAILED.title}</MessageBarTitle>
            <div>{MARKS_FAILED.text}</div>
          </MessageBarBody>
        </MessageBar>
      )}
      {notice !== null && (
        <MessageBar intent="info" className={styles.bar}>
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {validation.error !== null && (
        <MessageBar intent="error" className={styles.bar}>
          <MessageBarBody>{validation.error}</MessageBarBody>
        </MessageBar>
      )}
      {phase === 'checking' && check === null && <Spinner size="small" label="正在讀取活頁簿…" className={styles.bar} />}
      {check !== null && (
        <>
          <h2 className={hidden.root}>檢查結果</h2>
          <div
            className={mergeClasses(
              styles.summary,
              check.result.summary.errors > 0 ? styles.hasErrors : check.result.summary.warnings > 0 ? styles.hasWarnings : styles.clean,
            )}
            data-testid="summary"
          >
            {summaryText(check.result.summary)}
          </div>
          {check.result.findings.length > 0 && <SeverityFilter value={filter} counts={check.result.summary} onChange={setFilter} />}
          <FindingsList findings={shown} sheetOrder={check.sheetOrder} onSelect={onSelect} label="檢查結果" />
        </>
      )}
    </div>
  );
};
