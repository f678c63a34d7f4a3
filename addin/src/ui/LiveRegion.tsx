// A polite live region: screen readers announce the summary after each check or submission — an identical summary too,
// because every announcement is a new child node (a changed text alone would not be re-read when it is the same).
import { useVisuallyHidden } from './visually-hidden';

export interface Announcement {
  readonly text: string;
  /** Counts announcements: a new number is a new announcement even for the same text. */
  readonly seq: number;
}

export const NO_ANNOUNCEMENT: Announcement = { text: '', seq: 0 };

export const LiveRegion = ({ announcement }: { readonly announcement: Announcement }) => {
  const hidden = useVisuallyHidden();
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={hidden.root} data-testid="live-region">
      {announcement.text !== '' && <span key={announcement.seq}>{announcement.text}</span>}
    </div>
  );
};
