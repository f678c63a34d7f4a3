// The error / warning counts of a filing, as badges.
import { SEVERITY_LABELS } from '@portfund/api-contract';
import { Badge, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

export const SummaryBadges = ({ errors, warnings }: { readonly errors: number; readonly warnings: number }) => {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      <Badge color={errors > 0 ? 'danger' : 'success'} appearance="filled">
        {SEVERITY_LABELS.error} {errors}
      </Badge>
      <Badge color={warnings > 0 ? 'warning' : 'informative'} appearance="tint">
        {SEVERITY_LABELS.warning} {warnings}
      </Badge>
    </span>
  );
};
