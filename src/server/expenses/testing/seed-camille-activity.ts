import { expect } from 'vitest';
import type { TestContext } from '../../testing/create-test-context.ts';
import { seedTestPeople, testPassword } from '../../testing/seed-test-people.ts';
import { createTestClient } from '../../testing/test-client.ts';

/**
 * The test people, and Camille Martin (the test member, with her IBAN) running the activity MARTIN-C since
 * 2025 under the test support person: what the demo expenses expect to find (seedDemoExpenses).
 */
export async function seedCamilleActivity(ctx: TestContext) {
  const people = await seedTestPeople(ctx);
  const support = createTestClient(ctx);
  await support.logIn('support@test.coop', testPassword);
  const member = await support.post('/members', {
    firstName: 'Camille',
    lastName: 'Martin',
    referentId: people.support.id,
    userId: people.member.id,
  });
  await support.patch(`/members/${member.body.id}`, { iban: 'FR76 3000 6000 0112 3456 7890 189' });
  const activity = await support.post('/activities', {
    code: 'MARTIN-C',
    name: 'Studio Camille Martin',
    kind: 'member',
    referentId: people.support.id,
    members: { from: '2025-01-01', shares: [{ memberId: member.body.id, shareBp: 10_000 }] },
  });
  expect(activity.status, activity.text).toBe(201);
  return people;
}
