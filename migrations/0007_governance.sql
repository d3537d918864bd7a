-- Democratic governance (issue 8, cae-domain.md §3): the associates register, share capital (subscriptions,
-- the register of share movements, refunds), general assemblies (voters, attendance, proxies, resolutions,
-- ballots, minutes) and consultations. PostgreSQL 15 syntax only.

-- What the statutes say (src/core/governance/governance-settings.ts), checked by the use case against the
-- law for the cooperative's legal form. No row: the legal defaults.
CREATE TABLE governance_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  settings jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Gapless numbers given in the writing transaction: associates, share certificates, share movements.
CREATE TABLE governance_counters (
  name text PRIMARY KEY CHECK (name IN ('associate', 'certificate', 'movement')),
  last_value integer NOT NULL DEFAULT 0 CHECK (last_value >= 0)
);
INSERT INTO governance_counters (name) VALUES ('associate'), ('certificate'), ('movement');

-- The associates register. An associate may be a member of the cooperative (an employee associate, usually)
-- or an outside person; they vote through their user account.
CREATE TABLE associates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number integer NOT NULL UNIQUE CHECK (number >= 1),
  member_id uuid REFERENCES members (id),
  user_id uuid REFERENCES users (id),
  name text NOT NULL CHECK (name <> ''),
  email text CHECK (email = lower(email)),
  category text NOT NULL CHECK (category IN ('employee', 'other')),
  -- SCIC college key ('' when the cooperative has none).
  college text NOT NULL DEFAULT '',
  -- R225-63: notice by e-mail needs the associate's prior consent; otherwise it goes by post.
  email_notice_consent boolean NOT NULL DEFAULT true,
  admitted_on date NOT NULL,
  -- The decision that admitted them ("AGO du 12 juin 2026, 5e résolution"), and the resolution when voted here.
  admission_decision text NOT NULL CHECK (admission_decision <> ''),
  admission_resolution_id uuid,
  exited_on date,
  exit_reason text CHECK (exit_reason IN ('resignation', 'employment_end', 'exclusion', 'death', 'other')),
  exit_decision text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((exited_on IS NULL) = (exit_reason IS NULL)),
  CHECK (exited_on IS NULL OR exited_on >= admitted_on)
);
-- One active associate record per member and per account (a person may come back after leaving).
CREATE UNIQUE INDEX associates_active_member_key ON associates (member_id) WHERE member_id IS NOT NULL AND exited_on IS NULL;
CREATE UNIQUE INDEX associates_active_user_key ON associates (user_id) WHERE user_id IS NOT NULL AND exited_on IS NULL;
CREATE INDEX associates_user_idx ON associates (user_id);

-- Subscriptions of whole shares (cae-domain.md §3.3): subscribed, then paid (D 512 / C 1013 on the structure
-- activity) with a numbered certificate, or cancelled before payment.
CREATE TABLE share_subscriptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  associate_id uuid NOT NULL REFERENCES associates (id),
  shares integer NOT NULL CHECK (shares >= 1),
  nominal_cents bigint NOT NULL CHECK (nominal_cents >= 1),
  amount_cents bigint NOT NULL CHECK (amount_cents = shares * nominal_cents),
  subscribed_on date NOT NULL,
  status text NOT NULL DEFAULT 'subscribed' CHECK (status IN ('subscribed', 'paid', 'cancelled')),
  paid_on date,
  entry_id uuid,
  certificate_number integer UNIQUE,
  certificate_sha256 text REFERENCES files (sha256),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
  CHECK ((status = 'paid') = (certificate_number IS NOT NULL)),
  CHECK (paid_on IS NULL OR paid_on >= subscribed_on)
);
CREATE INDEX share_subscriptions_associate_idx ON share_subscriptions (associate_id);
CREATE INDEX share_subscriptions_certificate_idx ON share_subscriptions (certificate_sha256)
  WHERE certificate_sha256 IS NOT NULL;

-- Refunds of a departed associate's shares: the amount is fixed at the close of the year of departure
-- (nominal minus the share of losses), paid in the order of departure within the statutory delay, never
-- below half of the highest capital reached.
CREATE TABLE share_refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  associate_id uuid NOT NULL UNIQUE REFERENCES associates (id),
  shares integer NOT NULL CHECK (shares >= 1),
  nominal_cents bigint NOT NULL CHECK (nominal_cents >= 1),
  exit_on date NOT NULL,
  fixed_on date NOT NULL,
  due_by date NOT NULL,
  status text NOT NULL DEFAULT 'awaitingClose' CHECK (status IN ('awaitingClose', 'fixed', 'paid')),
  amount_cents bigint CHECK (amount_cents >= 0 AND amount_cents <= shares * nominal_cents),
  uncovered_losses_cents bigint CHECK (uncovered_losses_cents >= 0),
  capital_at_close_cents bigint CHECK (capital_at_close_cents >= 0),
  paid_on date,
  entry_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'awaitingClose') = (amount_cents IS NULL)),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL))
);
CREATE INDEX share_refunds_order_idx ON share_refunds (exit_on, id) WHERE status <> 'paid';

