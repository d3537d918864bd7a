import type { Locale } from '../../core/i18n/locale.ts';
import type { Db } from '../db/open-database.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';
import { emailAttachments, emails } from './mail-tables.ts';
import { type MailTemplates, renderMail } from './mail-templates.ts';

/**
 * Renders a mail and queues it, in the caller's transaction: if the change that causes the mail is rolled
 * back, no mail leaves. A job sends it (SMTP, or the local outbox when no SMTP_URL is set), due at `now`
 * (the app's clock, which the job worker also reads).
 */
export async function enqueueEmail<K extends keyof MailTemplates>(
  db: Db,
  mail: {
    to: string;
    toName: string;
    locale: Locale;
    template: K;
    vars: MailTemplates[K];
    now: Date;
    /** Files of the file store to send with the mail (already stored, by hash). */
    attachments?: { filename: string; sha256: string }[];
  },
) {
  const rendered = renderMail(mail.template, mail.locale, mail.vars);
  const [row] = await db
    .insert(emails)
    .values({
      toAddress: mail.to,
      toName: mail.toName,
      locale: mail.locale,
      template: mail.template,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      createdAt: mail.now,
    })
    .returning({ id: emails.id });
  if (mail.attachments?.length) {
    await db.insert(emailAttachments).values(
      mail.attachments.map((a, position) => ({
        emailId: row!.id,
        position,
        filename: a.filename,
        fileSha256: a.sha256,
      })),
    );
  }
  await enqueueJob(db, 'email.send', { emailId: row!.id }, mail.now);
  return row!.id;
}
