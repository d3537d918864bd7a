import { OpenAPIHono, z } from '@hono/zod-openapi';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import {
  ChangePasswordRequest,
  MeView,
  SessionView,
  UpdateMyAccountRequest,
} from '../../core/people/people-schemas.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { clearSessionCookie } from '../http/session-cookie.ts';
import { toMeView } from './auth-routes.ts';
import { sessions } from './people-tables.ts';
import { revokeAllSessions, revokeSession } from './sessions.ts';
import { changeMyPassword, updateMyAccount } from './update-my-account.ts';

const Ok = z.object({ ok: z.literal(true) });

export const meRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/me',
      tags: ['My account'],
      summary: 'Who I am, my roles, permissions and CSRF token',
      responses: { 200: { description: 'The logged-in person', ...json(MeView) }, ...problemResponses },
    }),
    (c) => {
      const s = c.get('session')!;
      return c.json(toMeView(s.user, s.csrfToken), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'patch',
      path: '/me',
      tags: ['My account'],
      summary: 'Change my name or language',
      request: { ...jsonBody(UpdateMyAccountRequest) },
      responses: { 200: { description: 'Updated', ...json(MeView) }, ...problemResponses },
    }),
    async (c) => {
      const s = c.get('session')!;
      const user = await updateMyAccount(
        c.get('ctx'),
        { ...c.get('actor'), userId: s.user.id },
        c.req.valid('json'),
      );
      return c.json(toMeView(user, s.csrfToken), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/me/password',
      tags: ['My account'],
      summary: 'Change my password (other sessions end)',
      request: { ...jsonBody(ChangePasswordRequest) },
      responses: { 200: { description: 'Changed', ...json(Ok) }, ...problemResponses },
    }),
    async (c) => {
      const s = c.get('session')!;
      await changeMyPassword(
        c.get('ctx'),
        { ...c.get('actor'), userId: s.user.id },
        s.sessionId,
        c.req.valid('json'),
      );
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/me/sessions',
      tags: ['My account'],
      summary: 'My active sessions',
      responses: { 200: { description: 'Sessions', ...json(z.array(SessionView)) }, ...problemResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const s = c.get('session')!;
      const rows = await ctx.db
        .select()
        .from(sessions)
        .where(
          and(eq(sessions.userId, s.user.id), isNull(sessions.revokedAt), gt(sessions.expiresAt, ctx.now())),
        )
        .orderBy(desc(sessions.lastSeenAt));
      return c.json(
        rows.map((r) => ({
          id: r.id,
          current: r.id === s.sessionId,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          ipAddress: r.ipAddress,
          userAgent: r.userAgent,
        })),
        200,
      );
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'delete',
      path: '/me/sessions/{id}',
      tags: ['My account'],
      summary: 'End one of my sessions',
      request: { params: z.object({ id: z.uuid() }) },
      responses: {
        200: { description: 'Ended', ...json(Ok) },
        ...problemResponses,
        404: { description: 'Not one of my sessions' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const s = c.get('session')!;
      const { id } = c.req.valid('param');
      await ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .select({ id: sessions.id })
          .from(sessions)
          .where(and(eq(sessions.id, id), eq(sessions.userId, s.user.id), isNull(sessions.revokedAt)));
        // Someone else's session answers exactly like a missing one.
        if (!row) throw new AppError('NOT_FOUND');
        await revokeSession(tx, id, ctx.now());
        await recordAudit(tx, c.get('actor'), {
          action: 'session.revoke',
          objectType: 'session',
          objectId: id,
        });
      });
      if (id === s.sessionId) clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/me/sessions/revoke-all',
      tags: ['My account'],
      summary: 'Log out everywhere (this session too)',
      responses: {
        200: { description: 'All sessions ended', ...json(z.object({ ended: z.number() })) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const s = c.get('session')!;
      const ended = await ctx.db.transaction(async (tx) => {
        const n = await revokeAllSessions(tx, s.user.id, ctx.now());
        await recordAudit(tx, c.get('actor'), {
          action: 'session.revoke_all',
          objectType: 'user',
          objectId: s.user.id,
          changes: { ended: n },
        });
        return n;
      });
      clearSessionCookie(c);
      return c.json({ ended }, 200);
    },
  );
