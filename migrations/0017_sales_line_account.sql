-- Issue 5 §2: a line copied from the catalogue keeps the item's sales account (class 70, PCG), which the
-- invoice's entry credits; lines typed by hand credit 706000 (services) or 707000 (goods).
ALTER TABLE invoice_lines ADD COLUMN sales_account text;
ALTER TABLE invoice_lines ADD CONSTRAINT invoice_lines_sales_account_class_70
  CHECK (sales_account IS NULL OR sales_account ~ '^70[0-9]{4,8}$');
