// A zh-TW error message, announced to screen readers; nothing when there is no error.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export const ErrorBar = ({ error }: { readonly error: string | null }) =>
  error === null ? null : (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>{error}</MessageBarBody>
    </MessageBar>
  );
