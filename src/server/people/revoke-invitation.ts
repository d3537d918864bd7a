import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../core/errors/app-error.ts';
import type { AppContext } from '../app-context.ts';
import type { Actor } from '../audit/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitations } from './people-tables.ts';

export async function revokeInvitation(ctx: AppContext, actor: Actor, invitationId: string) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: ctx.now() })
      .where(
        and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
      )
      .returning();
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, {
      action: 'invitation.revoke',
      objectType: 'invitation',
      objectId: row.id,
      changes: { email: row.email },
    });
  });
}
