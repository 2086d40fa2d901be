"""Invariants that span tables, guarded by PostgreSQL triggers.

A CHECK constraint cannot look into another table, so on PostgreSQL triggers keep
claim spans inside their article, labels inside the project's label set, and an
annotated article's body unchanged. Services check the same on every database.
"""

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION claimtrack_claim_span_inside_body() RETURNS trigger AS $$
BEGIN
  IF NEW."end" > (SELECT char_length(body) FROM annotations_article WHERE id = NEW.article_id) THEN
    RAISE EXCEPTION 'claim span % to % lies outside the article text', NEW.start, NEW."end"
      USING ERRCODE = '23514', CONSTRAINT = 'claim_span_inside_body';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER claim_span_inside_body BEFORE INSERT OR UPDATE OF start, "end", article_id
  ON annotations_claim FOR EACH ROW EXECUTE FUNCTION claimtrack_claim_span_inside_body();

CREATE OR REPLACE FUNCTION claimtrack_label_in_project() RETURNS trigger AS $$
DECLARE labels jsonb;
BEGIN
  SELECT p.labels INTO labels FROM annotations_claim c
    JOIN annotations_article a ON a.id = c.article_id
    JOIN annotations_project p ON p.id = a.project_id
    WHERE c.id = NEW.claim_id;
  IF NOT (labels ? NEW.label) THEN
    RAISE EXCEPTION 'label % is not in the project''s label set %', NEW.label, labels
      USING ERRCODE = '23514', CONSTRAINT = 'label_in_project';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER stance_label_in_project BEFORE INSERT OR UPDATE OF label, claim_id
  ON annotations_stance FOR EACH ROW EXECUTE FUNCTION claimtrack_label_in_project();
CREATE TRIGGER resolution_label_in_project BEFORE INSERT OR UPDATE OF label, claim_id
  ON annotations_resolution FOR EACH ROW EXECUTE FUNCTION claimtrack_label_in_project();

CREATE OR REPLACE FUNCTION claimtrack_body_immutable() RETURNS trigger AS $$
BEGIN
  IF NEW.body IS DISTINCT FROM OLD.body
     AND EXISTS (SELECT 1 FROM annotations_claim WHERE article_id = OLD.id) THEN
    RAISE EXCEPTION 'article % has claims pointing into its text; the body cannot change', OLD.id
      USING ERRCODE = '23514', CONSTRAINT = 'article_body_immutable';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_body_immutable BEFORE UPDATE OF body
  ON annotations_article FOR EACH ROW EXECUTE FUNCTION claimtrack_body_immutable();
"""

BACKWARD = r"""
DROP TRIGGER IF EXISTS article_body_immutable ON annotations_article;
DROP TRIGGER IF EXISTS resolution_label_in_project ON annotations_resolution;
DROP TRIGGER IF EXISTS stance_label_in_project ON annotations_stance;
DROP TRIGGER IF EXISTS claim_span_inside_body ON annotations_claim;
DROP FUNCTION IF EXISTS claimtrack_body_immutable();
DROP FUNCTION IF EXISTS claimtrack_label_in_project();
DROP FUNCTION IF EXISTS claimtrack_claim_span_inside_body();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("annotations", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
