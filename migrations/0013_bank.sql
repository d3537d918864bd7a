-- Bank statements and reconciliation (issue 9; ledger.md "Client payment", "Salary paid", "Bank line not yet
-- understood"). PostgreSQL 15 syntax only.

-- The cooperative's bank accounts: each its IBAN, its journal (BQ…) and its ledger account (512x).
CREATE TABLE bank_accounts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  iban text NOT NULL UNIQUE CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}$'),
  bic text,
  journal_code text NOT NULL REFERENCES ledger_journals (code),
  ledger_account_number text NOT NULL REFERENCES ledger_accounts (number) CHECK (ledger_account_number ~ '^512'),
  -- The saved column mapping of this bank's CSV exports (core/bank/statement-schemas.ts CsvMapping).
  csv_mapping jsonb,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- A file being uploaded in parts (each under the API's 1 MiB body limit), so a large statement shows progress.
CREATE TABLE bank_uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bank_account_id uuid NOT NULL REFERENCES bank_accounts (id),
  file_name text NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE bank_upload_parts (
  upload_id uuid NOT NULL REFERENCES bank_uploads (id) ON DELETE CASCADE,
  part integer NOT NULL CHECK (part >= 0),
  content text NOT NULL,
  PRIMARY KEY (upload_id, part)
);

-- One imported file: what it held, what was new, and its balances checked against its lines and the book.
CREATE TABLE bank_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bank_account_id uuid NOT NULL REFERENCES bank_accounts (id),
  format text NOT NULL CHECK (format IN ('camt053', 'ofx', 'csv')),
  file_name text NOT NULL,
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  statement_count integer NOT NULL CHECK (statement_count >= 1),
  line_count integer NOT NULL CHECK (line_count >= 0),
  new_line_count integer NOT NULL CHECK (new_line_count >= 0),
  opening_cents bigint,
  opening_date date,
  closing_cents bigint,
  closing_date date,
  -- closing − (opening + Σ lines): not zero means the statement is not whole (shown, never hidden).
  statement_difference_cents bigint,
  -- The book's balance of the bank account at the closing date, when the import was made.
  book_balance_cents bigint,
  auto_confirmed integer NOT NULL DEFAULT 0,
  imported_by uuid REFERENCES users (id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  CHECK (new_line_count <= line_count)
);

-- One line of a statement, with the bank's raw data, unique per account by its stable identity (a re-import
-- of an overlapping statement adds nothing twice).
CREATE TABLE bank_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bank_account_id uuid NOT NULL REFERENCES bank_accounts (id),
  import_id uuid NOT NULL REFERENCES bank_imports (id),
  line_key text NOT NULL CHECK (length(line_key) BETWEEN 1 AND 200),
  booking_date date NOT NULL,
  value_date date,
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  label text NOT NULL,
  counterparty_name text NOT NULL DEFAULT '',
  remittance text NOT NULL DEFAULT '',
  structured_refs text[] NOT NULL DEFAULT '{}',
  bank_reference text,
  end_to_end_ids text[] NOT NULL DEFAULT '{}',
  message_id text,
  parts jsonb NOT NULL DEFAULT '[]'::jsonb,
  raw jsonb NOT NULL,
  -- unmatched → matched (payment entries posted) | suspense (D/C 512 · 471 on the structure) → matched.
  status text NOT NULL DEFAULT 'unmatched' CHECK (status IN ('unmatched', 'suspense', 'matched')),
  suspense_entry_id uuid REFERENCES ledger_entries (id),
  suggestions jsonb NOT NULL DEFAULT '[]'::jsonb,
  matched_by uuid REFERENCES users (id),
  matched_at timestamptz,
  UNIQUE (bank_account_id, line_key),
  CHECK ((status = 'suspense') <= (suspense_entry_id IS NOT NULL)),
  CHECK ((status = 'matched') = (matched_at IS NOT NULL))
);
CREATE INDEX bank_lines_account_status_idx ON bank_lines (bank_account_id, status, booking_date);

-- What a matched line paid: invoices (a payment each), a transfer batch, and the entries posted for it.
CREATE TABLE bank_matches (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  line_id uuid NOT NULL REFERENCES bank_lines (id),
  kind text NOT NULL CHECK (kind IN ('invoice', 'salary_batch', 'expense_batch')),
  target_id uuid NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  payment_id uuid REFERENCES payments (id),
  -- Moving a line out of suspense: D 471 · C 512 (or the reverse) on the structure, before the payment.
  release_entry_id uuid REFERENCES ledger_entries (id),
  reason text NOT NULL,
  confidence integer NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  auto boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bank_matches_line_idx ON bank_matches (line_id);
CREATE UNIQUE INDEX bank_matches_batch_key ON bank_matches (kind, target_id) WHERE kind <> 'invoice';

-- Rules learnt from the accountant's choices: this counterparty pays that client, on that activity.
CREATE TABLE bank_match_rules (
  counterparty_key text PRIMARY KEY CHECK (length(counterparty_key) BETWEEN 1 AND 200),
  client_id uuid REFERENCES clients (id),
  activity_id uuid NOT NULL REFERENCES activities (id),
  uses integer NOT NULL DEFAULT 1 CHECK (uses > 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A line that has moved money in the books cannot disappear: matched or in suspense, it stays.
CREATE FUNCTION bank_lines_keep_posted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status <> 'unmatched' THEN
    RAISE EXCEPTION 'bank line % is % and cannot be deleted', OLD.id, OLD.status USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER bank_lines_keep_posted BEFORE DELETE ON bank_lines FOR EACH ROW EXECUTE FUNCTION bank_lines_keep_posted();
