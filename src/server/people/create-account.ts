import { eq } from 'drizzle-orm';
import type { Role } from '../../core/access/roles.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import { type Actor, systemActor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isUniqueViolation } from '../db/is-unique-violation.ts';
import { hashPassword } from './hash-password.ts';
import { users } from './people-tables.ts';

/** Creates an account directly with a password: `mutua create-admin` and the demo seed. */
export async function createAccount(
  ctx: AppContext,
  input: { email: string; name: string; password: string; roles: Role[]; locale?: 'fr' | 'en' },
  actor: Actor = systemActor,
) {
  const passwordHash = await hashPassword(input.password);
  return ctx.db
    .transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
      if (taken) throw new AppError('EMAIL_ALREADY_USED', { email: input.email });
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          passwordHash,
          roles: input.roles,
          locale: input.locale ?? 'fr',
        })
        .returning();
      await recordAudit(tx, actor, {
        action: 'user.create',
        objectType: 'user',
        objectId: user!.id,
        changes: { email: input.email, name: input.name, roles: input.roles },
      });
      return user!;
    })
    .catch((error: unknown) => {
      // Created at the same moment by another request.
      if (isUniqueViolation(error, 'users_email_key'))
        throw new AppError('EMAIL_ALREADY_USED', { email: input.email });
      throw error;
    });
}
