import { OpenAPIHono, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { CooperativeIdentity, CooperativeView } from '../../core/cooperative/cooperative-identity.ts';
import { AppError } from '../../core/errors/app-error.ts';
import { files } from '../files/files-tables.ts';
import { defineRoute, json, jsonBody, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { cooperative } from './cooperative-tables.ts';
import { getCooperative } from './get-cooperative.ts';
import { logoMaxBytes, setCooperativeLogo } from './set-cooperative-logo.ts';
import { updateCooperative } from './update-cooperative.ts';

export const cooperativeRoutes = new OpenAPIHono<HttpEnv>()
  .openapi(
    defineRoute('public', {
      method: 'get',
      path: '/cooperative/brand',
      tags: ['Cooperative'],
      summary: 'Name and logo, for the log-in page',
      responses: {
        200: {
          description: 'Brand',
          ...json(z.object({ name: z.string(), logoUrl: z.string().nullable() })),
        },
      },
    }),
    async (c) => {
      const coop = await getCooperative(c.get('ctx').db);
      return c.json({ name: coop?.legalName ?? 'Mutua', logoUrl: coop?.logoUrl ?? null }, 200);
    },
  )
  .openapi(
    defineRoute('cooperative.read', {
      method: 'get',
      path: '/cooperative',
      tags: ['Cooperative'],
      summary: "The cooperative's legal identity",
      responses: {
        200: { description: 'Identity', ...json(CooperativeView) },
        ...problemResponses,
        404: { description: 'Not set up yet' },
      },
    }),
    async (c) => {
      const coop = await getCooperative(c.get('ctx').db);
      if (!coop) throw new AppError('NOT_FOUND');
      return c.json(coop, 200);
    },
  )
  .openapi(
    defineRoute('cooperative.update', {
      method: 'put',
      path: '/cooperative',
      tags: ['Cooperative'],
      summary: "Set the cooperative's legal identity (printed on every invoice)",
      request: { ...jsonBody(CooperativeIdentity) },
      responses: { 200: { description: 'Saved', ...json(CooperativeView) }, ...problemResponses },
    }),
    async (c) => c.json(await updateCooperative(c.get('ctx'), c.get('actor'), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute('cooperative.update', {
      method: 'put',
      path: '/cooperative/logo',
      tags: ['Cooperative'],
      summary: 'Upload the logo (PNG, JPEG or SVG, at most 512 KB), as the raw request body',
      request: {
        body: {
          content: {
            'image/png': { schema: z.string().openapi({ format: 'binary' }) },
            'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) },
            'image/svg+xml': { schema: z.string().openapi({ format: 'binary' }) },
          },
          required: true,
        },
      },
      responses: {
        200: { description: 'Saved', ...json(CooperativeView) },
        ...problemResponses,
        413: { description: 'Too large' },
      },
    }),
    async (c) => {
      const length = Number(c.req.header('content-length') ?? 0);
      if (length > logoMaxBytes)
        throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'logo', key: 'logo.size' }] });
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      await setCooperativeLogo(c.get('ctx'), c.get('actor'), bytes);
      return c.json((await getCooperative(c.get('ctx').db))!, 200);
    },
  );

/** The logo is public (the log-in page shows it); its URL changes with its content. */
export const cooperativeLogoRoute = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('public', {
    method: 'get',
    path: '/cooperative/logo',
    tags: ['Cooperative'],
    summary: "The cooperative's logo",
    responses: { 200: { description: 'The image' }, 404: { description: 'No logo' } },
  }),
  async (c) => {
    const db = c.get('ctx').db;
    const [row] = await db
      .select({ bytes: files.bytes, mediaType: files.mediaType, sha256: files.sha256 })
      .from(cooperative)
      .innerJoin(files, eq(files.sha256, cooperative.logoSha256))
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND');
    return c.body(row.bytes as unknown as ArrayBuffer, 200, {
      'content-type': row.mediaType,
      'cache-control': 'public, max-age=300',
      etag: `"${row.sha256}"`,
      // An SVG logo must not run scripts if opened directly.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  },
);
