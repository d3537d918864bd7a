import type { CooperativeView } from '../../core/cooperative/cooperative-identity.ts';
import { legalFormLabel } from '../../core/cooperative/legal-forms.ts';
import type { Db } from '../db/open-database.ts';
import { cooperative } from './cooperative-tables.ts';

/** The cooperative's identity, or null before the first set-up. */
export async function getCooperative(db: Db): Promise<CooperativeView | null> {
  const [c] = await db.select().from(cooperative).limit(1);
  if (!c) return null;
  return {
    legalName: c.legalName,
    legalForm: c.legalForm,
    variableCapital: c.variableCapital,
    siren: c.siren,
    rcsCity: c.rcsCity,
    vatNumber: c.vatNumber,
    address: { ...c.address, line2: c.address.line2 ?? '', country: c.address.country ?? 'FR' },
    email: c.email,
    phone: c.phone,
    iban: c.iban,
    bic: c.bic,
    fiscalYearEnd: c.fiscalYearEnd,
    legalFormLabel: legalFormLabel(c.legalForm, c.variableCapital),
    // Served by GET /api/cooperative/logo; the version changes the URL when the logo changes (caches).
    logoUrl: c.logoSha256 ? `/api/cooperative/logo?v=${c.logoSha256.slice(0, 16)}` : null,
    updatedAt: c.updatedAt.toISOString(),
  };
}
