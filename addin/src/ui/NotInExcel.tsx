// Shown when the page is opened outside Excel (or Office.js could not load).
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens, webLightTheme } from '@fluentui/react-components';

const useStyles = makeStyles({ root: { padding: tokens.spacingHorizontalM } });

export const NotInExcel = () => {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang="zh-TW">
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>請在 Excel 中開啟</MessageBarTitle>
          <div>
            這是 Excel 增益集的工作窗格，請在 Excel（桌面版或網頁版）的「常用」索引標籤按「檢查與申報」開啟。若在 Excel 中仍看到此訊息，可能是無法載入
            Office.js：請改用 taskpane.html?officejs=local 由本系統伺服器載入。
          </div>
        </MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
};
