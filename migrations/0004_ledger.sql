-- The book of record (issue 4; design: ledger.md). One set of books for the cooperative; every line
-- belongs to an activity (an analytic section). Invariants 1–6 of ledger.md are enforced here as well as
-- in the code:
--   1. each entry balances and has ≥ 2 lines: CHECKs, a per-statement check of the lines inserted and a
--      constraint trigger at commit;
--   2. entries and lines are never updated or deleted (triggers);
--   3. numbers unique per journal and fiscal year (the posting code makes them continuous, `verify` checks);
--   4. each journal is a hash chain (computed by the posting code, walked by `verify`);
--   5. nothing is posted in a closed year or on/before the lock date (trigger on every insert);
--   6. stored balances are written by the database itself, from the lines, in the inserting statement,
--      rows taken in a fixed order; nobody else may write them.
-- Lines carry no declarative foreign keys: a per-row foreign-key check triples the cost of posting, so
-- references (entry, account, activity) are checked once per INSERT statement, set-based, and deleting a
-- referenced account or activity is refused by triggers below.

CREATE TABLE ledger_accounts (
  number text PRIMARY KEY CHECK (number ~ '^[1-8][0-9]{2,9}$'),
  label text NOT NULL CHECK (label <> ''),
  -- Auxiliary accounts (401, 411, 421…) need a third party on every line.
  requires_third_party boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ledger_journals (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,5}$'),
  label text NOT NULL CHECK (label <> ''),
  kind text NOT NULL CHECK (kind IN ('sales', 'purchases', 'bank', 'payroll', 'expenses', 'transfers',
    'miscellaneous', 'opening')),
  -- Whether the accountant may type entries in it (OD).
  manual boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  -- Head of the journal's hash chain: number of entries and hash of the last one.
  chain_length bigint NOT NULL DEFAULT 0,
  last_hash text NOT NULL DEFAULT repeat('0', 64) CHECK (last_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fiscal_years (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  start_date date NOT NULL UNIQUE,
  end_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_at timestamptz,
  closed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date > start_date),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CONSTRAINT fiscal_years_no_overlap EXCLUDE USING gist (daterange(start_date, end_date, '[]') WITH &&)
);

-- The lock date: nothing is posted on or before it (invariant 5). One row.
CREATE TABLE ledger_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  lock_date date,
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO ledger_settings (id) VALUES (1);

-- The last number given in each journal and fiscal year; its row is locked while an entry is numbered.
CREATE TABLE ledger_journal_sequences (
  journal_code text NOT NULL REFERENCES ledger_journals (code),
  fiscal_year_id integer NOT NULL REFERENCES fiscal_years (id),
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  PRIMARY KEY (journal_code, fiscal_year_id)
);

CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY,
  -- Posting order across all journals (the FEC's order).
  seq bigint GENERATED ALWAYS AS IDENTITY,
  journal_code text NOT NULL,
  fiscal_year_id integer NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  chain_index bigint NOT NULL CHECK (chain_index > 0),
  entry_date date NOT NULL,
  piece_ref text NOT NULL CHECK (piece_ref <> ''),
  piece_date date NOT NULL,
  label text NOT NULL CHECK (label <> ''),
  source_type text NOT NULL CHECK (source_type ~ '^[a-z][a-z0-9_]{1,39}$'),
  source_id text,
  idempotency_key text NOT NULL UNIQUE,
  -- The entry this one reverses (an entry is reversed at most once: unique index below).
  reverses_entry_id uuid,
  line_count integer NOT NULL CHECK (line_count >= 2),
  -- Σ debit = Σ credit = total_cents.
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  posted_at timestamptz NOT NULL,
  posted_by uuid,
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  CONSTRAINT ledger_entries_number_key UNIQUE (journal_code, fiscal_year_id, number),
  CONSTRAINT ledger_entries_chain_key UNIQUE (journal_code, chain_index)
);
CREATE INDEX ledger_entries_year_seq_idx ON ledger_entries (fiscal_year_id, seq);
CREATE UNIQUE INDEX ledger_entries_reverses_entry_id_key ON ledger_entries (reverses_entry_id)
  WHERE reverses_entry_id IS NOT NULL;

CREATE TABLE ledger_entry_lines (
  entry_id uuid NOT NULL,
  line_no integer NOT NULL CHECK (line_no >= 1),
  account_number text NOT NULL,
  activity_id uuid NOT NULL,
  third_party_code text,
  third_party_name text,
  debit_cents bigint NOT NULL,
  credit_cents bigint NOT NULL,
  label text NOT NULL DEFAULT '',
  PRIMARY KEY (entry_id, line_no),
  -- Exactly one of debit or credit, positive.
  CONSTRAINT ledger_entry_lines_one_side CHECK (
    (debit_cents > 0 AND credit_cents = 0) OR (credit_cents > 0 AND debit_cents = 0)),
  CHECK ((third_party_code IS NULL) = (third_party_name IS NULL))
);
CREATE INDEX ledger_entry_lines_account_idx ON ledger_entry_lines (account_number);
CREATE INDEX ledger_entry_lines_activity_idx ON ledger_entry_lines (activity_id, account_number);

-- Stored balances per fiscal year, account and activity (invariant 6): reading an activity's figures
-- never depends on the number of lines.
CREATE TABLE ledger_balances (
  fiscal_year_id integer NOT NULL,
  account_number text NOT NULL,
  activity_id uuid NOT NULL,
  debit_cents bigint NOT NULL DEFAULT 0,
  credit_cents bigint NOT NULL DEFAULT 0,
  line_count bigint NOT NULL DEFAULT 0,
  -- Activity first: an activity's figures are one index range (and no second index to maintain).
  PRIMARY KEY (activity_id, fiscal_year_id, account_number)
);

-- Lettering (matching) of lines, kept beside the lines since posted lines never change.
CREATE TABLE ledger_letterings (
  entry_id uuid NOT NULL,
  line_no integer NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Z]{1,4}$'),
  lettered_on date NOT NULL,
  lettered_at timestamptz NOT NULL DEFAULT now(),
  lettered_by uuid,
  PRIMARY KEY (entry_id, line_no),
  FOREIGN KEY (entry_id, line_no) REFERENCES ledger_entry_lines (entry_id, line_no)
);

