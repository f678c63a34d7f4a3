// Over plain HTTP from another machine the console works, but says so: passwords and files cross the network unencrypted.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether the page was loaded over plain HTTP from an address other than this machine. */
export const unencrypted = (location: Pick<Location, 'protocol' | 'hostname'>): boolean => location.protocol === 'http:' && !LOCAL_HOSTS.has(location.hostname);

const useStyles = makeStyles({ bar: { borderRadius: 0 }, body: { maxWidth: '1280px', margin: '0 auto', paddingLeft: tokens.spacingHorizontalL } });

export const InsecureNotice = () => {
  const styles = useStyles();
  if (!unencrypted(window.location)) return null;
  return (
    <MessageBar intent="warning" layout="multiline" className={styles.bar} data-testid="insecure-notice">
      <MessageBarBody>
        <MessageBarTitle>此連線未加密</MessageBarTitle>
        密碼與上傳的檔案會以明文在網路上傳送。請向系統管理者要求改用 https:// 開頭的網址。
      </MessageBarBody>
    </MessageBar>
  );
};