-- The register of share movements: every share paid in (+) or refunded (−), numbered, never edited.
-- The capital is their sum; the highest capital reached is the highest running sum.
CREATE TABLE share_movements (
  number integer PRIMARY KEY CHECK (number >= 1),
  associate_id uuid NOT NULL REFERENCES associates (id),
  kind text NOT NULL CHECK (kind IN ('subscription', 'refund')),
  on_date date NOT NULL,
  shares integer NOT NULL CHECK (shares <> 0),
  nominal_cents bigint NOT NULL CHECK (nominal_cents >= 1),
  capital_cents bigint NOT NULL CHECK (capital_cents = shares * nominal_cents),
  -- What was paid: the nominal for a subscription, the fixed refund for a refund.
  cash_cents bigint NOT NULL,
  subscription_id uuid REFERENCES share_subscriptions (id),
  refund_id uuid REFERENCES share_refunds (id),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'subscription') = (shares > 0)),
  CHECK ((kind = 'subscription') = (subscription_id IS NOT NULL)),
  CHECK ((kind = 'refund') = (refund_id IS NOT NULL))
);
CREATE INDEX share_movements_associate_idx ON share_movements (associate_id);
CREATE TRIGGER share_movements_append_only BEFORE UPDATE OR DELETE ON share_movements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER share_movements_no_truncate BEFORE TRUNCATE ON share_movements
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- General assemblies. The rules (quorum, majority, proxies, remote and postal participation) are copied
-- from the settings when the assembly is convened, so that later changes of the statutes never rewrite
-- the result of a past assembly.
CREATE TABLE assemblies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (title <> ''),
  type text NOT NULL CHECK (type IN ('ordinary', 'extraordinary')),
  call text NOT NULL CHECK (call IN ('first', 'second')),
  -- The first-call assembly this one follows, for a second call.
  first_call_id uuid REFERENCES assemblies (id),
  meeting_on date NOT NULL,
  starts_at text NOT NULL DEFAULT '' CHECK (starts_at = '' OR starts_at ~ '^\d{2}:\d{2}$'),
  place text NOT NULL DEFAULT '',
  online_url text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'convened', 'inSession', 'closed', 'cancelled')),
  rules jsonb,
  notice_sent_on date,
  opened_at timestamptz,
  closed_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((call = 'second') = (first_call_id IS NOT NULL)),
  CHECK (status IN ('draft', 'cancelled') OR (rules IS NOT NULL AND notice_sent_on IS NOT NULL)),
  CHECK (place <> '' OR online_url <> '')
);
CREATE INDEX assemblies_meeting_idx ON assemblies (meeting_on DESC);

-- A closed assembly is final: its minutes are sealed.
CREATE FUNCTION governance_refuse_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'closed' THEN
    RAISE EXCEPTION '% % is closed: % refused', TG_TABLE_NAME, OLD.id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER assemblies_closed_final BEFORE UPDATE OR DELETE ON assemblies
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_closed();

-- Documents sent with the notice (accounts, reports, draft statutes), stored in files.
CREATE TABLE assembly_documents (
  assembly_id uuid NOT NULL REFERENCES assemblies (id),
  sha256 text NOT NULL REFERENCES files (sha256),
  name text NOT NULL CHECK (name <> ''),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assembly_id, sha256)
);

-- The associates convened, fixed when the notice is sent: they are the ones entitled to vote.
CREATE TABLE assembly_voters (
  assembly_id uuid NOT NULL REFERENCES assemblies (id),
  associate_id uuid NOT NULL REFERENCES associates (id),
  college text NOT NULL DEFAULT '',
  notified_by text NOT NULL CHECK (notified_by IN ('email', 'post')),
  PRIMARY KEY (assembly_id, associate_id)
);

