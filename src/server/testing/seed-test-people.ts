import type { Role } from '../../core/access/roles.ts';
import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { updateCooperative } from '../cooperative/update-cooperative.ts';
import { demoCooperative } from '../demo/seed-demo.ts';
import { createAccount } from '../people/create-account.ts';

export const testPassword = 'correct horse battery staple';

/** The cooperative identity and one person per role, for tests. */
export async function seedTestPeople(ctx: AppContext) {
  await updateCooperative(ctx, systemActor, demoCooperative);
  const people: Record<Role, Awaited<ReturnType<typeof createAccount>>> = {} as never;
  for (const role of ['admin', 'manager', 'accountant', 'support', 'member'] as Role[]) {
    people[role] = await createAccount(ctx, {
      email: `${role}@test.coop`,
      name: `Test ${role}`,
      password: testPassword,
      roles: [role],
    });
  }
  return people;
}
