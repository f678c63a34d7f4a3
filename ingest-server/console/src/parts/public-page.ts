// The frame of the pages one sees signed out (sign-in, 忘記密碼, the reset link, first-run setup): one narrow card.
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePublicPageStyles = makeStyles({
  // padding, not margin, above the card: the page's background then reaches the top of the window
  page: { padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalM}` },
  card: { maxWidth: '400px', margin: '0 auto' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  links: { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});