-- Attendance: present, remote, postal vote, represented by another associate, or a proxy with no holder
-- named. One row per associate; the proxy holder must be a voter of the same assembly.
CREATE TABLE assembly_attendance (
  assembly_id uuid NOT NULL,
  associate_id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('present', 'remote', 'postal', 'represented', 'blankProxy')),
  proxy_holder_id uuid,
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assembly_id, associate_id),
  FOREIGN KEY (assembly_id, associate_id) REFERENCES assembly_voters (assembly_id, associate_id),
  FOREIGN KEY (assembly_id, proxy_holder_id) REFERENCES assembly_voters (assembly_id, associate_id),
  CHECK ((mode = 'represented') = (proxy_holder_id IS NOT NULL)),
  CHECK (proxy_holder_id IS NULL OR proxy_holder_id <> associate_id)
);
CREATE INDEX assembly_attendance_holder_idx ON assembly_attendance (assembly_id, proxy_holder_id)
  WHERE proxy_holder_id IS NOT NULL;

-- The agenda: each resolution carries its majority rule (refused without one) and whether its ballot is secret.
CREATE TABLE resolutions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assembly_id uuid NOT NULL REFERENCES assemblies (id),
  position integer NOT NULL CHECK (position >= 1),
  title text NOT NULL CHECK (title <> ''),
  body text NOT NULL DEFAULT '',
  majority jsonb NOT NULL,
  backed_by_board boolean NOT NULL DEFAULT true,
  approves_accounts boolean NOT NULL DEFAULT false,
  secret boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'open', 'closed')),
  opened_at timestamptz,
  closed_at timestamptz,
  -- The tally fixed at the close (src/core/governance/tally-resolution.ts); hidden until then.
  result jsonb,
  UNIQUE (assembly_id, position),
  CHECK ((status = 'closed') = (result IS NOT NULL))
);
CREATE TRIGGER resolutions_closed_final BEFORE UPDATE OR DELETE ON resolutions
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_closed();

ALTER TABLE associates ADD FOREIGN KEY (admission_resolution_id) REFERENCES resolutions (id);

-- Who took part in each vote, for every ballot, open or secret: one row per associate and resolution (the
-- primary key makes a second ballot impossible, even from two simultaneous requests). `cast_by` is the
-- associate who cast it: themself, or their proxy holder.
CREATE TABLE ballot_participations (
  resolution_id uuid NOT NULL REFERENCES resolutions (id),
  associate_id uuid NOT NULL REFERENCES associates (id),
  cast_by uuid NOT NULL REFERENCES associates (id),
  postal boolean NOT NULL DEFAULT false,
  cast_at timestamptz NOT NULL,
  PRIMARY KEY (resolution_id, associate_id)
);

-- Open ballots: the choice beside the voter.
CREATE TABLE open_ballots (
  resolution_id uuid NOT NULL,
  associate_id uuid NOT NULL,
  college text NOT NULL DEFAULT '',
  choice text NOT NULL CHECK (choice IN ('yes', 'no', 'abstain', 'blank')),
  PRIMARY KEY (resolution_id, associate_id),
  FOREIGN KEY (resolution_id, associate_id) REFERENCES ballot_participations (resolution_id, associate_id)
);

-- Secret ballots: no row per ballot at all, only counters per resolution and college, so no query can
-- line a ballot up with a participation (neither by a column, nor by row order, nor by the transaction id
-- of the row: a vote rewrites the whole row, whichever counter it moves, so the live row's xmin names only
-- the last voter, never their choice). Superseded row versions stay on disk until vacuum; reading them
-- needs superuser page-inspection tools (the residual risk, stated in src/server/governance/cast-vote.ts).
CREATE TABLE secret_tallies (
  resolution_id uuid NOT NULL REFERENCES resolutions (id),
  college text NOT NULL DEFAULT '',
  yes integer NOT NULL DEFAULT 0 CHECK (yes >= 0),
  no integer NOT NULL DEFAULT 0 CHECK (no >= 0),
  abstain integer NOT NULL DEFAULT 0 CHECK (abstain >= 0),
  blank integer NOT NULL DEFAULT 0 CHECK (blank >= 0),
  PRIMARY KEY (resolution_id, college)
);

-- Ballots and participations are never edited nor deleted.
CREATE TRIGGER ballot_participations_append_only BEFORE UPDATE OR DELETE ON ballot_participations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER open_ballots_append_only BEFORE UPDATE OR DELETE ON open_ballots
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE FUNCTION secret_tallies_only_grow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.resolution_id <> OLD.resolution_id OR NEW.college <> OLD.college
     OR NEW.yes < OLD.yes OR NEW.no < OLD.no OR NEW.abstain < OLD.abstain OR NEW.blank < OLD.blank
     OR (NEW.yes + NEW.no + NEW.abstain + NEW.blank) <> (OLD.yes + OLD.no + OLD.abstain + OLD.blank) + 1 THEN
    RAISE EXCEPTION 'secret_tallies only count one more ballot at a time: % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER secret_tallies_only_grow BEFORE UPDATE OR DELETE ON secret_tallies
  FOR EACH ROW EXECUTE FUNCTION secret_tallies_only_grow();

