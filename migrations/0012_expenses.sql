-- Expenses and purchases (issue 7; ledger.md "Supplier invoice / purchase", "Expense claim approved",
-- "Reimbursement or supplier payment"; cae-domain.md §2.2, §7). PostgreSQL 15 syntax only.

-- Categories of expenses: the account their cost goes to and their default VAT treatment (the rate a receipt
-- usually shows, and whether that VAT is recovered: lodging for staff is not, CGI ann. II art. 206 IV-2-3°).
CREATE TABLE expense_categories (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,29}$'),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 120),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 1 AND 120),
  kind text NOT NULL DEFAULT 'expense' CHECK (kind IN ('expense', 'mileage')),
  account_number text NOT NULL REFERENCES ledger_accounts (number),
  default_vat_rate_bp integer NOT NULL CHECK (default_vat_rate_bp IN (0, 210, 550, 1000, 2000)),
  vat_recoverable boolean NOT NULL,
  active boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (left(account_number, 1) = '6'),
  CHECK (kind = 'expense' OR (default_vat_rate_bp = 0 AND NOT vat_recoverable))
);

INSERT INTO expense_categories (code, label, label_en, kind, account_number, default_vat_rate_bp, vat_recoverable, position) VALUES
  ('TRANSPORT', 'Transports (train, avion, taxi, parking)', 'Travel (train, plane, taxi, parking)', 'expense', '625000', 1000, true, 1),
  ('MEALS', 'Repas et réceptions', 'Meals and receptions', 'expense', '625000', 1000, true, 2),
  ('LODGING', 'Hébergement', 'Lodging', 'expense', '625000', 1000, false, 3),
  ('FUEL', 'Carburant et péages', 'Fuel and tolls', 'expense', '625000', 2000, true, 4),
  ('MILEAGE', 'Indemnités kilométriques', 'Mileage allowance', 'mileage', '625000', 0, false, 5),
  ('SUPPLIES', 'Fournitures et petit matériel', 'Supplies and small equipment', 'expense', '601000', 2000, true, 6),
  ('GOODS', 'Marchandises', 'Goods for resale', 'expense', '607000', 2000, true, 7),
  ('SERVICES', 'Études et prestations', 'Studies and services', 'expense', '604000', 2000, true, 8),
  ('SUBCONTRACTING', 'Sous-traitance', 'Subcontracting', 'expense', '611000', 2000, true, 9),
  ('FEES', 'Honoraires', 'Fees', 'expense', '622000', 2000, true, 10),
  ('ADVERTISING', 'Publicité et communication', 'Advertising', 'expense', '623000', 2000, true, 11),
  ('TELECOM', 'Téléphone, internet, poste', 'Phone, internet, post', 'expense', '626000', 2000, true, 12),
  ('RENTALS', 'Locations', 'Rentals', 'expense', '613000', 2000, true, 13);

-- The cooperative's settings: above this amount, two different people approve (issue 7).
CREATE TABLE expense_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  double_approval_above_cents bigint NOT NULL DEFAULT 100000 CHECK (double_approval_above_cents >= 0),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO expense_settings (id) VALUES (1);

CREATE SEQUENCE expense_claim_numbers;

-- A member's expense claim for one of their activities. Its number is given when it is submitted.
CREATE TABLE expense_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text UNIQUE,
  activity_id uuid NOT NULL REFERENCES activities (id),
  member_id uuid NOT NULL REFERENCES members (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  vat_cents bigint NOT NULL CHECK (vat_cents >= 0 AND vat_cents <= total_cents),
  paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0 AND paid_cents <= total_cents),
  submitted_at timestamptz,
  rejected_reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  entry_id uuid REFERENCES ledger_entries (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'draft') = (number IS NULL)),
  CHECK ((status = 'rejected') = (rejected_reason IS NOT NULL)),
  CHECK ((status IN ('approved', 'paid')) = (entry_id IS NOT NULL)),
  CHECK ((status = 'paid') = (paid_cents = total_cents))
);
CREATE INDEX expense_claims_activity_idx ON expense_claims (activity_id, created_at);
CREATE INDEX expense_claims_member_idx ON expense_claims (member_id, created_at);
CREATE INDEX expense_claims_status_idx ON expense_claims (status) WHERE status IN ('submitted', 'approved');

CREATE TABLE expense_claim_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  claim_id uuid NOT NULL REFERENCES expense_claims (id) ON DELETE CASCADE,
  position integer NOT NULL CHECK (position >= 1),
  kind text NOT NULL CHECK (kind IN ('expense', 'mileage')),
  line_date date NOT NULL,
  category_id uuid NOT NULL REFERENCES expense_categories (id),
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 200),
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  -- The VAT shown on the receipt (recovered only when the category allows it).
  vat_cents bigint NOT NULL CHECK (vat_cents >= 0 AND vat_cents <= total_cents),
  receipt_sha256 text REFERENCES files (sha256),
  vehicle text CHECK (vehicle IN ('car', 'motorcycle')),
  fiscal_hp integer CHECK (fiscal_hp BETWEEN 1 AND 99),
  electric boolean,
  distance_km integer CHECK (distance_km BETWEEN 1 AND 5000),
  -- The scale's date and the distance already claimed in the year when the amount was computed.
  scale_valid_from date,
  km_before integer CHECK (km_before >= 0),
  UNIQUE (claim_id, position),
  CHECK ((kind = 'mileage') = (vehicle IS NOT NULL AND fiscal_hp IS NOT NULL AND electric IS NOT NULL
                               AND distance_km IS NOT NULL AND scale_valid_from IS NOT NULL AND km_before IS NOT NULL)),
  CHECK (kind = 'expense' OR (vat_cents = 0 AND receipt_sha256 IS NULL))
);
CREATE INDEX expense_claim_lines_receipt_idx ON expense_claim_lines (receipt_sha256) WHERE receipt_sha256 IS NOT NULL;

