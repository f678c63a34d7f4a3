// The task pane: 檢查 (check in place) and 送出 (submit) tabs over one workbook host.
import { useCallback, useState } from 'react';
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens, webLightTheme } from '@fluentui/react-components';
import { type WorkbookHost } from '../office';
import { CheckPanel } from './CheckPanel';
import { type PaneFinding } from './FindingItem';
import { LiveRegion } from './LiveRegion';
import { SubmitPanel } from './SubmitPanel';
import { useValidation } from './use-validation';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, boxSizing: 'border-box' },
  header: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} 0`, backgroundColor: tokens.colorNeutralBackground1 },
  title: { margin: '0', fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase500 },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  body: { padding: tokens.spacingHorizontalM },
  navError: { marginBottom: tokens.spacingVerticalS },
});

type TabValue = 'check' | 'submit';

export const App = ({ host }: { readonly host: WorkbookHost }) => {
  const styles = useStyles();
  const validation = useValidation(host);
  const [tab, setTab] = useState<TabValue>('check');
  const [navError, setNavError] = useState<string | null>(null);
  const [submitNews, setSubmitNews] = useState('');

  const goTo = useCallback(
    (f: PaneFinding) => {
      if (f.sheet === undefined) return;
      setNavError(null);
      host.selectCell(f.sheet, f.cell).catch((e: unknown) => {
        setNavError(`無法跳到「${f.sheet}」${f.cell ?? ''}：${e instanceof Error ? e.message : String(e)}`);
      });
    },
    [host],
  );

  return (
    <FluentProvider theme={webLightTheme} className={styles.root} lang="zh-TW">
      <header className={styles.header}>
        <h1 className={styles.title}>福利專款檢查與申報</h1>
        <TabList className={styles.tabs} selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabValue)} aria-label="功能">
          <Tab value="check">檢查</Tab>
          <Tab value="submit">送出</Tab>
        </TabList>
      </header>
      <main className={styles.body}>
        {navError !== null && (
          <MessageBar intent="error" className={styles.navError}>
            <MessageBarBody>{navError}</MessageBarBody>
          </MessageBar>
        )}
        {tab === 'check' ? (
          <CheckPanel validation={validation} onSelect={goTo} />
        ) : (
          <SubmitPanel host={host} validation={validation} onSelect={goTo} announce={setSubmitNews} />
        )}
      </main>
      <LiveRegion message={validation.announcement} />
      <LiveRegion message={submitNews} />
    </FluentProvider>
  );
};
