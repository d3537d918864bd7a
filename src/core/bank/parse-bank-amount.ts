import { AppError } from '../errors/app-error.ts';

// Thousands separators banks print: space, no-break space, narrow no-break space, apostrophe, and the other
// one of "." / "," (1.234,56 in French files, 1,234.56 in English ones).
const groupChars = " \u00a0\u202f'";

/**
 * Reads an amount written by a bank into integer cents, exactly (no floating point): "1 234,56",
 * "-1.234,56", "+12,5", "1234.56" with decimal ".", "(12,00)" negative, "12,00-" trailing sign, "€"/"EUR"
 * around. Returns null when the text is not an amount (thousands groups must be of three digits, at most
 * two decimals), so "1,2,3" or "12,345" with decimal "," are refused rather than guessed.
 */
export function parseBankAmount(text: string, decimalSeparator: ',' | '.'): number | null {
  let s = text.trim().replace(/€|EUR/gi, '').trim();
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1).trim();
  } else if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') negative = !negative;
    s = s.slice(1).trim();
  }
  const group = decimalSeparator === ',' ? `[.${groupChars}]` : `[,${groupChars}]`;
  const dec = decimalSeparator === ',' ? ',' : '\\.';
  const m = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${dec}(\\d{1,2}))?$`).exec(s);
  if (!m) return null;
  const units = Number(m[1]!.replace(/\D/g, ''));
  const cents = units * 100 + Number((m[2] ?? '').padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** parseBankAmount, or the refusal that names the line and the text. */
export function requireBankAmount(text: string, decimalSeparator: ',' | '.', line: number): number {
  const cents = parseBankAmount(text, decimalSeparator);
  if (cents === null) throw new AppError('BANK_AMOUNT_INVALID', { line, value: text.slice(0, 40) });
  return cents;
}
