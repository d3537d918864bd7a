import type { FieldError } from '../../core/validation/describe-issue.ts';

/** An answer that is not 2xx: the server's problem document (RFC 9457), already translated. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fieldErrors: FieldError[];
  constructor(status: number, code: string, detail: string, fieldErrors: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

let csrfToken: string | null = null;
let language = 'fr';

/** Every write carries the session's CSRF token (set from MeView at log-in and on GET /api/me). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Error messages come back in the UI's language. */
export function setApiLanguage(lang: string) {
  language = lang;
}

type Options = { body?: unknown; raw?: Blob; contentType?: string; signal?: AbortSignal };

export async function api<T>(method: string, path: string, options: Options = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  let body: BodyInit | undefined;
  if (options.raw) {
    body = options.raw;
    headers['content-type'] = options.contentType ?? options.raw.type;
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      'NETWORK',
      language === 'en' ? 'The server cannot be reached.' : 'Le serveur est injoignable.',
    );
  }
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    if (type.includes('json')) {
      const problem = (await response.json()) as {
        code?: string;
        detail?: string;
        errors?: FieldError[];
      };
      throw new ApiError(
        response.status,
        problem.code ?? 'UNKNOWN',
        problem.detail ?? response.statusText,
        problem.errors ?? [],
      );
    }
    throw new ApiError(response.status, 'UNKNOWN', response.statusText || String(response.status));
  }
  if (type.includes('json')) return (await response.json()) as T;
  return undefined as T;
}

/** `?a=1&b=2` from the defined, non-empty values. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}
