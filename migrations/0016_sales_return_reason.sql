-- Issue 5 §4: support sends a submitted invoice back to its author with the reason, shown on the draft
-- until the author submits it again.
ALTER TABLE invoices ADD COLUMN return_reason text;
ALTER TABLE invoices ADD CONSTRAINT invoices_return_reason_length
  CHECK (return_reason IS NULL OR length(return_reason) BETWEEN 1 AND 1000);