-- No ballot enters a closed vote, whatever the path (the use cases check it too, under the resolution's lock).
CREATE FUNCTION governance_refuse_ballot_after_close() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM resolutions WHERE id = NEW.resolution_id AND status = 'closed') THEN
    RAISE EXCEPTION 'the vote on resolution % is closed: % refused', NEW.resolution_id, TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER ballot_participations_vote_open BEFORE INSERT ON ballot_participations
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_ballot_after_close();
CREATE TRIGGER secret_tallies_vote_open BEFORE INSERT OR UPDATE ON secret_tallies
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_ballot_after_close();

-- The minutes: a PDF with the attendance sheet, hashed, written once when the assembly closes, never edited.
CREATE TABLE assembly_minutes (
  assembly_id uuid PRIMARY KEY REFERENCES assemblies (id),
  sha256 text NOT NULL REFERENCES files (sha256),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER assembly_minutes_append_only BEFORE UPDATE OR DELETE ON assembly_minutes
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER assembly_minutes_no_truncate BEFORE TRUNCATE ON assembly_minutes
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- The bytes of sealed minutes and of issued certificates cannot change either.
CREATE FUNCTION governance_files_sealed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM assembly_minutes WHERE sha256 = OLD.sha256)
     OR EXISTS (SELECT 1 FROM share_subscriptions WHERE certificate_sha256 = OLD.sha256) THEN
    RAISE EXCEPTION 'file % is sealed governance evidence: % refused', OLD.sha256, TG_OP USING ERRCODE = 'P0001';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER files_governance_sealed BEFORE UPDATE OR DELETE ON files
  FOR EACH ROW EXECUTE FUNCTION governance_files_sealed();

-- Consultations outside assemblies (Loomio-style): options, a closing instant, a participation quorum, a
-- required share of votes, anonymous or not, and an outcome written at the close.
CREATE TABLE consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (title <> ''),
  proposal text NOT NULL DEFAULT '',
  options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'array' AND jsonb_array_length(options) BETWEEN 2 AND 20),
  closes_at timestamptz NOT NULL,
  participation_quorum_bp integer NOT NULL CHECK (participation_quorum_bp BETWEEN 0 AND 10000),
  required_share_bp integer NOT NULL CHECK (required_share_bp BETWEEN 1 AND 10000),
  anonymous boolean NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed', 'cancelled')),
  eligible integer CHECK (eligible >= 0),
  opened_at timestamptz,
  closed_at timestamptz,
  result jsonb,
  outcome text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (result IS NOT NULL AND outcome IS NOT NULL)),
  CHECK (status = 'draft' OR status = 'cancelled' OR eligible IS NOT NULL)
);
CREATE TRIGGER consultations_closed_final BEFORE UPDATE OR DELETE ON consultations
  FOR EACH ROW EXECUTE FUNCTION governance_refuse_closed();

CREATE TABLE consultation_voters (
  consultation_id uuid NOT NULL REFERENCES consultations (id),
  associate_id uuid NOT NULL REFERENCES associates (id),
  PRIMARY KEY (consultation_id, associate_id)
);

CREATE TABLE consultation_participations (
  consultation_id uuid NOT NULL,
  associate_id uuid NOT NULL,
  cast_at timestamptz NOT NULL,
  PRIMARY KEY (consultation_id, associate_id),
  FOREIGN KEY (consultation_id, associate_id) REFERENCES consultation_voters (consultation_id, associate_id)
);
-- Named answers (consultations that are not anonymous); option null is an abstention.
CREATE TABLE consultation_answers (
  consultation_id uuid NOT NULL,
  associate_id uuid NOT NULL,
  option integer CHECK (option >= 0),
  PRIMARY KEY (consultation_id, associate_id),
  FOREIGN KEY (consultation_id, associate_id) REFERENCES consultation_participations (consultation_id, associate_id)
);
-- Anonymous answers: counters only, one per option (and one for abstentions), all rewritten by every answer.
CREATE TABLE consultation_tallies (
  consultation_id uuid PRIMARY KEY REFERENCES consultations (id),
  votes integer[] NOT NULL,
  abstentions integer NOT NULL DEFAULT 0 CHECK (abstentions >= 0)
);
CREATE TRIGGER consultation_participations_append_only BEFORE UPDATE OR DELETE ON consultation_participations
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER consultation_answers_append_only BEFORE UPDATE OR DELETE ON consultation_answers
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
