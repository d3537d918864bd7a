import type { AppContext } from '../app-context.ts';
import { systemActor } from '../audit/actor.ts';
import { createAccount } from '../people/create-account.ts';
import { testPassword } from '../testing/seed-test-people.ts';
import { admitAssociate } from './admit-associate.ts';

/**
 * Associates for governance tests, admitted through the use case: `voters` with an account (e-mail
 * voter1@test.coop…, password testPassword) and `others` without one (outside associates who take part on
 * paper). Returns their associate ids in register order.
 */
export async function seedAssociates(
  ctx: AppContext,
  options: {
    voters: number;
    others: number;
    admittedOn?: string;
    extraUserIds?: { userId: string; name: string }[];
  },
) {
  const admittedOn = options.admittedOn ?? '2025-06-01';
  const voters: { associateId: string; userId: string; email: string }[] = [];
  const others: string[] = [];
  for (const extra of options.extraUserIds ?? []) {
    const { associate } = await admitAssociate(ctx, systemActor, {
      userId: extra.userId,
      name: extra.name,
      category: 'employee',
      admittedOn,
      admissionDecision: 'Assemblée constitutive',
      shares: 1,
    });
    voters.push({ associateId: associate.id, userId: extra.userId, email: '' });
  }
  for (let i = 1; i <= options.voters; i++) {
    const email = `voter${i}@test.coop`;
    const user = await createAccount(ctx, {
      email,
      name: `Voter ${i}`,
      password: testPassword,
      roles: ['member'],
    });
    const { associate } = await admitAssociate(ctx, systemActor, {
      userId: user.id,
      name: `Voter ${i}`,
      category: 'employee',
      admittedOn,
      admissionDecision: 'Assemblée constitutive',
      shares: 1,
    });
    voters.push({ associateId: associate.id, userId: user.id, email });
  }
  for (let i = 1; i <= options.others; i++) {
    const { associate } = await admitAssociate(ctx, systemActor, {
      name: `Associé·e ${String(i).padStart(3, '0')}`,
      category: i % 3 === 0 ? 'other' : 'employee',
      admittedOn,
      admissionDecision: 'Assemblée constitutive',
      shares: 1,
    });
    others.push(associate.id);
  }
  return { voters, others };
}
