// A real SMTP server on loopback for tests (smtp-server): every message received, parsed (mailparser), kept in order.
// It can be stopped and started again on the same port, as an outage would.
import { type AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string;
  readonly from: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
}

export interface TestSmtp {
  readonly port: number;
  readonly url: string;
  readonly received: ReceivedMail[];
  /** Resolves when `count` messages in all have arrived. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

const listen = (server: SMTPServer, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port));
  });

export const startTestSmtp = async (): Promise<TestSmtp> => {
  const received: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        void simpleParser(stream).then(
          (mail) => {
            for (const rcpt of session.envelope.rcptTo) {
              received.push({ to: rcpt.address, from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address, subject: mail.subject ?? '', text: mail.text ?? '', messageId: mail.messageId ?? '' });
            }
            for (const w of waiters.filter((x) => received.length >= x.count)) w.resolve();
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  let server = make();
  const port = await listen(server, 0);
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    waitFor: (count) =>
      received.length >= count ? Promise.resolve(received) : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) })),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async start() {
      server = make();
      await listen(server, port);
    },
  };
};
