import { OpenAPIHono, z } from '@hono/zod-openapi';
import { SearchQuery, SearchResult } from '../../core/search/search-results.ts';
import { defineRoute, problemResponses } from '../http/define-route.ts';
import type { HttpEnv } from '../http/http-env.ts';
import { searchEverything } from './search-everything.ts';

/** The top bar's search (ui.md): what the caller may open, a few of each kind. */
export const searchRoutes = new OpenAPIHono<HttpEnv>().openapi(
  defineRoute('authenticated', {
    method: 'get',
    path: '/search',
    tags: ['Search'],
    summary:
      'Members, activities, clients, invoices and quotes matching a few words, within the caller’s rights',
    request: { query: SearchQuery },
    responses: {
      200: { description: 'Results', content: { 'application/json': { schema: z.array(SearchResult) } } },
      ...problemResponses,
    },
  }),
  async (c) => c.json(await searchEverything(c.get('ctx'), c.get('actor'), c.req.valid('query').q), 200),
);
