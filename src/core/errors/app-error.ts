import type { ErrorCode } from './error-catalog.ts';

/**
 * A refusal with a stable code. Code, not prose: the catalog maps each code to an HTTP status and a
 * translated message (architecture.md, convention 8).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, details: Record<string, unknown> = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}
