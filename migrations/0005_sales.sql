-- Sales (issue 5; cae-domain.md §4–5): clients and catalogue per activity, quotes, invoices and credit
-- notes with their lines, the legal numbering counters, payments. The cooperative issues every document:
-- one legal entity, one gapless numbering. Amounts in integer cents, rates in basis points.

-- One row: how documents are numbered, the VAT option and the late-penalty settings.
CREATE TABLE sales_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  numbering_template text NOT NULL DEFAULT 'F{YYYY}-{COUNTER:5}',
  numbering_reset text NOT NULL DEFAULT 'yearly' CHECK (numbering_reset IN ('never', 'yearly', 'monthly')),
  numbering_per_activity boolean NOT NULL DEFAULT false,
  -- CGI art. 269-2 c: services pay VAT on receipt unless the cooperative opted for the "débits".
  vat_on_debits boolean NOT NULL DEFAULT false,
  late_penalty_margin_bp integer NOT NULL DEFAULT 1000 CHECK (late_penalty_margin_bp BETWEEN 0 AND 10000),
  late_penalty_fixed_rate_bp integer CHECK (late_penalty_fixed_rate_bp BETWEEN 0 AND 10000),
  -- Half-years the built-in ECB table lacks: [{"semesterStart": "2026-01-01", "rateBp": 215}, …]
  ecb_rates jsonb NOT NULL DEFAULT '[]',
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sales_settings DEFAULT VALUES;

