/**
 * A seeded pseudo-random generator (mulberry32) for demo and benchmark data: the same seed gives the same
 * cooperative every time. Never used for anything secret.
 */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const chance = (p: number) => next() < p;
  /** A version-4-shaped UUID drawn from the generator, so that generated rows have stable ids. */
  const word = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, '0');
  };
  const uuid = () => {
    const hex = word() + word() + word() + word();
    const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, uuid };
}
export type SeededRandom = ReturnType<typeof seededRandom>;

/** A French IBAN with a correct checksum, from a bank code, branch and account number (demo data only). */
export function demoIban(random: SeededRandom): string {
  const digits = (n: number) => Array.from({ length: n }, () => random.int(0, 9)).join('');
  const bankBranchAccount = `${digits(5)}${digits(5)}${digits(11)}`;
  // RIB key: 97 - ((89 × bank + 15 × branch + 3 × account) mod 97).
  const bank = BigInt(bankBranchAccount.slice(0, 5));
  const branch = BigInt(bankBranchAccount.slice(5, 10));
  const account = BigInt(bankBranchAccount.slice(10));
  const ribKey = 97n - ((89n * bank + 15n * branch + 3n * account) % 97n);
  const bban = `${bankBranchAccount}${String(ribKey).padStart(2, '0')}`;
  // ISO 13616: check digits = 98 - (BBAN + "FR00" as digits) mod 97; F = 15, R = 27.
  const check = 98n - (BigInt(`${bban}152700`) % 97n);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

/** A well-formed social security number (NIR) with its key, for demo files (clearly fictitious). */
export function demoNir(random: SeededRandom, sex: 1 | 2): string {
  const body = `${sex}${String(random.int(60, 99)).padStart(2, '0')}${String(random.int(1, 12)).padStart(2, '0')}${String(random.int(1, 95)).padStart(2, '0')}${String(random.int(1, 999)).padStart(3, '0')}${String(random.int(1, 999)).padStart(3, '0')}`;
  const key = 97n - (BigInt(body) % 97n);
  return `${body}${String(key).padStart(2, '0')}`;
}
