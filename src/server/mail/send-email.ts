import { asc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { AppContext } from '../app-context.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import { readFile } from '../files/store-file.ts';
import { emailAttachments, emails } from './mail-tables.ts';

let transport: { url: string; t: nodemailer.Transporter } | undefined;

function smtp(url: string) {
  if (transport?.url !== url) transport = { url, t: nodemailer.createTransport(url) };
  return transport.t;
}

/**
 * The `email.send` job: delivers one queued mail through SMTP when SMTP_URL is set, otherwise drops it in
 * the local outbox that administrators read in the app. A failure throws, and the job queue retries.
 */
export async function sendEmail(ctx: AppContext, payload: { emailId: string }) {
  const [mail] = await ctx.db.select().from(emails).where(eq(emails.id, payload.emailId)).limit(1);
  if (!mail || mail.status === 'sent' || mail.status === 'outbox') return;
  if (!ctx.config.smtpUrl) {
    await ctx.db
      .update(emails)
      .set({ status: 'outbox', transport: 'outbox', sentAt: ctx.now(), attempts: mail.attempts + 1 })
      .where(eq(emails.id, mail.id));
    return;
  }
  const [coop] = await ctx.db
    .select({ name: cooperative.legalName, email: cooperative.email })
    .from(cooperative);
  const files = await ctx.db
    .select()
    .from(emailAttachments)
    .where(eq(emailAttachments.emailId, mail.id))
    .orderBy(asc(emailAttachments.position));
  const attachments = [];
  for (const f of files) {
    const file = await readFile(ctx.db, f.fileSha256);
    if (!file) throw new Error(`attachment ${f.fileSha256} missing from the file store`);
    attachments.push({ filename: f.filename, content: Buffer.from(file.bytes), contentType: file.mediaType });
  }
  try {
    await smtp(ctx.config.smtpUrl).sendMail({
      from: { name: coop?.name ?? 'Mutua', address: coop?.email ?? 'no-reply@localhost' },
      to: { name: mail.toName, address: mail.toAddress },
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      attachments,
    });
  } catch (error) {
    await ctx.db
      .update(emails)
      .set({ attempts: mail.attempts + 1, lastError: String((error as Error).message).slice(0, 500) })
      .where(eq(emails.id, mail.id));
    throw error;
  }
  await ctx.db
    .update(emails)
    .set({
      status: 'sent',
      transport: 'smtp',
      sentAt: ctx.now(),
      attempts: mail.attempts + 1,
      lastError: null,
    })
    .where(eq(emails.id, mail.id));
}

/** Called by the job queue when a mail has failed its last attempt. */
export async function markEmailFailed(ctx: AppContext, payload: { emailId: string }, error: string) {
  await ctx.db
    .update(emails)
    .set({ status: 'failed', lastError: error.slice(0, 500) })
    .where(eq(emails.id, payload.emailId));
}
