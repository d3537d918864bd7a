import { getConnInfo } from '@hono/node-server/conninfo';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { AppError } from '../../core/errors/app-error.ts';
import { negotiateLocale } from '../../core/i18n/negotiate-locale.ts';
import type { AppContext } from '../app-context.ts';
import { sameToken } from '../people/secret-token.ts';
import { findSession } from '../people/sessions.ts';
import type { HttpEnv } from './http-env.ts';

export const sessionCookie = 'mutua_session';
export const csrfHeader = 'x-csrf-token';

/**
 * CSP, frame-ancestors, nosniff, referrer policy… (OWASP Secure Headers). A route that sets a stricter
 * header of its own keeps it (the logo's sandboxing CSP): these are defaults, not overwrites.
 */
export const securityHeaders = secureHeaders({
  overwrite: false,
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    // Mantine writes its CSS variables in a <style> element.
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  strictTransportSecurity: 'max-age=31536000; includeSubDomains',
  crossOriginEmbedderPolicy: false,
});

/** Sets the request's context: language, caller address, session and actor. */
export function requestContext(ctx: AppContext) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    c.set('ctx', ctx);
    const locale = negotiateLocale(c.req.header('accept-language'));
    c.set('locale', locale);
    let ip: string | null = null;
    // Behind one reverse proxy (TRUST_PROXY), the client's address is the one that proxy appended: the last
    // of X-Forwarded-For. The first ones are whatever the client chose to send, so reading them would let
    // anyone pick their address and dodge the per-address log-in limit.
    if (ctx.config.trustProxy) ip = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim() || null;
    if (!ip) {
      try {
        ip = getConnInfo(c).remote.address ?? null;
      } catch {
        ip = null;
      }
    }
    c.set('ipAddress', ip);
    const token = getCookie(c, sessionCookie);
    const session =
      token && token.length < 200
        ? await findSession(ctx.db, ctx.config.sessionSecret, token, ctx.now())
        : null;
    c.set('session', session);
    c.set(
      'actor',
      session
        ? {
            userId: session.user.id,
            label: session.user.email,
            roles: session.user.roles,
            locale: session.user.locale,
            ipAddress: ip,
          }
        : { userId: null, label: 'anonymous', roles: [], locale, ipAddress: ip },
    );
    await next();
  });
}

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * CSRF (OWASP cheat sheet): a write carried by the session cookie must echo the session's CSRF token in a
 * header, which another site cannot read. Any write whose Origin is another site is refused outright.
 */
export function csrfProtection(publicUrl: string) {
  const allowed = new URL(publicUrl).origin;
  return createMiddleware<HttpEnv>(async (c, next) => {
    if (unsafe.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== allowed && origin !== new URL(c.req.url).origin)
        throw new AppError('CSRF_FAILED');
      const session = c.get('session');
      if (session) {
        const proof = c.req.header(csrfHeader);
        if (!proof || !sameToken(proof, session.csrfToken)) throw new AppError('CSRF_FAILED');
      }
    }
    await next();
  });
}
