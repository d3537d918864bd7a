import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Locale } from '../../core/i18n/locale.ts';

export type EmailStatus = 'queued' | 'sent' | 'outbox' | 'failed';

export const emails = pgTable('emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  toAddress: text('to_address').notNull(),
  toName: text('to_name').notNull().default(''),
  locale: text('locale').$type<Locale>().notNull(),
  template: text('template').notNull(),
  subject: text('subject').notNull(),
  textBody: text('text_body').notNull(),
  htmlBody: text('html_body').notNull(),
  status: text('status').$type<EmailStatus>().notNull().default('queued'),
  transport: text('transport'),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
});

/** Files sent with a queued e-mail (read from the file store when the mail leaves). */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    emailId: uuid('email_id').notNull(),
    position: integer('position').notNull(),
    filename: text('filename').notNull(),
    fileSha256: text('file_sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.emailId, t.position] })],
);
