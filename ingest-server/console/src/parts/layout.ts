// Layout and text styles the console's pages share, in Fluent tokens like the add-in's task pane.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useLayoutStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // a row of fields and buttons that wraps on a narrow screen, buttons level with the inputs
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  inline: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  muted: { color: tokens.colorNeutralForeground3 },
  plainList: { listStyleType: 'none', padding: 0, margin: 0 },
  paragraph: { margin: 0 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  // a phrase (a period, a name) that moves to the next line whole rather than breaking in the middle
  unit: { display: 'inline-block' },
  // an empty live region stays in the accessibility tree (so its first message is announced) but takes no room
  liveRegion: { ':empty': { position: 'absolute' } },
});