-- A supplier's invoice for an activity, recorded with its PDF. The same supplier (SIREN, else name) and number
-- twice is refused.
CREATE TABLE supplier_invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  category_id uuid NOT NULL REFERENCES expense_categories (id),
  supplier_name text NOT NULL CHECK (length(supplier_name) BETWEEN 1 AND 140),
  supplier_siren text CHECK (supplier_siren ~ '^\d{9}$'),
  supplier_key text NOT NULL,
  supplier_iban text NOT NULL CHECK (supplier_iban ~ '^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$'),
  supplier_bic text,
  number text NOT NULL CHECK (length(number) BETWEEN 1 AND 60),
  number_key text NOT NULL,
  issue_date date NOT NULL,
  due_date date CHECK (due_date IS NULL OR due_date >= issue_date),
  description text NOT NULL DEFAULT '',
  vat_totals jsonb NOT NULL,
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  vat_cents bigint NOT NULL CHECK (vat_cents >= 0 AND vat_cents < total_cents),
  paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0 AND paid_cents <= total_cents),
  pdf_sha256 text NOT NULL REFERENCES files (sha256),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'paid')),
  submitted_at timestamptz,
  rejected_reason text,
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  entry_id uuid REFERENCES ledger_entries (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (supplier_key, number_key),
  CHECK ((status = 'rejected') = (rejected_reason IS NOT NULL)),
  CHECK ((status IN ('approved', 'paid')) = (entry_id IS NOT NULL)),
  CHECK ((status = 'paid') = (paid_cents = total_cents))
);
CREATE INDEX supplier_invoices_activity_idx ON supplier_invoices (activity_id, issue_date);
CREATE INDEX supplier_invoices_status_idx ON supplier_invoices (status) WHERE status IN ('submitted', 'approved');

-- Who approved what (two different people above the threshold). Never the item's owner (checked by the use
-- case; a person approves an item once, checked here too).
CREATE TABLE expense_approvals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_type text NOT NULL CHECK (item_type IN ('claim', 'supplier_invoice')),
  item_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  approved_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (item_type, item_id, user_id)
);

-- A batch of payments: a SEPA credit transfer file (pain.001.001.03, stored), then its confirmation, which posts
-- the payments. Its MsgId and each line's EndToEndId come back on the bank statement (bank reconciliation).
CREATE TABLE expense_payment_batches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  message_id text NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 35),
  execution_date date NOT NULL,
  status text NOT NULL DEFAULT 'prepared' CHECK (status IN ('prepared', 'confirmed')),
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  paid_cents bigint NOT NULL DEFAULT 0 CHECK (paid_cents >= 0 AND paid_cents <= total_cents),
  file_sha256 text NOT NULL REFERENCES files (sha256),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by uuid REFERENCES users (id),
  confirmed_at timestamptz,
  paid_on date,
  CHECK ((status = 'confirmed') = (confirmed_at IS NOT NULL AND paid_on IS NOT NULL))
);

CREATE TABLE expense_payment_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id uuid NOT NULL REFERENCES expense_payment_batches (id),
  position integer NOT NULL CHECK (position >= 1),
  item_type text NOT NULL CHECK (item_type IN ('claim', 'supplier_invoice')),
  item_id uuid NOT NULL,
  activity_id uuid NOT NULL REFERENCES activities (id),
  end_to_end_id text NOT NULL UNIQUE CHECK (length(end_to_end_id) BETWEEN 1 AND 35),
  creditor_name text NOT NULL,
  iban text NOT NULL,
  bic text,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  label text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'paid', 'rejected')),
  entry_id uuid REFERENCES ledger_entries (id),
  UNIQUE (batch_id, position),
  CHECK ((status = 'paid') = (entry_id IS NOT NULL))
);
-- An item is in at most one batch waiting for confirmation: it cannot be sent to the bank twice.
CREATE UNIQUE INDEX expense_payment_lines_one_pending ON expense_payment_lines (item_type, item_id)
  WHERE status = 'pending';
CREATE INDEX expense_payment_lines_item_idx ON expense_payment_lines (item_type, item_id);

-- A payment line, once paid or rejected, never changes again (the books hold its entry).
CREATE FUNCTION expense_payment_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payment lines are never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status <> 'pending' OR (to_jsonb(NEW) - 'status' - 'entry_id') <> (to_jsonb(OLD) - 'status' - 'entry_id') THEN
    RAISE EXCEPTION 'a payment line is never changed once paid or rejected' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER expense_payment_lines_guarded BEFORE UPDATE OR DELETE ON expense_payment_lines
  FOR EACH ROW EXECUTE FUNCTION expense_payment_lines_guard();
