// Entry point: wait for Office.js, then render the pane (or a hint when the page is not running inside Excel).
import { createRoot } from 'react-dom/client';
import { officeHost } from './office';
import { App } from './ui/App';
import { NotInExcel } from './ui/NotInExcel';

const render = (inExcel: boolean): void => {
  const mount = document.getElementById('root');
  if (mount === null) return;
  createRoot(mount).render(inExcel ? <App host={officeHost} /> : <NotInExcel />);
};

if (typeof Office === 'undefined') render(false);
else
  void Office.onReady()
    .then((info) => render(info.host === Office.HostType.Excel))
    .catch(() => render(false));
