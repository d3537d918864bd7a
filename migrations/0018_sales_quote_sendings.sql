-- Issue 5 §9 for quotes: e-mailing a sent quote's stored PDF to the client, with a trace (when, to whom,
-- which file, who sent it) that never changes.
CREATE TABLE quote_sendings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  quote_id uuid NOT NULL REFERENCES quotes (id),
  to_address text NOT NULL,
  file_sha256 text NOT NULL REFERENCES files (sha256),
  email_id uuid NOT NULL REFERENCES emails (id),
  sent_by uuid REFERENCES users (id),
  sent_at timestamptz NOT NULL
);
CREATE INDEX quote_sendings_quote_idx ON quote_sendings (quote_id, sent_at);
CREATE TRIGGER quote_sendings_frozen BEFORE UPDATE OR DELETE ON quote_sendings
  FOR EACH ROW EXECUTE FUNCTION sales_sending_frozen();
