import { OpenAPIHono, z } from '@hono/zod-openapi';
import { desc, eq } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { emails } from './mail-tables.ts';

const EmailSummary = z.object({
  id: z.uuid(),
  toAddress: z.string(),
  toName: z.string(),
  subject: z.string(),
  template: z.string(),
  status: z.enum(['queued', 'sent', 'outbox', 'failed']),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
const EmailDetail = EmailSummary.extend({ textBody: z.string(), htmlBody: z.string() });

const summary = (m: typeof emails.$inferSelect) => ({
  id: m.id,
  toAddress: m.toAddress,
  toName: m.toName,
  subject: m.subject,
  template: m.template,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

export const outboxRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('outbox.read', {
      method: 'get',
      path: '/outbox',
      tags: ['E-mail'],
      summary: 'Every e-mail Mutua sent or queued, newest first',
      request: {
        query: z.object({
          to: z.string().max(254).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: { description: 'E-mails', content: { 'application/json': { schema: z.array(EmailSummary) } } },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { to, limit } = c.req.valid('query');
      const rows = await c
        .get('ctx')
        .db.select()
        .from(emails)
        .where(to ? eq(emails.toAddress, to.toLowerCase()) : undefined)
        .orderBy(desc(emails.createdAt))
        .limit(limit);
      return c.json(rows.map(summary), 200);
    },
  )
  .openapi(
    defineRoute('outbox.read', {
      method: 'get',
      path: '/outbox/{id}',
      tags: ['E-mail'],
      summary: 'One e-mail with its text and HTML',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: { description: 'E-mail', content: { 'application/json': { schema: EmailDetail } } },
        ...problemResponses,
        404: { description: 'No such e-mail' },
      },
    }),
    async (c) => {
      const [m] = await c
        .get('ctx')
        .db.select()
        .from(emails)
        .where(eq(emails.id, c.req.valid('param').id));
      if (!m) throw new AppError('NOT_FOUND');
      return c.json({ ...summary(m), textBody: m.textBody, htmlBody: m.htmlBody }, 200);
    },
  );
