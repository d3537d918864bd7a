/**
 * Where the browser fetches the logo. The server's view gives `/api/files/<sha256>`, a route that is not
 * mounted yet; the logo itself is served at /api/cooperative/logo, and the hash keeps caches honest.
 */
export function logoSrc(logoUrl: string | null | undefined): string | null {
  if (!logoUrl) return null;
  const m = /^\/api\/files\/([0-9a-f]{64})$/.exec(logoUrl);
  return m ? `/api/cooperative/logo?v=${m[1]}` : logoUrl;
}
