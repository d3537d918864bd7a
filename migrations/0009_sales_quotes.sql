-- Sales, continued (issue 5): quotes with their own numbering series and their conversion into invoices;
-- sending issued documents by e-mail with a trace; reminders of overdue invoices on a schedule.

-- Quotes are numbered when sent (a draft has no number yet), in their own series.
ALTER TABLE quotes ALTER COLUMN reference DROP NOT NULL;
ALTER TABLE quotes ALTER COLUMN status SET DEFAULT 'draft';
ALTER TABLE quotes
  ADD COLUMN counter_key text,
  ADD COLUMN counter integer,
  ADD COLUMN delivery_address jsonb,
  ADD COLUMN payment_terms jsonb NOT NULL DEFAULT '{"kind": "days", "days": 30}',
  ADD COLUMN total_lines_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN total_allowances_cents bigint NOT NULL DEFAULT 0,
  ADD COLUMN vat_breakdown jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN pdf_sha256 text REFERENCES files (sha256),
  ADD COLUMN sent_at timestamptz,
  ADD COLUMN decided_at timestamptz,
  ADD COLUMN decided_by uuid REFERENCES users (id),
  ADD CONSTRAINT quotes_sent_numbered CHECK (status = 'draft' OR (reference IS NOT NULL AND counter IS NOT NULL
    AND issue_date IS NOT NULL AND validity_date IS NOT NULL AND pdf_sha256 IS NOT NULL)),
  ADD CONSTRAINT quotes_validity_after_issue CHECK (validity_date IS NULL OR issue_date IS NULL
    OR validity_date >= issue_date),
  ADD CONSTRAINT quotes_totals CHECK (total_excl_cents = total_lines_cents - total_allowances_cents
    AND total_incl_cents = total_excl_cents + total_vat_cents);
CREATE UNIQUE INDEX quotes_counter_key ON quotes (counter_key, counter) WHERE counter IS NOT NULL;
CREATE UNIQUE INDEX quotes_number_key ON quotes (reference) WHERE reference IS NOT NULL;
CREATE INDEX quotes_activity_idx ON quotes (activity_id, status, created_at);
CREATE INDEX quotes_client_idx ON quotes (client_id);

-- A sent quote is what the client received: its content never changes, only its status.
CREATE FUNCTION sales_quote_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'sent quote % cannot be deleted', OLD.reference USING ERRCODE = 'check_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status <> 'draft' AND (NEW.body IS DISTINCT FROM OLD.body OR NEW.client_id IS DISTINCT FROM OLD.client_id
      OR NEW.activity_id IS DISTINCT FROM OLD.activity_id OR NEW.reference IS DISTINCT FROM OLD.reference
      OR NEW.issue_date IS DISTINCT FROM OLD.issue_date OR NEW.validity_date IS DISTINCT FROM OLD.validity_date
      OR NEW.total_incl_cents IS DISTINCT FROM OLD.total_incl_cents OR NEW.pdf_sha256 IS DISTINCT FROM OLD.pdf_sha256
      OR NEW.notes IS DISTINCT FROM OLD.notes) THEN
    RAISE EXCEPTION 'the content of sent quote % cannot change', OLD.reference USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER quotes_frozen BEFORE UPDATE OR DELETE ON quotes
  FOR EACH ROW EXECUTE FUNCTION sales_quote_frozen();

-- Which part of a quote an invoice bills: a deposit, an intermediate invoice (situation), or the balance.
ALTER TABLE invoices
  ADD COLUMN quote_part text CHECK (quote_part IN ('deposit', 'intermediate', 'balance')),
  ADD CONSTRAINT invoices_quote_part CHECK ((quote_part IS NULL) = (quote_id IS NULL));
CREATE INDEX invoices_quote_idx ON invoices (quote_id) WHERE quote_id IS NOT NULL;
-- One balance invoice per quote.
CREATE UNIQUE INDEX invoices_quote_balance_key ON invoices (quote_id) WHERE quote_part = 'balance';

-- Quote numbering (a series of its own, never shared with the legal invoice series) and the reminders of
-- overdue invoices: the days after the due date at which each reminder goes.
ALTER TABLE sales_settings
  ADD COLUMN quote_numbering_template text NOT NULL DEFAULT 'D{YYYY}-{COUNTER:5}',
  ADD COLUMN quote_numbering_reset text NOT NULL DEFAULT 'yearly'
    CHECK (quote_numbering_reset IN ('never', 'yearly', 'monthly')),
  ADD COLUMN quote_validity_days integer NOT NULL DEFAULT 30 CHECK (quote_validity_days BETWEEN 1 AND 365),
  ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true,
  ADD COLUMN reminder_days jsonb NOT NULL DEFAULT '[7, 30, 60]';

-- Attachments of a queued e-mail: files of the file store, sent with it.
CREATE TABLE email_attachments (
  email_id uuid NOT NULL REFERENCES emails (id),
  position integer NOT NULL CHECK (position >= 0),
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
  file_sha256 text NOT NULL REFERENCES files (sha256),
  PRIMARY KEY (email_id, position)
);

-- The trace of every issued document sent to a client (issue 5 §9): when, to whom, which file (its hash),
-- by whom; reminders carry their step and the penalties they showed. A reminder step goes once.
CREATE TABLE invoice_sendings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices (id),
  kind text NOT NULL CHECK (kind IN ('document', 'reminder')),
  reminder_days integer CHECK (reminder_days > 0),
  to_address text NOT NULL,
  file_sha256 text NOT NULL REFERENCES files (sha256),
  email_id uuid NOT NULL REFERENCES emails (id),
  due_cents bigint,
  penalty_cents bigint,
  penalty_rate_bp integer,
  indemnity_cents bigint,
  sent_by uuid REFERENCES users (id),
  sent_at timestamptz NOT NULL,
  CHECK ((kind = 'reminder') = (reminder_days IS NOT NULL))
);
CREATE INDEX invoice_sendings_invoice_idx ON invoice_sendings (invoice_id, sent_at);
CREATE UNIQUE INDEX invoice_sendings_reminder_key ON invoice_sendings (invoice_id, reminder_days)
  WHERE kind = 'reminder';

CREATE FUNCTION sales_sending_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the trace of a sending never changes' USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER invoice_sendings_frozen BEFORE UPDATE OR DELETE ON invoice_sendings
  FOR EACH ROW EXECUTE FUNCTION sales_sending_frozen();