-- Manual entries being typed by the accountant; posting one creates a ledger entry.
CREATE TABLE ledger_drafts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  journal_code text NOT NULL REFERENCES ledger_journals (code),
  entry_date date NOT NULL,
  piece_ref text NOT NULL,
  piece_date date NOT NULL,
  label text NOT NULL,
  lines jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted', 'discarded')),
  posted_entry_id uuid REFERENCES ledger_entries (id),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'posted') = (posted_entry_id IS NOT NULL))
);
CREATE INDEX ledger_drafts_status_idx ON ledger_drafts (status, created_at DESC);

-- Invariant 2: posted entries and their lines never change (refuse_change comes from 0001).
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entry_lines_immutable BEFORE UPDATE OR DELETE ON ledger_entry_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER ledger_entry_lines_no_truncate BEFORE TRUNCATE ON ledger_entry_lines
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Invariant 5, and the entry's references, for every INSERT statement.
CREATE FUNCTION ledger_entries_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.id, n.entry_date, n.journal_code, j.code AS j_code, f.id AS f_id, f.status, s.lock_date
    INTO bad
    FROM new_entries n
    LEFT JOIN ledger_journals j ON j.code = n.journal_code
    LEFT JOIN fiscal_years f ON f.id = n.fiscal_year_id
    LEFT JOIN ledger_settings s ON true
   WHERE j.code IS NULL OR f.id IS NULL OR f.status <> 'open'
      OR n.entry_date < f.start_date OR n.entry_date > f.end_date
      OR (s.lock_date IS NOT NULL AND n.entry_date <= s.lock_date)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger entry % refused: %', bad.id,
      CASE WHEN bad.j_code IS NULL THEN format('unknown journal %s', bad.journal_code)
           WHEN bad.f_id IS NULL THEN 'unknown fiscal year'
           WHEN bad.status <> 'open' THEN format('fiscal year of %s is closed', bad.entry_date)
           WHEN bad.lock_date IS NOT NULL AND bad.entry_date <= bad.lock_date
             THEN format('%s is on or before the lock date %s', bad.entry_date, bad.lock_date)
           ELSE format('%s is outside its fiscal year', bad.entry_date) END
      USING ERRCODE = 'check_violation';
  END IF;
  PERFORM 1 FROM new_entries n LEFT JOIN ledger_entries r ON r.id = n.reverses_entry_id
   WHERE n.reverses_entry_id IS NOT NULL AND r.id IS NULL LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger entry refused: it reverses an entry that does not exist' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entries_checked AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_inserted();

