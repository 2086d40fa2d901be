"""Stored full-text vectors for articles and claims, kept by triggers, with GIN indexes (PostgreSQL).

Search computed `to_tsvector` over every article body of the project on each query: a
9 MB article made every search of its project take seconds. The vector is now computed
once, when a row is written, in the configuration of the article's language, and a GIN
index answers the match. A body over 200,000 characters keeps its words without their
positions (phrase search does not reach into it); one too long even for that (1 MB of
lexemes) is indexed by its first 500,000 characters rather than refused.
"""

import django.contrib.postgres.search
from django.db import migrations

CONFIG = ("CASE {lang} WHEN 'nl' THEN 'dutch'::regconfig WHEN 'en' THEN 'english'::regconfig "
          "ELSE 'simple'::regconfig END")

FORWARD = f"""
CREATE OR REPLACE FUNCTION claimtrack_article_search() RETURNS trigger AS $$
DECLARE cfg regconfig := {CONFIG.format(lang="NEW.language")};
BEGIN
  IF length(coalesce(NEW.body, '')) <= 200000 THEN
    NEW.search_vector := setweight(to_tsvector(cfg, coalesce(NEW.title, '')), 'A')
                      || setweight(to_tsvector(cfg, coalesce(NEW.body, '')), 'B');
  ELSE
    -- A very long body keeps its words without their positions: a small vector, so its
    -- searches (and their ranking) cost what an ordinary article's do.
    BEGIN
      NEW.search_vector := setweight(to_tsvector(cfg, coalesce(NEW.title, '')), 'A')
                        || setweight(strip(to_tsvector(cfg, NEW.body)), 'B');
    EXCEPTION WHEN program_limit_exceeded THEN
      NEW.search_vector := setweight(to_tsvector(cfg, coalesce(NEW.title, '')), 'A')
                        || setweight(strip(to_tsvector(cfg, left(NEW.body, 500000))), 'B');
    END;
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_search BEFORE INSERT OR UPDATE OF title, body, language ON annotations_article
  FOR EACH ROW EXECUTE FUNCTION claimtrack_article_search();

CREATE OR REPLACE FUNCTION claimtrack_claim_search() RETURNS trigger AS $$
DECLARE lang text;
BEGIN
  SELECT language INTO lang FROM annotations_article WHERE id = NEW.article_id;
  NEW.search_vector := to_tsvector({CONFIG.format(lang="lang")}, left(coalesce(NEW.text, ''), 500000));
  RETURN NEW;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER claim_search BEFORE INSERT OR UPDATE OF text, article_id ON annotations_claim
  FOR EACH ROW EXECUTE FUNCTION claimtrack_claim_search();

-- An article that changes language has its claims' vectors redone.
CREATE OR REPLACE FUNCTION claimtrack_article_language() RETURNS trigger AS $$
BEGIN
  UPDATE annotations_claim SET text = text WHERE article_id = NEW.id;
  RETURN NULL;
END $$ LANGUAGE plpgsql;

CREATE TRIGGER article_language AFTER UPDATE OF language ON annotations_article
  FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION claimtrack_article_language();

UPDATE annotations_article SET title = title;
UPDATE annotations_claim SET text = text;
CREATE INDEX article_search_vector ON annotations_article USING gin (search_vector);
CREATE INDEX claim_search_vector ON annotations_claim USING gin (search_vector);
"""

BACKWARD = """
DROP INDEX IF EXISTS article_search_vector;
DROP INDEX IF EXISTS claim_search_vector;
DROP TRIGGER IF EXISTS article_language ON annotations_article;
DROP TRIGGER IF EXISTS article_search ON annotations_article;
DROP TRIGGER IF EXISTS claim_search ON annotations_claim;
DROP FUNCTION IF EXISTS claimtrack_article_language();
DROP FUNCTION IF EXISTS claimtrack_article_search();
DROP FUNCTION IF EXISTS claimtrack_claim_search();
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ('annotations', '0016_throttle_counts'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name='claim',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forward, backward),
    ]
