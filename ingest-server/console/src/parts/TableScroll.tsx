// A wide table scrolls sideways inside its own box, never the page; keyboard users can focus the box to scroll it.
import { makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode } from 'react';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: tokens.strokeWidthThin },
  },
});

export const TableScroll = ({ label, children }: { readonly label: string; readonly children: ReactNode }) => {
  const styles = useStyles();
  return (
    <div className={styles.scroll} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
};

/** Cells keep to one line and the table grows to fit them (Fluent's table squeezes columns to the box); long names wrap. */
export const useTableStyles = makeStyles({
  table: { tableLayout: 'auto' },
  head: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', backgroundColor: tokens.colorNeutralBackground2 },
  cell: { whiteSpace: 'nowrap' },
  // room for most union names on one line even when the table scrolls
  name: { whiteSpace: 'normal', minWidth: '12em' },
  num: { whiteSpace: 'nowrap', textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  numHead: { justifyContent: 'flex-end' },
});
