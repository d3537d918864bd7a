import type { AppContext } from '../app-context.ts';
import { createApp } from '../http/create-app.ts';

type Json = Record<string, unknown> | unknown[];
export type TestResponse<T = any> = { status: number; headers: Headers; body: T; text: string };

/**
 * Talks to the real Hono app in-process, like a browser: keeps the session cookie and sends the CSRF token
 * it was given, unless told not to.
 */
export function createTestClient(ctx: AppContext, options: { ip?: string; locale?: string } = {}) {
  const app = createApp(ctx);
  let cookie: string | null = null;
  let csrf: string | null = null;

  async function request<T = any>(
    method: string,
    path: string,
    body?: Json | string | Uint8Array,
    extra: { headers?: Record<string, string>; csrf?: boolean } = {},
  ): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': options.locale ?? 'fr', ...extra.headers };
    if (options.ip) headers['x-forwarded-for'] = options.ip;
    if (cookie) headers.cookie = cookie;
    if (csrf && extra.csrf !== false && method !== 'GET') headers['x-csrf-token'] = csrf;
    let payload: BodyInit | undefined;
    if (typeof body === 'string' || body instanceof Uint8Array) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(`http://localhost:3000/api${path}`, { method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie?.startsWith('mutua_session=')) {
      const value = setCookie.split(';')[0]!;
      cookie = /Max-Age=0/i.test(setCookie) || value === 'mutua_session=' ? null : value;
      if (!cookie) csrf = null;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed)
      csrf = String((parsed as { csrfToken: string }).csrfToken);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  return {
    app,
    get: <T = any>(path: string, extra?: { headers?: Record<string, string> }) =>
      request<T>('GET', path, undefined, extra),
    post: <T = any>(
      path: string,
      body?: Json | string | Uint8Array,
      extra?: { headers?: Record<string, string>; csrf?: boolean },
    ) => request<T>('POST', path, body, extra),
    put: <T = any>(
      path: string,
      body?: Json | string | Uint8Array,
      extra?: { headers?: Record<string, string>; csrf?: boolean },
    ) => request<T>('PUT', path, body, extra),
    patch: <T = any>(
      path: string,
      body?: Json,
      extra?: { headers?: Record<string, string>; csrf?: boolean },
    ) => request<T>('PATCH', path, body, extra),
    delete: <T = any>(path: string, extra?: { headers?: Record<string, string>; csrf?: boolean }) =>
      request<T>('DELETE', path, undefined, extra),
    async logIn(email: string, password: string) {
      const res = await request('POST', '/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`log-in failed: ${res.status} ${res.text}`);
      return res;
    },
    get csrfToken() {
      return csrf;
    },
    get cookie() {
      return cookie;
    },
  };
}
export type TestClient = ReturnType<typeof createTestClient>;
