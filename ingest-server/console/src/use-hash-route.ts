// The page shown follows the URL hash (#/filings, #/filings/12, #/reports …) so officers can bookmark and share a case.
import { useEffect, useState } from 'react';

export interface Route {
  readonly section: string;
  readonly id: number | null;
}

const SECTIONS = new Set(['dashboard', 'filings', 'reports', 'notifications', 'imports']);

export const parseHash = (hash: string): Route => {
  const [section = '', id = ''] = hash.replace(/^#\/?/, '').split('/');
  const known = SECTIONS.has(section) ? section : 'filings';
  return { section: known, id: /^\d{1,9}$/.test(id) ? Number(id) : null };
};

export const useHashRoute = (): Route => {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
};
