import { OpenAPIHono, z } from '@hono/zod-openapi';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { verifyIntegrity } from './verify-integrity.ts';

const Report = z.object({
  ok: z.boolean(),
  checkedAt: z.string(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), details: z.array(z.string()) })),
});

export const integrityRoutes = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('integrity.verify', {
    method: 'post',
    path: '/integrity/verify',
    tags: ['System'],
    summary: 'Run the integrity checks of `mutua verify`',
    responses: {
      200: { description: 'Report', content: { 'application/json': { schema: Report } } },
      ...problemResponses,
    },
  }),
  async (c) => c.json(await verifyIntegrity(c.get('ctx')), 200),
);
