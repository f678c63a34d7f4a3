// Text for screen readers only (headings that structure the pane, live announcements), out of the narrow pane's way.
import { makeStyles } from '@fluentui/react-components';

export const useVisuallyHidden = makeStyles({
  root: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
    border: '0',
  },
});
