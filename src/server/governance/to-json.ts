import { centsToJson } from '../../core/money/cents-schema.ts';

/** A value for a JSON answer: bigint cents become numbers (refused if they would lose precision), dates ISO strings. */
export function toJson<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? centsToJson(v) : v)));
}
