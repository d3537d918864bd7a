/** Whether an error (or its cause, as Drizzle wraps driver errors) is PostgreSQL's unique violation. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const x = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (x.code === '23505')
      return (
        constraint === undefined || x.constraint === constraint || (x.message ?? '').includes(constraint)
      );
    e = x.cause;
  }
  return false;
}
