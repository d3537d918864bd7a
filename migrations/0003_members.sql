-- Members, their journey and their activities (issue 3, cae-domain.md §1). PostgreSQL 15 syntax only.

-- Every member activity has a support referent (checked by the use cases: rows written by other features
-- before this column existed stay valid).
ALTER TABLE activities ADD COLUMN referent_id uuid REFERENCES users (id);
CREATE INDEX activities_referent_idx ON activities (referent_id);

-- A member file. It may exist before the person has an account (user_id set later).
CREATE TABLE members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid REFERENCES users (id),
  first_name text NOT NULL CHECK (first_name <> ''),
  last_name text NOT NULL CHECK (last_name <> ''),
  email text CHECK (email = lower(email)),
  phone text NOT NULL DEFAULT '',
  address_line1 text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code = '' OR postal_code ~ '^\d{5}$'),
  city text NOT NULL DEFAULT '',
  birth_date date,
  trades text[] NOT NULL DEFAULT '{}',
  skills text[] NOT NULL DEFAULT '{}',
  iban text,
  bic text,
  -- What the member chooses to publish in the directory.
  profile_published boolean NOT NULL DEFAULT false,
  profile_headline text NOT NULL DEFAULT '',
  profile_bio text NOT NULL DEFAULT '',
  profile_show_email boolean NOT NULL DEFAULT false,
  referent_id uuid REFERENCES users (id),
  -- Search keys (lower case, no accents), written by the use cases with the displayed values.
  trade_keys text[] NOT NULL DEFAULT '{}',
  skill_keys text[] NOT NULL DEFAULT '{}',
  city_key text NOT NULL DEFAULT '',
  -- Name and e-mail, for the member list; name, headline, trades, skills and town, for the directory
  -- (never the e-mail, which the member may keep hidden).
  search_key text NOT NULL DEFAULT '',
  profile_key text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX members_user_key ON members (user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX members_email_key ON members (email) WHERE email IS NOT NULL;
CREATE INDEX members_name_idx ON members (last_name, first_name, id);
CREATE INDEX members_referent_idx ON members (referent_id, last_name, first_name, id);
CREATE INDEX members_trade_keys_idx ON members USING gin (trade_keys);
-- The directory covers published profiles only.
CREATE INDEX members_directory_city_idx ON members (city_key, last_name, first_name, id) WHERE profile_published;
CREATE INDEX members_directory_name_idx ON members (last_name, first_name, id) WHERE profile_published;
CREATE INDEX members_directory_skill_keys_idx ON members USING gin (skill_keys) WHERE profile_published;

-- The restricted class: social data only support staff and admins read (each read is audited), and the
-- member themself. Kept apart so that no list query ever touches it.
CREATE TABLE member_restricted (
  member_id uuid PRIMARY KEY REFERENCES members (id),
  benefit_status text NOT NULL DEFAULT 'none' CHECK (benefit_status IN ('none', 'are', 'rsa', 'ass', 'aah', 'other')),
  benefit_note text NOT NULL DEFAULT '',
  disability_recognized boolean NOT NULL DEFAULT false,
  other_employment text NOT NULL DEFAULT '',
  social_security_number text CHECK (social_security_number ~ '^[12378]\d{4}(\d{2}|2A|2B)\d{8}$'),
  updated_at timestamptz
);

-- The journey: dated events and contracts. Amendments (CAPE renewals, CESA amendments) and early ends
-- point to their contract; the current stage is derived, never stored by hand.
CREATE TABLE journey_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  kind text NOT NULL CHECK (kind IN ('information_meeting', 'intake_interview', 'support_agreement',
    'support_interview', 'cape', 'cape_renewal', 'cesa', 'cesa_amendment', 'contract_end', 'associate', 'exit')),
  contract_id uuid REFERENCES journey_entries (id),
  number integer CHECK (number >= 1),
  -- The day it happens: a contract's first day, an amendment's signature or effect, an end's last day.
  on_date date NOT NULL,
  end_date date,
  trial_end date,
  fixed_monthly_cents bigint CHECK (fixed_monthly_cents >= 0),
  reason text,
  note text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind IN ('cape_renewal', 'cesa_amendment', 'contract_end')) = (contract_id IS NOT NULL)),
  CHECK ((kind IN ('cape_renewal', 'cesa_amendment')) = (number IS NOT NULL)),
  CHECK ((kind IN ('cape', 'cape_renewal')) = (end_date IS NOT NULL)),
  CHECK ((kind IN ('contract_end', 'exit')) = (reason IS NOT NULL)),
  CHECK (kind = 'cesa' OR kind = 'cesa_amendment' OR (trial_end IS NULL AND fixed_monthly_cents IS NULL)),
  CHECK (kind <> 'cesa' OR fixed_monthly_cents IS NOT NULL)
);
CREATE INDEX journey_entries_member_idx ON journey_entries (member_id, on_date);
-- Amendments are numbered once per contract; a contract ends at most once; one exit, one associate date.
CREATE UNIQUE INDEX journey_entries_number_key ON journey_entries (contract_id, number) WHERE number IS NOT NULL;
CREATE UNIQUE INDEX journey_entries_one_end ON journey_entries (contract_id) WHERE kind = 'contract_end';
CREATE UNIQUE INDEX journey_entries_one_exit ON journey_entries (member_id) WHERE kind = 'exit';
CREATE UNIQUE INDEX journey_entries_one_associate ON journey_entries (member_id) WHERE kind = 'associate';

-- Derived from the journey by src/core/members (rewritten with every journey change, in the same
-- transaction): the stage over time, and the legal deadlines. Neither depends on today, so they never go
-- stale; queries compare them with the current date.
CREATE TABLE member_stage_periods (
  member_id uuid NOT NULL REFERENCES members (id),
  stage text NOT NULL CHECK (stage IN ('prospect', 'information', 'intake', 'support', 'cape', 'cesa',
    'associate', 'between_contracts', 'exited')),
  from_on date NOT NULL,
  to_on date NOT NULL,
  PRIMARY KEY (member_id, from_on),
  CHECK (to_on >= from_on)
);
CREATE INDEX member_stage_periods_stage_idx ON member_stage_periods (stage, to_on, from_on);

CREATE TABLE member_deadlines (
  member_id uuid NOT NULL REFERENCES members (id),
  kind text NOT NULL CHECK (kind IN ('cape_term', 'trial_end', 'associate', 'support_interview')),
  contract_id uuid,
  due_on date NOT NULL,
  -- After this day the deadline no longer matters ('infinity' while it does).
  relevant_until date NOT NULL,
  met boolean NOT NULL,
  citation text NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX member_deadlines_member_idx ON member_deadlines (member_id, due_on);
CREATE INDEX member_deadlines_open_idx ON member_deadlines (due_on, relevant_until) WHERE NOT met;

-- Members of an activity with their dated shares (basis points, 10 000 = 100 %). Several members on the
-- same dates make a cooperative group. The use cases keep the total at 100 % on every date.
CREATE TABLE activity_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL REFERENCES activities (id),
  member_id uuid NOT NULL REFERENCES members (id),
  share_bp integer NOT NULL CHECK (share_bp BETWEEN 1 AND 10000),
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX activity_members_activity_idx ON activity_members (activity_id, valid_from);
CREATE INDEX activity_members_member_idx ON activity_members (member_id, activity_id);
