// Debian's Chromium for UI tests (never a downloaded browser), headless, with the network chatter it does on its own
// switched off: this machine's closed network refuses those connections.
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** `extraArgs`: more switches, e.g. `--host-resolver-rules=MAP portfund.lan 127.0.0.1` to reach the server by a LAN name. */
export const launchChromium = (extraArgs: readonly string[] = []): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...extraArgs],
  });
