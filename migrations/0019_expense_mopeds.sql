-- Mileage for mopeds (cyclomoteurs, ≤ 50 cm³): the official scale has a line of its own for them
-- (src/core/expenses/mileage-scale.ts, barème kilométrique 2025, BOI-BAREME-000001). PostgreSQL 15 syntax only.
ALTER TABLE expense_claim_lines DROP CONSTRAINT expense_claim_lines_vehicle_check;
ALTER TABLE expense_claim_lines ADD CONSTRAINT expense_claim_lines_vehicle_check
  CHECK (vehicle IN ('car', 'motorcycle', 'moped'));
