/**
 * True when an error (or one of its causes: Drizzle wraps the driver's error) is PostgreSQL's
 * unique_violation (23505), on the given constraint or index when one is named. Two requests that each
 * checked "not taken yet" and then both insert meet here, on PGlite and on a server alike.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const { code, constraint: name } = e as { code?: unknown; constraint?: unknown };
    if (code === '23505') return constraint === undefined || name === constraint;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
