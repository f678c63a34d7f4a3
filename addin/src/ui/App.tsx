// The task pane: 檢查 (check in place) and 送出 (submit) tabs over one workbook host. Both panels stay mounted (the
// hidden one hidden), so the server's answer and the sign-in survive a switch of tabs.
import { useCallback, useId, useState } from 'react';
import { FluentProvider, makeStyles, MessageBar, MessageBarBody, Tab, TabList, tokens, webLightTheme } from '@fluentui/react-components';
import { type WorkbookHost } from '../office';
import { CheckPanel } from './CheckPanel';
import { type PaneFinding } from './FindingItem';
import { type Announcement, LiveRegion, NO_ANNOUNCEMENT } from './LiveRegion';
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
  const [submitNews, setSubmitNews] = useState<Announcement>(NO_ANNOUNCEMENT);
  const announce = useCallback((text: string) => setSubmitNews((n) => ({ text, seq: n.seq + 1 })), []);
  const ids = useId();
  const tabId = (t: TabValue) => `${ids}-tab-${t}`;
  const panelId = (t: TabValue) => `${ids}-panel-${t}`;

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
          <Tab value="check" id={tabId('check')} aria-controls={panelId('check')}>
            檢查
          </Tab>
          <Tab value="submit" id={tabId('submit')} aria-controls={panelId('submit')}>
            送出
          </Tab>
        </TabList>
      </header>
      <main className={styles.body}>
        {navError !== null && (
          <MessageBar intent="error" className={styles.navError}>
            <MessageBarBody>{navError}</MessageBarBody>
          </MessageBar>
        )}
        <div role="tabpanel" id={panelId('check')} aria-labelledby={tabId('check')} hidden={tab !== 'check'}>
          <CheckPanel validation={validation} onSelect={goTo} />
        </div>
        <div role="tabpanel" id={panelId('submit')} aria-labelledby={tabId('submit')} hidden={tab !== 'submit'}>
          <SubmitPanel host={host} validation={validation} onSelect={goTo} announce={announce} />
        </div>
      </main>
      <LiveRegion announcement={validation.announcement} />
      <LiveRegion announcement={submitNews} />
    </FluentProvider>
  );
};
