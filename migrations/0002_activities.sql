-- Activities: each member's business is an analytic section of the cooperative's one set of books
-- (ledger.md). The cooperative's pooled services ("structure") and each mutual fund are activities too.

CREATE TABLE activities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Short unique code, used in numbering and in the books (upper-case letters, digits, dash).
  code text NOT NULL CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,19}$'),
  name text NOT NULL,
  brand text NOT NULL DEFAULT '',
  trade text NOT NULL DEFAULT '',
  naf_code text CHECK (naf_code IS NULL OR naf_code ~ '^\d{2}\.\d{2}[A-Z]$'),
  kind text NOT NULL CHECK (kind IN ('member', 'structure', 'fund')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activities_code_key ON activities (code);
-- One structure activity: the cooperative's own pooled services.
CREATE UNIQUE INDEX activities_one_structure ON activities (kind) WHERE kind = 'structure';
