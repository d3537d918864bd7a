import { eq } from 'drizzle-orm';
import type { LegalForm } from '../../core/cooperative/legal-forms.ts';
import { AppError } from '../../core/errors/app-error.ts';
import type { AssemblyCall, AssemblyType, CallRules } from '../../core/governance/assembly-rules.ts';
import {
  checkGovernanceSettings,
  defaultGovernanceSettings,
  GovernanceSettings,
} from '../../core/governance/governance-settings.ts';
import { cooperative } from '../cooperative/cooperative-tables.ts';
import type { Db } from '../db/open-database.ts';
import { governanceSettings } from './governance-tables.ts';

export type Governance = {
  legalName: string;
  legalForm: LegalForm;
  fiscalYearEnd: string;
  settings: GovernanceSettings;
  /** True when the statutes' settings were saved; false while the legal defaults apply. */
  customized: boolean;
  callRules(type: AssemblyType, call: AssemblyCall): CallRules;
};

/**
 * The cooperative's legal form and the statutes' governance settings (the legal defaults for its form
 * until the statutes are entered). Settings that no longer fit the legal form (it changed since) fall
 * back to the defaults rather than loosening the law.
 */
export async function loadGovernance(db: Db): Promise<Governance> {
  const [coop] = await db
    .select({
      legalName: cooperative.legalName,
      legalForm: cooperative.legalForm,
      fiscalYearEnd: cooperative.fiscalYearEnd,
    })
    .from(cooperative)
    .limit(1);
  if (!coop) throw new AppError('COOPERATIVE_REQUIRED');
  const [row] = await db.select().from(governanceSettings).where(eq(governanceSettings.id, 1));
  let settings = defaultGovernanceSettings(coop.legalForm);
  let customized = false;
  if (row) {
    const parsed = GovernanceSettings.safeParse(row.settings);
    if (parsed.success && checkGovernanceSettings(coop.legalForm, parsed.data).length === 0) {
      settings = parsed.data;
      customized = true;
    }
  }
  return {
    ...coop,
    settings,
    customized,
    callRules: (type, call) => structuredClone(settings.rules[type][call]),
  };
}
