-- The cooperative contribution (issue 6; ledger.md "Contribution (monthly run)"; cae-domain.md §2.1).
-- PostgreSQL 15 syntax only.

-- Versions of the contribution policy (src/core/contribution/contribution-policy.ts). A version starts on the
-- first day of a month; the use cases refuse overlapping versions and never edit a version once in force
-- (they start a new one), under a lock on this table.
CREATE TABLE contribution_policy_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  valid_from date NOT NULL UNIQUE CHECK (extract(day FROM valid_from) = 1),
  valid_to date CHECK (valid_to IS NULL OR valid_to >= valid_from),
  note text NOT NULL DEFAULT '',
  policy jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A member's dated exemption, with its reason (e.g. a minimum-benefit recipient). Both days included.
CREATE TABLE contribution_exemptions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  from_on date NOT NULL,
  to_on date NOT NULL CHECK (to_on >= from_on),
  reason text NOT NULL CHECK (length(btrim(reason)) >= 3),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contribution_exemptions_member_idx ON contribution_exemptions (member_id, from_on);

-- One monthly run: who ran it and what it posted.
CREATE TABLE contribution_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  activity_count integer NOT NULL CHECK (activity_count >= 0),
  posted_count integer NOT NULL CHECK (posted_count >= 0),
  total_cents bigint NOT NULL,
  run_by uuid REFERENCES users (id),
  run_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contribution_runs_month_idx ON contribution_runs (month, run_at);

-- What a run charged an activity for a month, and why: the explanation's items add up to amount_cents. The
-- first run of a month records every activity (even at zero); later runs record only a difference (late
-- entries, a new exemption), posted under the idempotency key contribution:<activity>:<month>:<seq>.
CREATE TABLE contribution_charges (
  activity_id uuid NOT NULL REFERENCES activities (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  seq integer NOT NULL CHECK (seq >= 1),
  run_id uuid NOT NULL REFERENCES contribution_runs (id),
  amount_cents bigint NOT NULL,
  entry_id uuid,
  policy_version_id uuid REFERENCES contribution_policy_versions (id),
  explanation jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (activity_id, month, seq),
  CHECK ((amount_cents = 0) = (entry_id IS NULL))
);
CREATE INDEX contribution_charges_month_idx ON contribution_charges (month);
