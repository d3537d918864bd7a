import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../../core/errors/app-error.ts';
import { receiptMaxBytes } from '../../core/expenses/sniff-receipt-type.ts';
import { activitiesRoutes } from '../activities/activities-routes.ts';
import type { AppContext } from '../app-context.ts';
import { auditRoutes } from '../audit/audit-routes.ts';
import { bankRoutes } from '../bank/bank-routes.ts';
import { contributionRoutes } from '../contribution/contribution-routes.ts';
import { cooperativeLogoRoute, cooperativeRoutes } from '../cooperative/cooperative-routes.ts';
import { expenseRoutes, receiptUploadPath } from '../expenses/expense-routes.ts';
import { governanceRoutes } from '../governance/governance-routes.ts';
import { homeRoutes } from '../home/home-routes.ts';
import { integrityRoutes } from '../integrity/integrity-routes.ts';
import { ledgerReportRoutes } from '../ledger/ledger-report-routes.ts';
import { ledgerRoutes } from '../ledger/ledger-routes.ts';
import { outboxRoutes } from '../mail/outbox-routes.ts';
import { membersRoutes } from '../members/members-routes.ts';
import { myMemberRoutes } from '../members/my-member-routes.ts';
import { payrollRoutes } from '../payroll/payroll-routes.ts';
import { payrollRunRoutes } from '../payroll/payroll-run-routes.ts';
import { authRoutes } from '../people/auth-routes.ts';
import { meRoutes } from '../people/me-routes.ts';
import { peopleRoutes } from '../people/people-routes.ts';
import { salesCatalogueRoutes } from '../sales/sales-catalogue-routes.ts';
import { salesClientRoutes } from '../sales/sales-client-routes.ts';
import { salesQuoteRoutes } from '../sales/sales-quote-routes.ts';
import { salesRoutes } from '../sales/sales-routes.ts';
import { salesSendingRoutes } from '../sales/sales-sending-routes.ts';
import { searchRoutes } from '../search/search-routes.ts';
import { defineRoute } from './define-route.ts';
import type { HttpEnv } from './http-env.ts';
import { problemResponse } from './problem.ts';
import { csrfProtection, requestContext, securityHeaders } from './security.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const webDist = join(root, 'dist/web');
const jsonBodyLimit = 1024 * 1024;

/** Every API route, mounted under /api. Used by the server and by the OpenAPI document. */
function apiRoutes() {
  const api = new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new AppError('VALIDATION_FAILED', { zodError: result.error });
    },
  });
  api.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/health',
      tags: ['System'],
      summary: 'Answers only when the database answers',
      responses: {
        200: {
          description: 'Up',
          content: {
            'application/json': { schema: z.object({ status: z.literal('ok'), database: z.string() }) },
          },
        },
        503: { description: 'Database down' },
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      try {
        await ctx.db.execute(sql`SELECT 1`);
      } catch {
        throw new AppError('DATABASE_UNAVAILABLE');
      }
      return c.json({ status: 'ok' as const, database: ctx.database.kind }, 200);
    },
  );
  for (const routes of [
    authRoutes,
    meRoutes,
    peopleRoutes,
    cooperativeRoutes,
    cooperativeLogoRoute,
    auditRoutes,
    outboxRoutes,
    homeRoutes,
    integrityRoutes,
    membersRoutes,
    myMemberRoutes,
    activitiesRoutes,
    governanceRoutes,
    payrollRoutes,
    payrollRunRoutes,
    salesRoutes,
    salesClientRoutes,
    salesCatalogueRoutes,
    salesQuoteRoutes,
    salesSendingRoutes,
    ledgerRoutes,
    ledgerReportRoutes,
    contributionRoutes,
    bankRoutes,
    expenseRoutes,
    searchRoutes,
  ]) {
    api.route('/', routes);
  }
  return api;
}

export function createApp(ctx: AppContext) {
  const app = new OpenAPIHono<HttpEnv>();
  app.onError((error, c) => {
    const locale = c.get('locale') ?? 'fr';
    if (error instanceof AppError) return problemResponse(c, error, locale);
    if (error instanceof HTTPException) {
      if (error.status === 400 && /json/i.test(error.message))
        return problemResponse(c, new AppError('MALFORMED_JSON'), locale);
      if (error.status === 413)
        return problemResponse(c, new AppError('PAYLOAD_TOO_LARGE', { limit: '1 Mo' }), locale);
      if (error.status === 415) return problemResponse(c, new AppError('UNSUPPORTED_MEDIA_TYPE'), locale);
    }
    ctx.log.error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(c, new AppError('INTERNAL'), locale);
  });
  app.use('*', securityHeaders);
  app.use('/api/*', requestContext(ctx));
  app.use('/api/*', async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  });
  const jsonLimit = bodyLimit({
    maxSize: jsonBodyLimit,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: '1 Mo' });
    },
  });
  // Receipts are photos taken on a phone: their upload alone may carry up to 10 MiB (issue 7).
  const receiptLimit = bodyLimit({
    maxSize: receiptMaxBytes,
    onError: () => {
      throw new AppError('EXPENSE_RECEIPT_TOO_LARGE', { limit: '10 Mio' });
    },
  });
  app.use('/api/*', (c, next) => (c.req.path === receiptUploadPath ? receiptLimit : jsonLimit)(c, next));
  app.use('/api/*', csrfProtection(ctx.config.publicUrl));
  const api = apiRoutes();
  app.route('/api', api);
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'mutua_session',
    description:
      'Session cookie set by POST /api/auth/login. Writes also need the X-CSRF-Token header from GET /api/me.',
  });
  app.get('/api/openapi.json', (c) =>
    c.json(
      api.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Mutua API',
          version: '0.1.0',
          description:
            "API of Mutua, the software of a coopérative d'activités et d'emploi. Errors are application/problem+json with a stable `code`; messages follow Accept-Language (French by default).",
        },
        servers: [{ url: '/api' }],
      }),
    ),
  );
  mountApiDocs(app);
  app.all('/api/*', (c) => problemResponse(c, new AppError('NOT_FOUND'), c.get('locale') ?? 'fr'));
  mountWebApp(app);
  return app;
}

/** Swagger UI served from the swagger-ui-dist package: no CDN, and no inline script (CSP). */
function mountApiDocs(app: OpenAPIHono<HttpEnv>) {
  const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mutua API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script><script src="/api/docs/init.js"></script></body></html>`;
  app.get('/api/docs', (c) => c.html(page));
  app.get('/api/docs/init.js', (c) =>
    c.body("window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });", 200, {
      'content-type': 'text/javascript; charset=utf-8',
    }),
  );
  for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js']) {
    const body = readFileSync(join(dist, file));
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    app.get(`/api/docs/${file}`, (c) =>
      c.body(body, 200, {
        'content-type': `${type}; charset=utf-8`,
        'cache-control': 'public, max-age=86400',
      }),
    );
  }
}

/** The built React app (dist/web), with index.html for every client-side route. */
function mountWebApp(app: OpenAPIHono<HttpEnv>) {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) {
    app.get('*', (c) =>
      c.text('The web app is not built: run `npm run build:web` (npm start does it for you).', 503),
    );
    return;
  }
  app.use(
    '/assets/*',
    serveStatic({
      root: webDist,
      onFound: (_path, c) => {
        c.header('cache-control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root: webDist }));
  app.get('*', (c) => c.html(readFileSync(index, 'utf8')));
}
