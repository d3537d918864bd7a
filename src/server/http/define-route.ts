import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import { can, type Permission } from '../../core/access/permissions.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { HttpEnv } from './http-env.ts';

/** Who may call a route. Every route must say it: there is no default that lets anyone through. */
export type Access = 'public' | 'authenticated' | Permission;

export function authorize(access: Access) {
  return createMiddleware<HttpEnv>(async (c, next) => {
    if (access !== 'public') {
      const session = c.get('session');
      if (!session) throw new AppError('UNAUTHENTICATED');
      if (access !== 'authenticated' && !can(session.user.roles, access)) throw new AppError('FORBIDDEN');
    }
    await next();
  });
}

/** The one way routes are declared: the OpenAPI contract plus the access check, run before validation. */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware'>>(access: Access, config: R) {
  return createRoute({
    ...config,
    middleware: [authorize(access)] as const,
    ...(access === 'public' ? {} : { security: [{ session: [] }] }),
    description: `${config.description ?? ''}\n\nAccess: ${access}.`.trim(),
  });
}

/** Standard error responses, documented once. */
export const problemResponses = {
  400: { description: 'Malformed request (problem+json)' },
  401: { description: 'Not logged in (problem+json)' },
  403: { description: 'Not allowed, or missing CSRF proof (problem+json)' },
  422: { description: 'Invalid fields (problem+json with errors[])' },
} as const;

/** A JSON request or response body of a zod schema, as the OpenAPI contract declares it. */
export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { ...json(schema), required: true } });

/** The `{id}` path parameter of the routes on one object. */
export const idParam = z.object({ id: z.uuid() });
