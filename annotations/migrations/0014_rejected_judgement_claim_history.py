"""The reserved judgement `rejected`, History rows for a claim's own text, and ProjectChange.

On PostgreSQL the trigger that keeps judgement and resolution labels inside the
project's label set (0002) also accepts `rejected`, which every project has.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

FUNCTION = r"""
CREATE OR REPLACE FUNCTION claimtrack_label_in_project() RETURNS trigger AS $$
DECLARE labels jsonb;
BEGIN
  GUARD
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
"""
LABEL_CHECK = FUNCTION.replace("GUARD", "IF NEW.label = 'rejected' THEN RETURN NEW; END IF;")
LABEL_CHECK_BEFORE = FUNCTION.replace("GUARD", "")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LABEL_CHECK, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(LABEL_CHECK_BEFORE, params=None)


class Migration(migrations.Migration):

    dependencies = [
        ("annotations", "0013_worker_beat"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="history",
            name="kind",
            field=models.CharField(
                choices=[("stance", "Stance"), ("resolution", "Resolution"), ("claim", "Claim text")],
                max_length=16,
            ),
        ),
        migrations.AlterField(
            model_name="history",
            name="source",
            field=models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                to="annotations.source",
            ),
        ),
        migrations.RunPython(forward, backward),
        migrations.CreateModel(
            name="ProjectChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("field", models.CharField(max_length=32)),
                ("old", models.TextField(blank=True)),
                ("new", models.TextField(blank=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("actor", models.ForeignKey(
                    blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+",
                    to=settings.AUTH_USER_MODEL)),
                ("project", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE, related_name="changes", to="annotations.project")),
            ],
            options={
                "ordering": ["created_at", "id"],
                "indexes": [models.Index(fields=["project", "field", "-id"], name="projectchange_field")],
            },
        ),
    ]
