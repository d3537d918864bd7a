import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { createTestClient } from '../testing/test-client.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('OpenAPI document', () => {
  it('documents the members and activities routes with their access', async () => {
    const res = await createTestClient(ctx).get('/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.body.paths);
    for (const p of [
      '/members',
      '/members/{id}',
      '/members/{id}/journey',
      '/members/{id}/restricted',
      '/members/import',
      '/directory',
      '/me/member/journey',
      '/activities/{id}/members',
    ])
      expect(paths).toContain(p);
    expect(res.body.paths['/members/{id}/restricted'].get.description).toContain('Access: authenticated');
    expect(res.body.paths['/members/import'].post.description).toContain('Access: members.import');
  });
});
