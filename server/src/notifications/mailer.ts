// Sends one mail through the SMTP server of SMTP_URL, with nodemailer. Timeouts are short so that a
// mail server that does not answer holds up the outbox, never a request.
import nodemailer from 'nodemailer';
import type { MailAttachment } from '../storage/NotifyStore.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachment: MailAttachment | null;
  /** The one-click stop address (RFC 8058) for the List-Unsubscribe headers; null sends none. */
  unsubscribeUrl: string | null;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send({ to, subject, text, attachment, unsubscribeUrl }) {
      await transport.sendMail({
        from,
        to,
        subject,
        text,
        // RFC 2369 names the address; RFC 8058 says a POST to it stops the mail without a page, which
        // is what Gmail's and Yahoo's "Unsubscribe" button sends.
        ...(unsubscribeUrl && {
          list: { unsubscribe: { url: unsubscribeUrl } },
          headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
        }),
        ...(attachment && {
          attachments: [
            {
              filename: attachment.filename,
              content: attachment.content,
              contentType: attachment.contentType,
            },
          ],
        }),
      });
    },
    close: () => transport.close(),
  };
}
