-- Payroll (issue 10; cae-domain.md §1.2, §2.2). PostgreSQL 15 syntax only.

-- Salary plans: a member proposes a steady monthly gross salary from a month on; support staff approve or
-- reject it; the member may withdraw it while it waits. A plan is never edited once decided: the table is the
-- history. The contract's fixed part in force on the plan's first day is kept with it, and the plan can never
-- be below it (C. trav. R7331-11). contract_id names the CESA entry of the journey the plan was checked
-- against (no foreign key: support staff may correct a journey; the use cases check plans again on approval).
CREATE TABLE salary_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES members (id),
  contract_id uuid NOT NULL,
  from_month date NOT NULL CHECK (extract(day FROM from_month) = 1),
  monthly_gross_cents bigint NOT NULL CHECK (monthly_gross_cents > 0),
  fixed_part_cents bigint NOT NULL CHECK (fixed_part_cents >= 0),
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected', 'withdrawn')),
  note text NOT NULL DEFAULT '',
  proposed_by uuid REFERENCES users (id),
  proposed_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz,
  decision_note text NOT NULL DEFAULT '',
  CHECK (monthly_gross_cents >= fixed_part_cents),
  CHECK ((status = 'proposed') = (decided_at IS NULL))
);
CREATE INDEX salary_plans_member_idx ON salary_plans (member_id, from_month, decided_at);
CREATE INDEX salary_plans_waiting_idx ON salary_plans (proposed_at) WHERE status = 'proposed';
