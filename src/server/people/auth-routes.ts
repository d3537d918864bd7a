import { OpenAPIHono, z } from '@hono/zod-openapi';
import { permissionsByRole } from '../../core/access/permissions.ts';
import {
  AcceptInvitationRequest,
  LogInRequest,
  MeView,
  RequestPasswordResetRequest,
  ResetPasswordRequest,
} from '../../core/people/people-schemas.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { clearSessionCookie, setSessionCookie } from '../http/session-cookie.ts';
import { acceptInvitation, findInvitationByToken } from './accept-invitation.ts';
import { logIn } from './log-in.ts';
import type { users } from './people-tables.ts';
import { requestPasswordReset, resetPassword } from './reset-password.ts';
import { findSession, revokeSession, type SessionUser } from './sessions.ts';

const Ok = z.object({ ok: z.literal(true) });

export function toMeView(user: typeof users.$inferSelect, csrfToken: string): z.infer<typeof MeView> {
  const permissions = [
    ...new Set(user.roles.flatMap((r) => permissionsByRole[r] as readonly string[])),
  ].sort();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    locale: user.locale,
    permissions,
    csrfToken,
  };
}

async function meAfterLogin(
  c: { get: (k: 'ctx') => HttpEnv['Variables']['ctx'] },
  token: string,
): Promise<SessionUser> {
  const ctx = c.get('ctx');
  return (await findSession(ctx.db, ctx.config.sessionSecret, token, ctx.now()))!;
}

export const authRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/login',
      tags: ['Session'],
      summary: 'Log in with e-mail and password',
      request: { ...jsonBody(LogInRequest) },
      responses: {
        200: { description: 'Logged in; the session cookie is set', ...json(MeView) },
        ...problemResponses,
        429: { description: 'Too many attempts' },
      },
    }),
    async (c) => {
      const info = {
        ipAddress: c.get('ipAddress'),
        userAgent: c.req.header('user-agent') ?? null,
        previousSessionId: c.get('session')?.sessionId ?? null,
      };
      const { token } = await logIn(c.get('ctx'), c.req.valid('json'), info);
      setSessionCookie(c, token);
      const s = await meAfterLogin(c, token);
      return c.json(toMeView(s.user, s.csrfToken), 200);
    },
  )
  .openapi(
    defineRoute('authenticated', {
      method: 'post',
      path: '/auth/logout',
      tags: ['Session'],
      summary: 'Log out (ends this session)',
      responses: { 200: { description: 'Logged out', ...json(Ok) }, ...problemResponses },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const session = c.get('session')!;
      await ctx.db.transaction(async (tx) => {
        await revokeSession(tx, session.sessionId, ctx.now());
        await recordAudit(tx, c.get('actor'), {
          action: 'session.logout',
          objectType: 'session',
          objectId: session.sessionId,
        });
      });
      clearSessionCookie(c);
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/password-reset/request',
      tags: ['Session'],
      summary: 'Ask for a password reset link (same answer whether the address exists or not)',
      request: { ...jsonBody(RequestPasswordResetRequest) },
      responses: {
        202: { description: 'If the address has an account, a link was e-mailed', ...json(Ok) },
        ...problemResponses,
      },
    }),
    async (c) => {
      await requestPasswordReset(c.get('ctx'), c.req.valid('json').email, c.get('ipAddress'));
      return c.json({ ok: true as const }, 202);
    },
  )
  .openapi(
    defineRoute('public', {
      method: 'post',
      path: '/auth/password-reset/confirm',
      tags: ['Session'],
      summary: 'Set a new password with a reset link',
      request: { ...jsonBody(ResetPasswordRequest) },
      responses: {
        200: { description: 'Password changed; every session ended', ...json(Ok) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await resetPassword(c.get('ctx'), body.token, body.password, c.get('ipAddress'));
      return c.json({ ok: true as const }, 200);
    },
  )
  .openapi(
    defineRoute('public', {
      method: 'get',
      path: '/invitations/by-token/{token}',
      tags: ['Invitations'],
      summary: 'What an invitation link is for (before accepting it)',
      request: { params: z.object({ token: z.string().min(20).max(200) }) },
      responses: {
        200: {
          description: 'The pending invitation',
          ...json(
            z.object({
              email: z.string(),
              name: z.string(),
              roles: z.array(z.string()),
              locale: z.string(),
              expiresAt: z.string(),
            }),
          ),
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await findInvitationByToken(c.get('ctx'), c.req.valid('param').token), 200),
  )
  .openapi(
    defineRoute('public', {
      method: 'post',
      path: '/invitations/accept',
      tags: ['Invitations'],
      summary: 'Accept an invitation: choose a password; logs the person in',
      request: { ...jsonBody(AcceptInvitationRequest) },
      responses: {
        200: { description: 'Account created and logged in', ...json(MeView) },
        ...problemResponses,
      },
    }),
    async (c) => {
      const info = {
        ipAddress: c.get('ipAddress'),
        userAgent: c.req.header('user-agent') ?? null,
        previousSessionId: c.get('session')?.sessionId ?? null,
      };
      const { token } = await acceptInvitation(c.get('ctx'), c.req.valid('json'), info);
      setSessionCookie(c, token);
      const s = await meAfterLogin(c, token);
      return c.json(toMeView(s.user, s.csrfToken), 200);
    },
  );
