-- Contribution (issue 6), second part: revoking an exemption, and the portfolio's alert thresholds.
-- PostgreSQL 15 syntax only.

-- An exemption is revoked from a day on (that day and the following are no longer exempt; from its first day,
-- it is cancelled), with the reason, by whom and when. The row keeps its original dates: months already run
-- are never changed, the next run charges the difference as a correction (run-contribution.ts).
ALTER TABLE contribution_exemptions
  ADD COLUMN revoked_from date,
  ADD COLUMN revoke_reason text,
  ADD COLUMN revoked_by uuid REFERENCES users (id),
  ADD COLUMN revoked_at timestamptz,
  ADD CONSTRAINT contribution_exemptions_revocation_check CHECK (
    (revoked_from IS NULL AND revoke_reason IS NULL AND revoked_at IS NULL)
    OR (revoked_from IS NOT NULL AND revoked_from BETWEEN from_on AND to_on
        AND length(btrim(revoke_reason)) >= 3 AND revoked_at IS NOT NULL));

-- The cooperative's thresholds for the portfolio alert "treasury falling": the available treasury fell over
-- the last `falling_months` months by more than `falling_min_cents` and by more than `falling_percent_bp`
-- of what it was. One row.
CREATE TABLE contribution_settings (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  falling_months integer NOT NULL DEFAULT 3 CHECK (falling_months BETWEEN 1 AND 12),
  falling_percent_bp integer NOT NULL DEFAULT 2000 CHECK (falling_percent_bp BETWEEN 0 AND 10000),
  falling_min_cents bigint NOT NULL DEFAULT 100000 CHECK (falling_min_cents >= 0),
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO contribution_settings (id) VALUES (1);
