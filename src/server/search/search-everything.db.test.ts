import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyClientInput, invoiceDraft, setUpSales } from '../sales/sales-test-fixture.ts';
import { createTestClient } from '../testing/test-client.ts';

/** The top bar's search: what each person may open, and nothing else; refusals of bad queries. */
let s: Awaited<ReturnType<typeof setUpSales>>;
beforeAll(async () => {
  s = await setUpSales();
  const member = await s.loggedIn('member@test.coop');
  const mine = await member.post(`/sales/activities/${s.bois}/clients`, companyClientInput);
  await member.post('/sales/invoices', invoiceDraft(s.bois, mine.body.id));
  const other = await s.loggedIn('other@test.coop');
  await other.post(`/sales/activities/${s.textile}/clients`, {
    ...companyClientInput,
    name: 'Menuiseries Textiles SA',
  });
}, 60_000);
afterAll(() => s.ctx.close());

const search = async (email: string, q: string) => {
  const res = await (await s.loggedIn(email)).get(`/search?q=${encodeURIComponent(q)}`);
  expect(res.status, q).toBe(200);
  return res.body as { kind: string; title: string; href: string }[];
};

describe('search', () => {
  it('finds a member’s own clients, invoices and activities, never another member’s', async () => {
    const found = await search('member@test.coop', 'menuiseries');
    expect(
      found
        .filter((r) => r.kind === 'client')
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Menuiseries du Rhône SARL']);
    expect(found.filter((r) => r.kind === 'invoice').map((r) => r.title)).toEqual([
      'Menuiseries du Rhône SARL',
    ]);
    expect(found.every((r) => r.kind !== 'member')).toBe(true);
    expect((await search('member@test.coop', 'bois')).map((r) => [r.kind, r.href])).toEqual([
      ['activity', `/activities/${s.bois}`],
    ]);
    expect(await search('member@test.coop', 'textile')).toEqual([]);
  });

  it('finds everything for support: member files, every activity and client', async () => {
    const found = await search('support@test.coop', 'menuiseries');
    expect(
      found
        .filter((r) => r.kind === 'client')
        .map((r) => r.title)
        .sort(),
    ).toEqual(['Menuiseries Textiles SA', 'Menuiseries du Rhône SARL']);
    expect((await search('support@test.coop', 'Dominique')).map((r) => r.kind)).toEqual(['member']);
    expect((await search('support@test.coop', 'TEXT')).map((r) => r.kind)).toContain('activity');
  });

  it('treats wildcards as text, and refuses too short, too long or missing queries and strangers', async () => {
    expect(await search('support@test.coop', '%%')).toEqual([]);
    expect(await search('support@test.coop', '__')).toEqual([]);
    const member = await s.loggedIn('member@test.coop');
    for (const bad of ['/search', '/search?q=a', `/search?q=${'x'.repeat(101)}`, '/search?q=ab&x=1']) {
      const res = await member.get(bad);
      expect(res.status, bad).toBe(422);
    }
    expect((await member.get('/search?q=a')).body.errors[0].message).toBe('Tapez au moins 2 caractères.');
    expect((await createTestClient(s.ctx).get('/search?q=menuiseries')).status).toBe(401);
  });
});
