// One finding: a button that jumps to its cell, and a toggle that shows the rule's explanation.
import { useId, useState } from 'react';
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { codeTitle, SEVERITY_LABEL } from './labels';

export interface PaneFinding {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly sheet?: string;
  readonly cell?: string;
  readonly message: string;
  readonly help?: string;
  readonly source?: 'check' | 'recon';
}

const useStyles = makeStyles({
  item: {
    listStyleType: 'none',
    borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    marginBottom: tokens.spacingVerticalS,
    overflow: 'hidden',
  },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  main: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    border: 'none',
    background: 'none',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS}`,
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    ':disabled': { cursor: 'default', backgroundColor: 'transparent' },
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginBottom: '2px' },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  message: { display: 'block', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  more: { marginLeft: tokens.spacingHorizontalXS, marginBottom: tokens.spacingVerticalXS, minWidth: 'auto' },
  help: {
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  helpTitle: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, margin: '0' },
  helpText: { margin: `${tokens.spacingVerticalXXS} 0` },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export interface FindingItemProps {
  readonly finding: PaneFinding;
  readonly onSelect: (finding: PaneFinding) => void;
}

export const FindingItem = ({ finding, onSelect }: FindingItemProps) => {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const helpId = useId();
  const where = finding.sheet === undefined ? '' : finding.cell === undefined ? finding.sheet : `${finding.sheet} ${finding.cell}`;
  const severity = SEVERITY_LABEL[finding.severity];
  const canGo = finding.sheet !== undefined;
  const title = codeTitle(finding.code);
  return (
    <li className={mergeClasses(styles.item, finding.severity === 'warning' && styles.warning)} data-code={finding.code}>
      <button
        type="button"
        className={styles.main}
        disabled={!canGo}
        onClick={() => onSelect(finding)}
        aria-label={`${severity}${where === '' ? '' : `，${where}`}：${finding.message}${canGo ? '。按 Enter 跳到此儲存格' : ''}`}
      >
        <span className={styles.head}>
          <Badge size="small" appearance="filled" color={finding.severity === 'error' ? 'danger' : 'warning'}>
            {severity}
          </Badge>
          {finding.source === 'recon' && (
            <Badge size="small" appearance="tint" color="informative">
              勾稽
            </Badge>
          )}
          {finding.cell !== undefined && <span className={styles.cell}>{finding.cell}</span>}
        </span>
        <span className={styles.message}>{finding.message}</span>
      </button>
      {finding.help !== undefined && (
        <>
          <Button
            size="small"
            appearance="transparent"
            className={styles.more}
            aria-expanded={open}
            aria-controls={helpId}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? '收起說明' : '說明'}
          </Button>
          <div id={helpId} className={styles.help} hidden={!open}>
            {title !== null && <p className={styles.helpTitle}>{title}</p>}
            <p className={styles.helpText}>{finding.help}</p>
            <span className={styles.code}>{finding.code}</span>
          </div>
        </>
      )}
    </li>
  );
};
