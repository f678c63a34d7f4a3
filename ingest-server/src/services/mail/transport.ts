// nodemailer over SMTP (PORTFUND_SMTP_URL, e.g. smtps://user:pass@mail.example.gov.tw:465 or smtp://relay:25),
// with timeouts well below the sender's lease so a hanging server never makes two senders deliver one row.
import nodemailer from 'nodemailer';
import { type MailTransport } from './sender';

export const createSmtpTransport = (smtpUrl: string): MailTransport & { close(): void } => {
  const transporter = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as nodemailer.TransportOptions);
  return { sendMail: (m) => transporter.sendMail(m), close: () => transporter.close() };
};
