// Which workbook is open and which template (kind, version) it was made from — or that it is not one of ours.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { CURRENT_VERSION } from '@portfund/shared-rules';
import { type PaneCheck } from '../check/run-check';
import { KIND_LABEL } from './labels';

const useStyles = makeStyles({
  box: { marginBottom: tokens.spacingVerticalS },
  file: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', margin: '0' },
  kind: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXXS} 0 0` },
});

export const WorkbookInfo = ({ check }: { readonly check: PaneCheck }) => {
  const styles = useStyles();
  const { kind, templateVersion } = check.result;
  const file = <p className={styles.file}>{check.fileName ?? '（尚未存檔的活頁簿）'}</p>;
  if (kind === null) {
    return (
      <div className={styles.box} data-testid="workbook-info">
        {file}
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>這不是本系統的範本</MessageBarTitle>
            <div>請用勞動部提供的申請書或現金收支登記簿範本填寫；原因見下方檢查結果。</div>
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }
  return (
    <div className={styles.box} data-testid="workbook-info">
      {file}
      <p className={styles.kind}>
        {KIND_LABEL[kind] ?? kind}・範本 {templateVersion}
        {templateVersion !== CURRENT_VERSION && `（最新為 ${CURRENT_VERSION}）`}
      </p>
    </div>
  );
};
