import type { Db } from '../db/open-database.ts';
import type { Actor } from './actor.ts';
import { auditLog } from './audit-tables.ts';

export type AuditEvent = {
  action: string;
  objectType: string;
  objectId?: string | null;
  changes?: Record<string, unknown>;
};

/** Appends one row to the audit log, in the caller's transaction (the database refuses edits and deletes). */
export async function recordAudit(db: Db, actor: Actor, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    actorId: actor.userId,
    actorLabel: actor.label,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    changes: event.changes ?? {},
    ipAddress: actor.ipAddress,
  });
}

/** The fields that differ between two versions of an object, as { field: { from, to } }. */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}
