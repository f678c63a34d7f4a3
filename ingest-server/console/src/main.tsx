// Entry point of the web console for local-government officers, ministry reviewers and registry staff.
import { createRoot } from 'react-dom/client';
import { App } from './App';

const mount = document.getElementById('root');
if (mount !== null) createRoot(mount).render(<App />);
