import { sql } from 'drizzle-orm';
import { engineSettingsOf, type PayrollSettingsVersion } from '../../core/payroll/payroll-settings.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

type Row = {
  id: string;
  valid_from: string;
  settings: PayrollSettingsVersion;
  safety_buffer_cents: string;
  establishment_siret: string;
  ape_code: string;
  collective_agreement: string;
  note: string;
  created_at: string;
  created_by_name: string | null;
};

/** Every version of the cooperative's payroll settings, the latest start first (migration 0014). */
export async function listPayrollSettingsVersions(db: Db): Promise<PayrollSettingsVersion[]> {
  const rows = await queryRows<Row>(
    db,
    sql`SELECT v.id, v.valid_from::text AS valid_from, v.settings, v.safety_buffer_cents::text AS safety_buffer_cents,
               v.establishment_siret, v.ape_code, v.collective_agreement, v.note,
               to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
               u.name AS created_by_name
        FROM payroll_settings_versions v LEFT JOIN users u ON u.id = v.created_by
        ORDER BY v.valid_from DESC`,
  );
  return rows.map((r) => ({
    ...engineSettingsOf(r.settings),
    id: r.id,
    validFrom: r.valid_from,
    safetyBufferCents: Number(r.safety_buffer_cents),
    establishmentSiret: r.establishment_siret,
    apeCode: r.ape_code,
    collectiveAgreement: r.collective_agreement,
    note: r.note,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
  }));
}
