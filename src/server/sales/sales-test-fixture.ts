import { expect } from 'vitest';
import { activities, activityMembers } from '../activities/activities-tables.ts';
import type { Actor } from '../audit/actor.ts';
import { members } from '../members/members-tables.ts';
import { createAccount } from '../people/create-account.ts';
import { createTestContext, type TestContext } from '../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../testing/seed-test-people.ts';
import { createTestClient } from '../testing/test-client.ts';

/**
 * The setting the sales database tests share: the cooperative, one person per role, two activities
 * (BOIS, where member@test.coop works; TEXT, where other@test.coop works).
 */
export async function setUpSales() {
  const ctx: TestContext = await createTestContext();
  const people = await seedTestPeople(ctx);
  const rows = await ctx.db
    .insert(activities)
    .values([
      { code: 'BOIS', name: 'Atelier bois', brand: 'Atelier Copeaux', kind: 'member' },
      { code: 'TEXT', name: 'Textile', brand: 'Fil à fil', kind: 'member' },
    ])
    .returning();
  const bois = rows[0]!.id;
  const textile = rows[1]!.id;
  const addMember = async (userId: string, activityId: string, name: string) => {
    const [m] = await ctx.db
      .insert(members)
      .values({ userId, firstName: name, lastName: 'Test' })
      .returning();
    await ctx.db
      .insert(activityMembers)
      .values({ activityId, memberId: m!.id, shareBp: 10_000, validFrom: '2025-01-01' });
    return m!.id;
  };
  await addMember(people.member.id, bois, 'Camille');
  const other = await createAccount(ctx, {
    email: 'other@test.coop',
    name: 'Other',
    password: testPassword,
    roles: ['member'],
  });
  await addMember(other.id, textile, 'Dominique');
  const loggedIn = async (email: string) => {
    const client = createTestClient(ctx);
    const res = await client.post('/auth/login', { email, password: testPassword });
    expect(res.status).toBe(200);
    return client;
  };
  const actorOf = (p: { id: string; roles: string[] }): Actor => ({
    userId: p.id,
    label: 'test',
    roles: p.roles as Actor['roles'],
    locale: 'fr',
    ipAddress: null,
  });
  return { ctx, people, other, bois, textile, loggedIn, actorOf };
}

export const companyClientInput = {
  kind: 'company',
  name: 'Menuiseries du Rhône SARL',
  siren: '842166100',
  vatNumber: 'FR34842166100',
  billingAddress: { line1: '3 place Bellecour', postalCode: '69002', city: 'Lyon' },
  email: 'compta@menuiseries.example',
};

export const individualClientInput = {
  kind: 'individual',
  name: 'Léa Dupont',
  billingAddress: { line1: '8 allée des Tilleuls', postalCode: '33000', city: 'Bordeaux' },
  email: 'lea@example.org',
};

/** A line at 20 % VAT. */
export const rateLine = (description: string, unitPriceCents: number, quantity = '1') => ({
  description,
  quantity,
  unitPriceCents,
  vat: { kind: 'rate', rateBp: 2000 },
});

export const invoiceDraft = (activityId: string, clientId: string, lines?: unknown[]) => ({
  activityId,
  clientId,
  deliveryDate: '2026-02-27',
  body: { sections: [{ title: null, lines: lines ?? [rateLine('Conception', 48_000, '2.5')] }] },
});
