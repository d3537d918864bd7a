import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { Role } from '../../core/access/roles.ts';
import {
  InvitationView,
  InvitePersonRequest,
  PersonView,
  UpdatePersonRequest,
} from '../../core/people/people-schemas.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { invitationStatus, invitePerson } from './invite-person.ts';
import { invitations, users } from './people-tables.ts';
import { toPersonView } from './person-view.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { updatePerson } from './update-person.ts';

const PeopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const peopleRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('people.read', {
      method: 'get',
      path: '/people',
      tags: ['People'],
      summary: 'People with an account, filtered and paginated',
      request: { query: PeopleQuery },
      responses: {
        200: {
          description: 'A page of people',
          ...json(z.object({ items: z.array(PersonView), total: z.number() })),
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { q, role, active, page, pageSize } = c.req.valid('query');
      const where: SQL[] = [];
      if (q) where.push(or(ilike(users.name, `%${q}%`), ilike(users.email, `%${q}%`))!);
      if (role) where.push(sql`${role} = ANY(${users.roles})`);
      if (active) where.push(eq(users.active, active === 'true'));
      const db = c.get('ctx').db;
      const cond = where.length ? and(...where) : undefined;
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(users)
          .where(cond)
          .orderBy(asc(users.name), asc(users.id))
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        db.select({ n: sql<number>`count(*)::int` }).from(users).where(cond),
      ]);
      return c.json({ items: rows.map(toPersonView), total: Number(count?.n ?? 0) }, 200);
    },
  )
  .openapi(
    defineRoute('people.manage', {
      method: 'patch',
      path: '/people/{id}',
      tags: ['People'],
      summary: "Change a person's roles, or disable them",
      request: { params: z.object({ id: z.uuid() }), ...jsonBody(UpdatePersonRequest) },
      responses: {
        200: { description: 'Updated', ...json(PersonView) },
        ...problemResponses,
        404: { description: 'No such person' },
        409: { description: 'Would leave no administrator' },
      },
    }),
    async (c) => {
      const row = await updatePerson(
        c.get('ctx'),
        c.get('actor'),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(toPersonView(row), 200);
    },
  )
  .openapi(
    defineRoute('people.invite', {
      method: 'get',
      path: '/invitations',
      tags: ['Invitations'],
      summary: 'Invitations, newest first',
      responses: {
        200: { description: 'Invitations', ...json(z.array(InvitationView)) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const rows = await ctx.db.select().from(invitations).orderBy(desc(invitations.createdAt)).limit(200);
      const now = ctx.now();
      return c.json(
        rows.map((i) => ({
          id: i.id,
          email: i.email,
          name: i.name,
          roles: i.roles,
          status: invitationStatus(i, now),
          expiresAt: i.expiresAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
        })),
        200,
      );
    },
  )
  .openapi(
    defineRoute('people.invite', {
      method: 'post',
      path: '/invitations',
      tags: ['Invitations'],
      summary: 'Invite someone by e-mail with their roles',
      request: { ...jsonBody(InvitePersonRequest) },
      responses: {
        201: { description: 'Invitation sent', ...json(InvitationView) },
        ...problemResponses,
        409: { description: 'Address already used or invited' },
      },
    }),
    async (c) => {
      const { invitation: i } = await invitePerson(c.get('ctx'), c.get('actor'), c.req.valid('json'));
      return c.json(
        {
          id: i.id,
          email: i.email,
          name: i.name,
          roles: i.roles,
          status: 'pending' as const,
          expiresAt: i.expiresAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
        },
        201,
      );
    },
  )
  .openapi(
    defineRoute('people.invite', {
      method: 'delete',
      path: '/invitations/{id}',
      tags: ['Invitations'],
      summary: 'Withdraw a pending invitation',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: { description: 'Withdrawn', ...json(z.object({ ok: z.literal(true) })) },
        ...problemResponses,
        404: { description: 'No pending invitation' },
      },
    }),
    async (c) => {
      await revokeInvitation(c.get('ctx'), c.get('actor'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );
