import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sessionMaxDays } from '../people/sessions.ts';
import type { HttpEnv } from './http-env.ts';
import { sessionCookie } from './security.ts';

/** httpOnly, SameSite=Lax, Secure behind https (issue: sessions in httpOnly cookies). */
export function setSessionCookie(c: Context<HttpEnv>, token: string) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('ctx').config.secureCookies,
    path: '/',
    maxAge: sessionMaxDays * 86_400,
  });
}

export function clearSessionCookie(c: Context<HttpEnv>) {
  deleteCookie(c, sessionCookie, { path: '/', secure: c.get('ctx').config.secureCookies });
}
