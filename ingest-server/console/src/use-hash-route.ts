// The page shown follows the URL hash (#/filings, #/filings/12, #/reports …) so officers can bookmark and share a case.
import { useEffect, useState } from 'react';

export interface Route {
  readonly section: string;
  /** A page within the section (#/admin/users/5: 'users'), '' when none. */
  readonly sub: string;
  readonly id: number | null;
  /** The hash as it is (pages outside the sections, e.g. the e-mailed #/reset?token=… link). */
  readonly hash: string;
}

const SECTIONS = new Set(['dashboard', 'worklist', 'filings', 'reports', 'notifications', 'imports', 'admin', 'account']);
const ID = /^\d{1,9}$/;

export const parseHash = (hash: string): Route => {
  // a page's own parameters follow a '?' (#/filings/12?figure=allocation): hashQuery reads them
  const [section = '', first = '', second = ''] = (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/');
  const known = SECTIONS.has(section) ? section : 'filings';
  const id = ID.test(first) ? first : second;
  return { section: known, sub: ID.test(first) ? '' : first, id: ID.test(id) ? Number(id) : null, hash };
};

/** The parameters after '?' in the hash (#/dashboard/unions/5?year=115). */
export const hashQuery = (hash: string): URLSearchParams => new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');

export const useHashRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};
