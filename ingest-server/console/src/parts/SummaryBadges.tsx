// The error / warning counts of a filing, as badges.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  badges: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
});

export const SummaryBadges = ({ errors, warnings }: { readonly errors: number; readonly warnings: number }) => {
  const styles = useStyles();
  return (
    <span className={styles.badges}>
      <Badge color={errors > 0 ? 'danger' : 'success'} appearance="filled">
        錯誤 {errors}
      </Badge>
      <Badge color={warnings > 0 ? 'warning' : 'informative'} appearance="tint">
        提醒 {warnings}
      </Badge>
    </span>
  );
};