-- Invariant 1 at commit: an entry written without (all) its lines is refused.
CREATE FUNCTION ledger_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  last_no integer;
  debit bigint;
  credit bigint;
BEGIN
  SELECT count(*), max(line_no), coalesce(sum(debit_cents), 0), coalesce(sum(credit_cents), 0)
    INTO n, last_no, debit, credit
    FROM ledger_entry_lines WHERE entry_id = NEW.id;
  IF n < 2 OR n <> NEW.line_count OR last_no <> NEW.line_count OR debit <> credit OR debit <> NEW.total_cents THEN
    RAISE EXCEPTION 'ledger entry % %/% does not balance: % lines (% expected), debit %, credit %',
      NEW.journal_code, NEW.fiscal_year_id, NEW.number, n, NEW.line_count, debit, credit
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced();

-- Every INSERT of lines: references, third parties, each touched entry complete and balanced, then the
-- stored balances (invariant 6), rows taken in key order. Set-based on the statement's new rows only: an
-- entry's lines must all be inserted by one statement. Why that is enough: line numbers run from 1 to the
-- entry's line_count (checked here) and are unique per entry (primary key), so when a statement brings
-- line_count lines for an entry, the entry can have no other line; a line added later to an existing entry
-- either collides with a number already taken or makes that statement's count fall short.
CREATE FUNCTION ledger_lines_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT n.entry_id, n.line_no, n.account_number, a.number AS a_number, t.id AS t_id
    INTO bad
    FROM new_lines n
    LEFT JOIN ledger_accounts a ON a.number = n.account_number
    LEFT JOIN activities t ON t.id = n.activity_id
   WHERE a.number IS NULL OR t.id IS NULL OR (a.requires_third_party AND n.third_party_code IS NULL)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger line %/% refused: %', bad.entry_id, bad.line_no,
      CASE WHEN bad.a_number IS NULL THEN format('unknown account %s', bad.account_number)
           WHEN bad.t_id IS NULL THEN 'unknown activity'
           ELSE format('account %s needs a third party', bad.account_number) END
      USING ERRCODE = 'check_violation';
  END IF;
  -- One pass over the entries the statement touches: the balance check, and their fiscal year for the
  -- stored balances. (If the check fails, raising undoes the whole statement, balances included.)
  WITH per_entry AS MATERIALIZED (
    SELECT s.entry_id, s.n, s.last_no, s.debit, s.credit, e.id AS e_id, e.fiscal_year_id, e.journal_code,
           e.number, e.line_count, e.total_cents
      FROM (SELECT entry_id, count(*) AS n, max(line_no) AS last_no, sum(debit_cents) AS debit,
                   sum(credit_cents) AS credit
              FROM new_lines GROUP BY entry_id) s
      -- One index probe per entry, whatever the planner guesses about the statement's rows.
      LEFT JOIN LATERAL (SELECT * FROM ledger_entries x WHERE x.id = s.entry_id LIMIT 1) e ON true
  ), upserted AS (
    INSERT INTO ledger_balances AS b (fiscal_year_id, account_number, activity_id, debit_cents, credit_cents,
      line_count)
    SELECT p.fiscal_year_id, n.account_number, n.activity_id, sum(n.debit_cents), sum(n.credit_cents), count(*)
      FROM new_lines n JOIN per_entry p ON p.entry_id = n.entry_id
     WHERE p.e_id IS NOT NULL
     GROUP BY n.activity_id, p.fiscal_year_id, n.account_number
     ORDER BY n.activity_id, p.fiscal_year_id, n.account_number
    ON CONFLICT (activity_id, fiscal_year_id, account_number) DO UPDATE
      SET debit_cents = b.debit_cents + EXCLUDED.debit_cents,
          credit_cents = b.credit_cents + EXCLUDED.credit_cents,
          line_count = b.line_count + EXCLUDED.line_count
    RETURNING 1
  )
  SELECT p.entry_id, p.e_id, p.journal_code, p.number, p.n, p.debit, p.credit, p.line_count, p.total_cents
    INTO bad
    FROM per_entry p
   WHERE p.e_id IS NULL OR p.n <> p.line_count OR p.last_no > p.line_count
      OR p.debit <> p.total_cents OR p.credit <> p.total_cents
   LIMIT 1;
  IF FOUND THEN
    IF bad.e_id IS NULL THEN
      RAISE EXCEPTION 'ledger line of unknown entry % refused', bad.entry_id USING ERRCODE = 'check_violation';
    END IF;
    RAISE EXCEPTION 'ledger entry % % does not balance or is incomplete: % lines (% expected), debit %, credit % (% expected)',
      bad.journal_code, bad.number, bad.n, bad.line_count, bad.debit, bad.credit, bad.total_cents
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER ledger_entry_lines_checked AFTER INSERT ON ledger_entry_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION ledger_lines_inserted();

