/** Luhn checksum over a string of digits (ISO/IEC 7812), as used by SIREN and SIRET numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A SIREN is 9 digits whose Luhn checksum holds (INSEE). */
export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && passesLuhn(value);
}

/**
 * A SIRET is the SIREN plus a 5-digit establishment number: its first nine digits are a valid SIREN and the
 * fourteen digits pass the Luhn checksum as a whole. La Poste (SIREN 356000000) has too many establishments
 * for that: apart from its head office (35600000000048, which passes Luhn), its establishment numbers only
 * have a sum of digits divisible by 5 (INSEE rule).
 */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || !isValidSiren(value.slice(0, 9))) return false;
  if (passesLuhn(value)) return true;
  if (value.startsWith('356000000')) {
    const sum = [...value].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0;
  }
  return false;
}
