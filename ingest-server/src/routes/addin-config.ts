// GET /addin/config.js: the server's PORTFUND_OFFICE_JS for the task pane's boot script, so the setting takes effect at
// run time (taskpane.html?officejs=cdn|local still overrides it; a pane served elsewhere uses its build's default).
import { type RequestHandler } from 'express';
import { type Config } from '../config';

export const addinConfigScript =
  (config: Pick<Config, 'officeJs'>): RequestHandler =>
  (_req, res) => {
    res.set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
    res.send(`window.__PORTFUND_OFFICE_JS__ = ${JSON.stringify(config.officeJs)};\n`);
  };
