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

/**
 * The fields that differ between two versions of an object, as { field: { from, to } }. Nested objects are
 * compared by content, whatever the order of their keys (jsonb columns come back with their keys reordered).
 */
export function diffFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const [key, to] of Object.entries(after)) {
    if (to === undefined) continue;
    const from = before[key];
    if (canonicalJson(from) !== canonicalJson(to)) changes[key] = { from, to };
  }
  return changes;
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
