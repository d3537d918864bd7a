import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { can } from '../../core/access/permissions.ts';
import { auditLog } from '../audit/audit-tables.ts';
import { getCooperative } from '../cooperative/get-cooperative.ts';
import { queryRows } from '../db/query-rows.ts';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { emails } from '../mail/mail-tables.ts';
import { invitations, users } from '../people/people-tables.ts';

const HomeView = z.object({
  cooperativeName: z.string(),
  cooperativeReady: z.boolean(),
  people: z
    .object({
      total: z.number(),
      active: z.number(),
      byRole: z.record(z.string(), z.number()),
      pendingInvitations: z.number(),
    })
    .nullable(),
  mail: z.object({ queued: z.number(), failed: z.number(), delivered: z.number() }).nullable(),
  recentActivity: z
    .array(
      z.object({
        id: z.number(),
        at: z.string(),
        actorLabel: z.string(),
        action: z.string(),
        objectType: z.string(),
      }),
    )
    .nullable(),
});

/** The figures each role's home page shows; a section is null when the person may not see it. */
export const homeRoutes = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('home.read', {
    method: 'get',
    path: '/home',
    tags: ['Home'],
    summary: 'What my home page shows, according to my roles',
    responses: {
      200: { description: 'Home figures', content: { 'application/json': { schema: HomeView } } },
      ...problemResponses,
    },
  }),
  async (c) => {
    const { db, now } = c.get('ctx');
    const roles = c.get('session')!.user.roles;
    const coop = await getCooperative(db);
    let people: z.infer<typeof HomeView>['people'] = null;
    if (can(roles, 'people.read')) {
      const [counts] = await db
        .select({
          total: sql<number>`count(*)::int`,
          active: sql<number>`count(*) FILTER (WHERE ${users.active})::int`,
        })
        .from(users);
      const byRoleRows = await queryRows<{ role: string; n: number }>(
        db,
        sql`SELECT r AS role, count(*)::int AS n FROM users, unnest(roles) AS r WHERE active GROUP BY r`,
      );
      const [pending] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(invitations)
        .where(
          and(
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, now()),
          ),
        );
      people = {
        total: Number(counts?.total ?? 0),
        active: Number(counts?.active ?? 0),
        byRole: Object.fromEntries(byRoleRows.map((r) => [r.role, Number(r.n)])),
        pendingInvitations: Number(pending?.n ?? 0),
      };
    }
    let mail: z.infer<typeof HomeView>['mail'] = null;
    if (can(roles, 'outbox.read')) {
      const [m] = await db
        .select({
          queued: sql<number>`count(*) FILTER (WHERE ${emails.status} = 'queued')::int`,
          failed: sql<number>`count(*) FILTER (WHERE ${emails.status} = 'failed')::int`,
          delivered: sql<number>`count(*) FILTER (WHERE ${emails.status} IN ('sent', 'outbox'))::int`,
        })
        .from(emails);
      mail = {
        queued: Number(m?.queued ?? 0),
        failed: Number(m?.failed ?? 0),
        delivered: Number(m?.delivered ?? 0),
      };
    }
    let recentActivity: z.infer<typeof HomeView>['recentActivity'] = null;
    if (can(roles, 'audit.read')) {
      const rows = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(8);
      recentActivity = rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actorLabel: r.actorLabel,
        action: r.action,
        objectType: r.objectType,
      }));
    } else {
      // Everyone sees their own latest actions.
      const me = c.get('session')!.user.id;
      const rows = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.actorId, me))
        .orderBy(desc(auditLog.id))
        .limit(5);
      recentActivity = rows.map((r) => ({
        id: Number(r.id),
        at: r.at.toISOString(),
        actorLabel: r.actorLabel,
        action: r.action,
        objectType: r.objectType,
      }));
    }
    return c.json(
      {
        cooperativeName: coop?.legalName ?? 'Mutua',
        cooperativeReady: coop !== null,
        people,
        mail,
        recentActivity,
      },
      200,
    );
  },
);
