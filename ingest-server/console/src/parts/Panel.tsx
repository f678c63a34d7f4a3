// A titled card: one region of a page, named by its heading so screen-reader users can jump between them.
import { Card, makeStyles, tokens } from '@fluentui/react-components';
import { type ReactNode, useId } from 'react';

const useStyles = makeStyles({
  card: { minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  title: {
    flexGrow: 1,
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
});

export interface PanelProps {
  readonly title: ReactNode;
  /** Buttons shown beside the title (they wrap under it on a narrow screen). */
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
}

export const Panel = ({ title, actions, children }: PanelProps) => {
  const styles = useStyles();
  const titleId = useId();
  return (
    <Card role="region" aria-labelledby={titleId} size="large" className={styles.card}>
      <div className={styles.head}>
        <h2 id={titleId} className={styles.title}>
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </Card>
  );
};
