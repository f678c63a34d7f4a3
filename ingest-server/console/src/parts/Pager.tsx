// 上一頁／下一頁 under a list read a page at a time from the server (offset and page size), with where one is in it.
import { Button } from '@fluentui/react-components';
import { useLayoutStyles } from './layout';

export interface PagerProps {
  readonly total: number;
  readonly offset: number;
  readonly pageSize: number;
  readonly onOffset: (offset: number) => void;
  /** What the list is, for screen readers (e.g. 使用者清單的分頁). */
  readonly label: string;
}

export const Pager = ({ total, offset, pageSize, onOffset, label }: PagerProps) => {
  const layout = useLayoutStyles();
  if (total <= pageSize) return null;
  const last = Math.min(total, offset + pageSize);
  return (
    <nav className={layout.inline} aria-label={label}>
      <Button disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - pageSize))}>
        上一頁
      </Button>
      <span aria-live="polite">
        第 {offset + 1}–{last} 筆，共 {total} 筆
      </span>
      <Button disabled={last >= total} onClick={() => onOffset(offset + pageSize)}>
        下一頁
      </Button>
    </nav>
  );
};
