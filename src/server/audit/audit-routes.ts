import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { listAuditLog } from './list-audit-log.ts';

const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  ipAddress: z.string().nullable(),
});

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditRoutes = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('audit.read', {
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'The audit log, newest first, filtered',
    request: {
      query: z.object({
        action: z.string().max(100).optional(),
        objectType: z.string().max(100).optional(),
        actor: z.string().max(100).optional(),
        from: Day.optional(),
        to: Day.optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: {
      200: {
        description: 'A page of the log',
        content: {
          'application/json': {
            schema: z.object({ items: z.array(AuditEntry), nextBefore: z.number().nullable() }),
          },
        },
      },
      ...problemResponses,
    },
  }),
  async (c) => {
    const page = await listAuditLog(c.get('ctx').db, c.req.valid('query'));
    return c.json(
      {
        items: page.items.map((r) => ({ ...r, id: Number(r.id), at: r.at.toISOString() })),
        nextBefore: page.nextBefore,
      },
      200,
    );
  },
);
