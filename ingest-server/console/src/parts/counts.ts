// The numbers in the main menu — unread notifications, filings waiting for me (待辦) — kept fresh: on a timer, when the
// window regains focus, on navigation, and at once when a page changes them (a decision, marking notices read).
import { useCallback, useEffect, useState } from 'react';
import { type User } from '@portfund/api-contract';
import { api } from '../api';

const CHANGED = 'portfund:counts-changed';
const EVERY_MS = 60_000;

/** Tells the menu that something it counts has changed. */
export const announceCountsChanged = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

export interface Counts {
  readonly unread: number | null;
  /** null for a union (it has no worklist) or before the first answer. */
  readonly worklist: number | null;
  readonly overdue: number | null;
}

export const useMenuCounts = (user: User): Counts => {
  const [counts, setCounts] = useState<Counts>({ unread: null, worklist: null, overdue: null });
  const reviewer = user.role !== 'union';

  const refresh = useCallback(async () => {
    const [unread, work] = await Promise.all([api.unreadCount(), reviewer ? api.worklist() : Promise.resolve(null)]);
    setCounts((c) => ({
      unread: unread.ok ? unread.value.unread : c.unread,
      worklist: work?.ok === true ? work.value.total : c.worklist,
      overdue: work?.ok === true ? work.value.overdue : c.overdue,
    }));
  }, [reviewer]);

  useEffect(() => {
    const onEvent = () => void refresh();
    void refresh();
    const timer = window.setInterval(onEvent, EVERY_MS);
    window.addEventListener(CHANGED, onEvent);
    window.addEventListener('focus', onEvent);
    window.addEventListener('hashchange', onEvent);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, onEvent);
      window.removeEventListener('focus', onEvent);
      window.removeEventListener('hashchange', onEvent);
    };
  }, [refresh]);

  return counts;
};
