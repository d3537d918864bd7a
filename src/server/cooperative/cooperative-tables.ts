import { boolean, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { PostalAddress } from '../../core/cooperative/cooperative-identity.ts';
import type { LegalForm } from '../../core/cooperative/legal-forms.ts';

export const cooperative = pgTable('cooperative', {
  id: smallint('id').primaryKey().default(1),
  legalName: text('legal_name').notNull(),
  legalForm: text('legal_form').$type<LegalForm>().notNull(),
  variableCapital: boolean('variable_capital').notNull().default(true),
  siren: text('siren').notNull(),
  rcsCity: text('rcs_city').notNull(),
  vatNumber: text('vat_number').notNull(),
  address: jsonb('address').$type<PostalAddress>().notNull(),
  email: text('email').notNull(),
  phone: text('phone').notNull().default(''),
  iban: text('iban').notNull(),
  bic: text('bic').notNull(),
  fiscalYearEnd: text('fiscal_year_end').notNull(),
  logoSha256: text('logo_sha256'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
