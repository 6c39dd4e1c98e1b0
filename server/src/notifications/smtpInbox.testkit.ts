// A real SMTP server on a free local port (smtp-server), keeping every message it is given, parsed
// with mailparser, for the mail tests. `refuse` makes it answer the next messages with a temporary
// failure, as a mail server that is down for a while does.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpInbox {
  url: string;
  messages: ParsedMail[];
  /** Resolves once at least `n` messages have arrived. */
  waitFor(n: number): Promise<ParsedMail[]>;
  /** The next `n` messages are refused with 451. */
  refuse(n: number): void;
  /** How many messages were refused so far. */
  refused(): number;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: ParsedMail[] = [];
  const waiters: { n: number; resolve: (m: ParsedMail[]) => void }[] = [];
  let toRefuse = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      if (toRefuse > 0) {
        toRefuse--;
        refusedCount++;
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          messages.push(mail);
          for (const w of waiters.filter((w) => messages.length >= w.n)) {
            waiters.splice(waiters.indexOf(w), 1);
            w.resolve([...messages]);
          }
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (n) =>
      messages.length >= n ? Promise.resolve([...messages]) : new Promise((resolve) => waiters.push({ n, resolve })),
    refuse: (n) => {
      toRefuse = n;
    },
    refused: () => refusedCount,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
