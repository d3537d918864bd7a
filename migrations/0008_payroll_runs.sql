-- Payroll runs and salary payments (issue 10; ledger.md "Payroll run", "Salary paid"; cae-domain.md §1.2-1.3).
-- PostgreSQL 15 syntax only.

-- A manager lets a salary the activity's treasury cannot bear be paid for one month, the shortfall advanced by
-- a mutual fund (an activity of kind 'fund'). One per member and month.
CREATE TABLE payroll_advances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  fund_activity_id uuid NOT NULL REFERENCES activities (id),
  note text NOT NULL DEFAULT '',
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, month)
);

-- One run of one month by the accountant: what it used (settings, rules version) and what it refused, with
-- the reasons. A month may take several runs (members refused in the first one, paid after an advance), but a
-- member is recorded once a month (payroll_slips below).
CREATE TABLE payroll_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  settings jsonb NOT NULL,
  rules_version text NOT NULL,
  paid_count integer NOT NULL CHECK (paid_count >= 0),
  zero_count integer NOT NULL CHECK (zero_count >= 0),
  refused jsonb NOT NULL DEFAULT '[]'::jsonb,
  run_by uuid REFERENCES users (id),
  run_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payroll_runs_month_idx ON payroll_runs (month, run_at);

-- Batches of net salary payments: a SEPA credit transfer file (pain.001.001.03), then its confirmation, which
-- posts the payment entries.
CREATE TABLE payroll_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  message_id text NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 35),
  execution_date date NOT NULL,
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  transfer_count integer NOT NULL CHECK (transfer_count > 0),
  status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'confirmed')),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid REFERENCES users (id),
  confirmed_at timestamptz,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL))
);

-- The record of one member's month: the figures of the rules engine, the entry posted, the payment. CAPE
-- members get a zero record (proof of activity). Unique per member and month: a run is idempotent.
CREATE TABLE payroll_slips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid NOT NULL REFERENCES payroll_runs (id),
  member_id uuid NOT NULL REFERENCES members (id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  kind text NOT NULL CHECK (kind IN ('salary', 'cape_zero')),
  basis text NOT NULL CHECK (basis IN ('plan', 'fixed_part', 'none')),
  contract_id uuid NOT NULL,
  salary_plan_id uuid REFERENCES salary_plans (id),
  activity_id uuid REFERENCES activities (id),
  gross_cents bigint NOT NULL CHECK (gross_cents >= 0),
  net_social_cents bigint NOT NULL,
  net_before_income_tax_cents bigint NOT NULL CHECK (net_before_income_tax_cents >= 0),
  net_taxable_cents bigint NOT NULL,
  employer_cost_cents bigint NOT NULL CHECK (employer_cost_cents >= 0),
  employee_contributions_cents bigint NOT NULL,
  employer_contributions_cents bigint NOT NULL,
  contribution_lines jsonb NOT NULL DEFAULT '[]'::jsonb,
  treasury_before_cents bigint,
  advance_id uuid REFERENCES payroll_advances (id),
  advance_cents bigint NOT NULL DEFAULT 0 CHECK (advance_cents >= 0),
  entry_id uuid REFERENCES ledger_entries (id),
  payment_id uuid REFERENCES payroll_payments (id),
  paid_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, month),
  CHECK (kind = 'salary' OR (gross_cents = 0 AND employer_cost_cents = 0 AND entry_id IS NULL)),
  CHECK ((kind = 'salary') = (activity_id IS NOT NULL AND entry_id IS NOT NULL)),
  CHECK (paid_on IS NULL OR payment_id IS NOT NULL)
);
CREATE INDEX payroll_slips_month_idx ON payroll_slips (month, member_id);
CREATE INDEX payroll_slips_payment_idx ON payroll_slips (payment_id) WHERE payment_id IS NOT NULL;

-- A record's figures never change once written: only its payment (batch, then date) is filled in, once.
CREATE FUNCTION payroll_slips_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payroll records are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF (to_jsonb(NEW) - 'payment_id' - 'paid_on') <> (to_jsonb(OLD) - 'payment_id' - 'paid_on')
     OR (OLD.paid_on IS NOT NULL AND NEW.paid_on IS DISTINCT FROM OLD.paid_on)
     OR (OLD.paid_on IS NOT NULL AND NEW.payment_id IS DISTINCT FROM OLD.payment_id) THEN
    RAISE EXCEPTION 'a payroll record is never changed once paid or written' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER payroll_slips_guarded BEFORE UPDATE OR DELETE ON payroll_slips
  FOR EACH ROW EXECUTE FUNCTION payroll_slips_guard();
