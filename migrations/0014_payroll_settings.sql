-- Payroll: the cooperative's own settings, incomplete months, advances repaid, the year-end true-up posted,
-- the SEPA file kept (issue 10, review). PostgreSQL 15 syntax only.

-- The cooperative's payroll settings, one version per change, in force from the first day of a month until the
-- next version (cae-domain.md §2.3 [CONF/YEAR]): what the rules engine needs about the employer (headcount
-- class, work-accident rate, transport levy, health and provident plans), the safety buffer kept aside by "how
-- much can I pay myself?", and the employer's identity the payslip prints (C. trav. R3243-1: establishment
-- SIRET, APE code, collective agreement). A version a payroll run used is never changed: the runs keep a copy
-- of the settings they priced with (payroll_runs.settings), and the use case refuses a version starting in a
-- month already run.
CREATE TABLE payroll_settings_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  valid_from date NOT NULL UNIQUE CHECK (extract(day FROM valid_from) = 1),
  settings jsonb NOT NULL,
  safety_buffer_cents bigint NOT NULL CHECK (safety_buffer_cents >= 0),
  establishment_siret text NOT NULL DEFAULT '' CHECK (establishment_siret = '' OR establishment_siret ~ '^\d{14}$'),
  ape_code text NOT NULL DEFAULT '' CHECK (ape_code = '' OR ape_code ~ '^\d{2}\.?\d{2}[A-Z]$'),
  collective_agreement text NOT NULL DEFAULT '',
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The days a record pays: a contract starting or ending during the month is paid pro rata of its calendar days
-- (both days included). NULL on records written before (whole months).
ALTER TABLE payroll_slips ADD COLUMN period_from date;
ALTER TABLE payroll_slips ADD COLUMN period_to date;
ALTER TABLE payroll_slips ADD CONSTRAINT payroll_slips_period_check
  CHECK ((period_from IS NULL) = (period_to IS NULL) AND (period_from IS NULL OR period_from <= period_to));

-- What a fund actually advanced (set by the run that posts the transfer) and what the activity paid back.
ALTER TABLE payroll_advances ADD COLUMN advanced_cents bigint NOT NULL DEFAULT 0 CHECK (advanced_cents >= 0);
ALTER TABLE payroll_advances ADD COLUMN repaid_cents bigint NOT NULL DEFAULT 0 CHECK (repaid_cents >= 0);
ALTER TABLE payroll_advances ADD CONSTRAINT payroll_advances_repaid_check CHECK (repaid_cents <= advanced_cents);

-- Each repayment of an advance: taken by a later run from the activity's treasury left after its salaries.
CREATE TABLE payroll_advance_repayments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  advance_id uuid NOT NULL REFERENCES payroll_advances (id),
  run_id uuid NOT NULL REFERENCES payroll_runs (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (advance_id, month)
);

-- The year-end true-up of one member for one fiscal year: the variable part accrued at the year's end
-- (D 641/645 · C 4286/4386, ledger.md and cae-domain.md §7), then paid by one month after the assembly
-- (C. trav. R7331-12): the accrual settled (D 4286/4386 · C 421/431/437) and the net transferred (D 421 · C 512).
CREATE TABLE payroll_true_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  fiscal_year_id integer NOT NULL REFERENCES fiscal_years (id),
  member_id uuid NOT NULL REFERENCES members (id),
  activity_id uuid NOT NULL REFERENCES activities (id),
  pricing_month date NOT NULL CHECK (extract(day FROM pricing_month) = 1),
  assembly_date date NOT NULL,
  pay_by date NOT NULL,
  gross_cents bigint NOT NULL CHECK (gross_cents > 0),
  employer_cost_cents bigint NOT NULL CHECK (employer_cost_cents >= gross_cents),
  figures jsonb NOT NULL,
  accrual_entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  accrued_by uuid REFERENCES users (id),
  accrued_at timestamptz NOT NULL DEFAULT now(),
  paid_on date,
  payment_entry_id uuid REFERENCES ledger_entries (id),
  paid_by uuid REFERENCES users (id),
  paid_at timestamptz,
  UNIQUE (fiscal_year_id, member_id),
  CHECK ((paid_on IS NULL) = (payment_entry_id IS NULL))
);

-- The SEPA file of a payment batch, stored once when it is prepared (files: content-addressed): the bytes
-- downloaded are the bytes prepared, whatever changes afterwards in the members' bank details.
ALTER TABLE payroll_payments ADD COLUMN file_sha256 text REFERENCES files (sha256);
