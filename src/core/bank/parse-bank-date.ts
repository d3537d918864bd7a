import { AppError } from '../errors/app-error.ts';
import { isCalendarDate } from '../sales/calendar-date.ts';

export type BankDateFormat = 'dd/mm/yyyy' | 'yyyy-mm-dd' | 'dd/mm/yy';

/**
 * A date as a bank writes it, into "YYYY-MM-DD"; null when it is unreadable or does not exist (31/02/2026).
 * dd/mm/yyyy accepts "/", "-" and "." between the parts; dd/mm/yy reads years 00-69 as 20xx.
 */
export function parseBankDate(text: string, format: BankDateFormat): string | null {
  const s = text.trim();
  let y: string;
  let m: string;
  let d: string;
  if (format === 'yyyy-mm-dd') {
    const r = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
    if (!r) return null;
    [y, m, d] = [r[1]!, r[2]!, r[3]!];
  } else {
    const r = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
    if (!r) return null;
    if ((format === 'dd/mm/yy') !== (r[3]!.length === 2)) return null;
    d = r[1]!.padStart(2, '0');
    m = r[2]!.padStart(2, '0');
    y = r[3]!.length === 2 ? `${Number(r[3]) < 70 ? '20' : '19'}${r[3]}` : r[3]!;
  }
  const iso = `${y}-${m}-${d}`;
  return isCalendarDate(iso) ? iso : null;
}

export function requireBankDate(text: string, format: BankDateFormat, line: number): string {
  const date = parseBankDate(text, format);
  if (date === null) throw new AppError('BANK_DATE_INVALID', { line, value: text.slice(0, 40) });
  return date;
}