-- Above this amount incl. VAT, a member's invoice goes to support for validation before it is issued.
CREATE TABLE sales_member_limits (
  member_id uuid PRIMARY KEY REFERENCES members (id),
  validation_ceiling_cents bigint NOT NULL CHECK (validation_ceiling_cents >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE clients (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  kind text NOT NULL CHECK (kind IN ('company', 'individual', 'publicBody')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  siren text CHECK (siren ~ '^\d{9}$'),
  siret text CHECK (siret ~ '^\d{14}$'),
  vat_number text,
  billing_address jsonb NOT NULL,
  delivery_address jsonb,
  email text,
  payment_terms jsonb NOT NULL DEFAULT '{"kind": "days", "days": 30}',
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clients_activity_idx ON clients (activity_id, name);

CREATE TABLE catalogue_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  unit text NOT NULL DEFAULT 'C62',
  unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
  vat jsonb NOT NULL,
  supply_kind text NOT NULL CHECK (supply_kind IN ('goods', 'services')),
  sales_account text NOT NULL DEFAULT '706000' CHECK (sales_account ~ '^70\d{1,8}$'),
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX catalogue_items_activity_idx ON catalogue_items (activity_id, name);

CREATE TABLE quotes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  client_id uuid NOT NULL REFERENCES clients (id),
  reference text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'refused', 'expired')),
  body jsonb NOT NULL,
  issue_date date,
  validity_date date,
  notes text,
  total_excl_cents bigint NOT NULL DEFAULT 0,
  total_vat_cents bigint NOT NULL DEFAULT 0,
  total_incl_cents bigint NOT NULL DEFAULT 0,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX quotes_reference_key ON quotes (activity_id, reference);

-- The legal numbering: one row per counter key (the period and, for per-activity series, the activity).
-- Issuing locks the row, so numbers are gapless and in the order of their issue dates.
CREATE TABLE numbering_counters (
  counter_key text PRIMARY KEY,
  last_value integer NOT NULL DEFAULT 0 CHECK (last_value >= 0),
  last_issue_date date
);

-- Invoices, deposit invoices and credit notes. A draft can change; once issued, nothing does (trigger).
CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  client_id uuid NOT NULL REFERENCES clients (id),
  type text NOT NULL CHECK (type IN ('invoice', 'deposit', 'creditNote')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'issued')),
  quote_id uuid REFERENCES quotes (id),
  corrects_invoice_id uuid REFERENCES invoices (id),
  discount jsonb,
  delivery_date date,
  delivery_address jsonb,
  purchase_order_reference text,
  notes text,
  payment_terms jsonb NOT NULL,
  -- Totals as EN 16931 computes them (src/core/sales/compute-document-totals.ts), kept current on drafts.
  total_lines_cents bigint NOT NULL DEFAULT 0,
  total_allowances_cents bigint NOT NULL DEFAULT 0,
  total_excl_cents bigint NOT NULL DEFAULT 0,
  total_vat_cents bigint NOT NULL DEFAULT 0,
  total_incl_cents bigint NOT NULL DEFAULT 0,
  vat_breakdown jsonb NOT NULL DEFAULT '[]',
  -- The part of the VAT posted to 44574 (awaiting receipt), set when issued.
  vat_pending_cents bigint NOT NULL DEFAULT 0,
  submitted_at timestamptz,
  approved_by uuid REFERENCES users (id),
  approved_at timestamptz,
  -- Set when issued.
  number text,
  counter_key text,
  counter integer,
  issue_date date,
  due_date date,
  issued_view jsonb,
  pdf_sha256 text REFERENCES files (sha256),
  xml_sha256 text REFERENCES files (sha256),
  ledger_entry_id uuid REFERENCES ledger_entries (id),
  issued_by uuid REFERENCES users (id),
  issued_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((type = 'creditNote') = (corrects_invoice_id IS NOT NULL)),
  CHECK (status <> 'issued' OR (number IS NOT NULL AND counter IS NOT NULL AND issue_date IS NOT NULL
    AND due_date IS NOT NULL AND delivery_date IS NOT NULL AND issued_view IS NOT NULL
    AND pdf_sha256 IS NOT NULL AND xml_sha256 IS NOT NULL AND ledger_entry_id IS NOT NULL)),
  CHECK (total_excl_cents = total_lines_cents - total_allowances_cents),
  CHECK (total_incl_cents = total_excl_cents + total_vat_cents)
);
CREATE UNIQUE INDEX invoices_number_key ON invoices (number) WHERE number IS NOT NULL;
CREATE UNIQUE INDEX invoices_counter_key ON invoices (counter_key, counter) WHERE counter IS NOT NULL;
CREATE INDEX invoices_activity_idx ON invoices (activity_id, status, issue_date);
CREATE INDEX invoices_client_idx ON invoices (client_id);
CREATE INDEX invoices_corrects_idx ON invoices (corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL;

CREATE TABLE invoice_lines (
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  position integer NOT NULL CHECK (position >= 0),
  section_index integer NOT NULL CHECK (section_index >= 0),
  section_title text,
  description text NOT NULL,
  -- Decimal quantity (4 decimals), never a float.
  quantity numeric(16, 4) NOT NULL,
  unit text NOT NULL,
  unit_price_cents bigint NOT NULL CHECK (unit_price_cents >= 0),
  vat jsonb NOT NULL,
  discount jsonb,
  supply_kind text NOT NULL CHECK (supply_kind IN ('goods', 'services')),
  gross_cents bigint NOT NULL,
  discount_cents bigint NOT NULL,
  net_cents bigint NOT NULL,
  PRIMARY KEY (invoice_id, position),
  CHECK (net_cents = gross_cents - discount_cents)
);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  paid_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  method text NOT NULL CHECK (method IN ('transfer', 'cheque', 'card', 'cash', 'directDebit', 'other')),
  reference text NOT NULL DEFAULT '',
  -- The VAT moved from "awaiting receipt" to "collected" by this payment (services, VAT on receipts).
  vat_collected_cents bigint NOT NULL DEFAULT 0,
  ledger_entry_id uuid NOT NULL REFERENCES ledger_entries (id),
  recorded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_invoice_idx ON payments (invoice_id, paid_on);

-- Issued documents are never edited or deleted (CGI art. 289; cae-domain.md §4.2): corrections go
-- through credit notes. Payments are never edited either: a mistake is corrected by the bank issue's
-- reversal, not by rewriting.
CREATE FUNCTION sales_invoice_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'issued' THEN
      RAISE EXCEPTION 'issued invoice % cannot be deleted', OLD.number USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'issued' THEN
    RAISE EXCEPTION 'issued invoice % cannot be changed', OLD.number USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER invoices_frozen BEFORE UPDATE OR DELETE ON invoices
  FOR EACH ROW EXECUTE FUNCTION sales_invoice_frozen();

CREATE FUNCTION sales_invoice_lines_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  parent uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.invoice_id ELSE OLD.invoice_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM invoices WHERE id = parent AND status = 'issued') THEN
    RAISE EXCEPTION 'the lines of an issued invoice cannot change' USING ERRCODE = 'check_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER invoice_lines_frozen BEFORE INSERT OR UPDATE OR DELETE ON invoice_lines
  FOR EACH ROW EXECUTE FUNCTION sales_invoice_lines_frozen();

CREATE FUNCTION sales_payment_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'payments are never changed or deleted' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER payments_frozen BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION sales_payment_frozen();

-- A client with documents cannot be deleted (issue 5): the foreign keys refuse it.
