// The error / warning counts of a filing, as badges.
import { Badge } from '@fluentui/react-components';

export const SummaryBadges = ({ errors, warnings }: { readonly errors: number; readonly warnings: number }) => (
  <span className="row" style={{ gap: 4 }}>
    <Badge color={errors > 0 ? 'danger' : 'success'} appearance="filled">
      錯誤 {errors}
    </Badge>
    <Badge color={warnings > 0 ? 'warning' : 'informative'} appearance="tint">
      提醒 {warnings}
    </Badge>
  </span>
);