-- Stored balances are written only by the trigger above (from inside a trigger), never directly. The WHEN
-- condition keeps the function from running at all on the normal path (thousands of rows per posting).
CREATE FUNCTION ledger_balances_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_balances is written only by the posting of lines: % refused', TG_OP
    USING ERRCODE = 'P0001';
END;
$$;
CREATE TRIGGER ledger_balances_guarded BEFORE INSERT OR UPDATE OR DELETE ON ledger_balances
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION ledger_balances_guard();
CREATE TRIGGER ledger_balances_no_truncate BEFORE TRUNCATE ON ledger_balances
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A closed fiscal year is frozen; fiscal years are never deleted nor moved.
CREATE FUNCTION fiscal_years_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'fiscal years are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION 'fiscal year % is closed and frozen', OLD.id USING ERRCODE = 'P0001';
  END IF;
  IF NEW.start_date <> OLD.start_date OR NEW.end_date <> OLD.end_date THEN
    RAISE EXCEPTION 'the dates of fiscal year % cannot change', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER fiscal_years_guarded BEFORE UPDATE OR DELETE ON fiscal_years
  FOR EACH ROW EXECUTE FUNCTION fiscal_years_guard();

-- The lock date only moves forward.
CREATE FUNCTION ledger_settings_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.lock_date IS NOT NULL AND (NEW.lock_date IS NULL OR NEW.lock_date < OLD.lock_date) THEN
    RAISE EXCEPTION 'the lock date cannot move back from %', OLD.lock_date USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER ledger_settings_guarded BEFORE UPDATE ON ledger_settings
  FOR EACH ROW EXECUTE FUNCTION ledger_settings_guard();

-- An account, journal or activity that lines refer to keeps existing under the same key.
CREATE FUNCTION ledger_account_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW.number <> OLD.number)
     AND EXISTS (SELECT 1 FROM ledger_entry_lines WHERE account_number = OLD.number) THEN
    RAISE EXCEPTION 'account % has lines: it cannot be removed or renumbered', OLD.number USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER ledger_accounts_in_use BEFORE DELETE OR UPDATE OF number ON ledger_accounts
  FOR EACH ROW EXECUTE FUNCTION ledger_account_in_use();

CREATE FUNCTION ledger_journal_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW.code <> OLD.code)
     AND EXISTS (SELECT 1 FROM ledger_entries WHERE journal_code = OLD.code) THEN
    RAISE EXCEPTION 'journal % has entries: it cannot be removed or renamed', OLD.code USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER ledger_journals_in_use BEFORE DELETE OR UPDATE OF code ON ledger_journals
  FOR EACH ROW EXECUTE FUNCTION ledger_journal_in_use();

CREATE FUNCTION ledger_activity_in_use() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'DELETE' OR NEW.id <> OLD.id)
     AND EXISTS (SELECT 1 FROM ledger_entry_lines WHERE activity_id = OLD.id) THEN
    RAISE EXCEPTION 'activity % has ledger lines: it cannot be removed', OLD.code USING ERRCODE = 'P0001';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER ledger_activities_in_use BEFORE DELETE OR UPDATE OF id ON activities
  FOR EACH ROW EXECUTE FUNCTION ledger_activity_in_use();

