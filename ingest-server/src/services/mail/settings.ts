// Whether e-mail is on (PORTFUND_SMTP_URL set) and where the console's links point (PORTFUND_PUBLIC_URL): set once by
// createApp, read by whoever writes to the outbox inside its own transaction (notifications, reset links).
export interface MailSettings {
  /** false: nothing is written to the outbox (no SMTP server to deliver it); the console says so where a link would be mailed. */
  readonly enabled: boolean;
  /** The console's origin for links in e-mail, without a trailing slash. */
  readonly publicUrl: string;
}

export const DEFAULT_PUBLIC_URL = 'https://localhost:3000';

let current: MailSettings = { enabled: false, publicUrl: DEFAULT_PUBLIC_URL };

export const setMailSettings = (settings: { readonly enabled: boolean; readonly publicUrl: string | undefined }): void => {
  current = { enabled: settings.enabled, publicUrl: (settings.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '') };
};

export const mailSettings = (): MailSettings => current;

/** A page of the console as a link for an e-mail (the console routes by the URL hash). */
export const consoleLink = (hashPath: string): string => `${current.publicUrl}/#/${hashPath.replace(/^\/+/, '')}`;