-- The journals and the minimal CAE chart (src/core/ledger/ledger-journals.ts and minimal-chart.ts; a
-- database test checks that they agree).
INSERT INTO ledger_journals (code, label, kind, manual) VALUES
  ('VT', 'Ventes', 'sales', false),
  ('AC', 'Achats', 'purchases', false),
  ('BQ', 'Banque', 'bank', false),
  ('SAL', 'Salaires', 'payroll', false),
  ('NDF', 'Notes de frais', 'expenses', false),
  ('CTB', 'Contribution et transferts internes', 'transfers', false),
  ('OD', 'Opérations diverses', 'miscellaneous', true),
  ('AN', 'À-nouveaux', 'opening', false);

INSERT INTO ledger_accounts (number, label, requires_third_party) VALUES
  ('101100', 'Capital souscrit non appelé', false),
  ('101200', 'Capital souscrit appelé non versé', false),
  ('101300', 'Capital souscrit appelé versé', false),
  ('106100', 'Réserve légale', false),
  ('106300', 'Réserves statutaires (fonds de développement)', false),
  ('106800', 'Autres réserves', false),
  ('110000', 'Report à nouveau (solde créditeur)', false),
  ('119000', 'Report à nouveau (solde débiteur)', false),
  ('120000', 'Résultat de l''exercice (bénéfice)', false),
  ('129000', 'Résultat de l''exercice (perte)', false),
  ('181000', 'Comptes de liaison des activités', false),
  ('401000', 'Fournisseurs', true),
  ('411000', 'Clients', true),
  ('416000', 'Clients douteux ou litigieux', true),
  ('419000', 'Clients – avances et acomptes reçus', true),
  ('421000', 'Personnel – rémunérations dues', true),
  ('425000', 'Personnel – avances et acomptes', true),
  ('428600', 'Personnel – charges à payer', false),
  ('431000', 'Sécurité sociale (URSSAF)', false),
  ('437000', 'Autres organismes sociaux', false),
  ('438600', 'Organismes sociaux – charges à payer', false),
  ('442100', 'Prélèvement à la source', false),
  ('445510', 'TVA à décaisser', false),
  ('445620', 'TVA déductible sur immobilisations', false),
  ('445660', 'TVA déductible sur autres biens et services', false),
  ('445670', 'Crédit de TVA à reporter', false),
  ('445710', 'TVA collectée', false),
  ('445740', 'TVA collectée en attente d''encaissement', false),
  ('455000', 'Associés – comptes courants', true),
  ('456200', 'Apporteurs – capital appelé non versé', false),
  ('467000', 'Autres comptes débiteurs ou créditeurs', true),
  ('471000', 'Compte d''attente', false),
  ('486000', 'Charges constatées d''avance', false),
  ('487000', 'Produits constatés d''avance', false),
  ('512000', 'Banque', false),
  ('530000', 'Caisse', false),
  ('580000', 'Virements internes', false),
  ('601000', 'Achats de matières premières', false),
  ('604000', 'Achats d''études et prestations de services', false),
  ('607000', 'Achats de marchandises', false),
  ('611000', 'Sous-traitance générale', false),
  ('613000', 'Locations', false),
  ('616000', 'Primes d''assurance', false),
  ('622000', 'Honoraires', false),
  ('623000', 'Publicité, publications, relations publiques', false),
  ('625000', 'Déplacements, missions et réceptions', false),
  ('626000', 'Frais postaux et de télécommunications', false),
  ('627000', 'Services bancaires et assimilés', false),
  ('628100', 'Contribution coopérative (services mutualisés)', false),
  ('633000', 'Impôts, taxes et versements assimilés sur rémunérations', false),
  ('641100', 'Salaires, appointements', false),
  ('641400', 'Indemnités et avantages divers', false),
  ('645000', 'Charges de sécurité sociale et de prévoyance', false),
  ('647000', 'Autres charges sociales', false),
  ('691000', 'Participation des salariés aux résultats', false),
  ('695000', 'Impôts sur les bénéfices', false),
  ('701000', 'Ventes de produits finis', false),
  ('706000', 'Prestations de services', false),
  ('707000', 'Ventes de marchandises', false),
  ('708000', 'Produits des activités annexes', false),
  ('708100', 'Contribution coopérative reçue (services mutualisés)', false),
  ('709000', 'Rabais, remises et ristournes accordés', false);
