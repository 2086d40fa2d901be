"""Restoring a JSONL backup: bad files are refused naming the line, and nothing is half-imported."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from annotations import exports
from annotations.backup import BackupError, backup_restore
from annotations.models import Article, Claim, Source, Stance, Unit
from annotations.tests.factories import ArticleFactory, ClaimFactory, ProjectFactory, StanceFactory, UnitFactory


@pytest.fixture
def backup_lines(project, annotator):
    article = ArticleFactory(project=project, body="The minister said the plan works. The union denied it.")
    claim = ClaimFactory(article=article, start=0, end=32, text="The minister said the plan works")
    unit = UnitFactory(claim=claim)
    StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="alleges")
    objects = list(exports.iter_jsonl_objects(project, exports.ExportOptions(format="jsonl")))
    return [json.dumps(o) for o in objects]


def counts():
    return (Article.objects.count(), Claim.objects.count(), Unit.objects.count(), Stance.objects.count(),
            Source.objects.count())


@pytest.mark.parametrize("breakage, message", [
    (lambda lines: [*lines, "{not json"], "line 3: not valid JSON"),
    (lambda lines: [*lines, "[1, 2]"], "line 3: each line must be a JSON object"),
    (lambda lines: [*lines, json.dumps({"type": "poem"})], "line 3: unknown object type 'poem'"),
    (lambda lines: [lines[0], lines[1].replace('"label": "alleges"', '"label": "shouts"')],
     "line 2: judgement label 'shouts' is not in the project's labels"),
    (lambda lines: [lines[0], lines[1].replace('"end": 32', '"end": 99999')],
     "line 2: the claim's span lies outside"),
    (lambda lines: [lines[0], lines[1].replace('"published": null', '"published": "May 2019"')],
     "line 2: article.published 'May 2019' is not a date"),
    (lambda lines: [lines[1], lines[0]], "line 2: the project line must come first"),
    (lambda lines: [lines[0].replace("claimtrack-backup", "other"), lines[1]], "line 1: this is not a ClaimTrack"),
])
def test_malformed_backup_is_refused_naming_the_line(project, backup_lines, breakage, message):
    target = ProjectFactory(slug="target")
    before = counts()
    with pytest.raises(BackupError) as info:
        backup_restore(project=target, text="\n".join(breakage(backup_lines)))
    assert message in str(info.value)
    assert counts() == before


def test_a_failure_late_in_the_file_leaves_nothing_behind(project, backup_lines):
    target = ProjectFactory(slug="target")
    # Valid on its own, but the second unit repeats the first: the database refuses it.
    before = counts()
    with pytest.raises(BackupError, match="line 3: cannot restore this object"):
        backup_restore(project=target, text="\n".join([*backup_lines, backup_lines[1]]))
    assert counts() == before
    assert not target.memberships.exists()


def test_restore_refuses_a_project_that_has_articles(project, backup_lines):
    with pytest.raises(BackupError, match="already has articles"):
        backup_restore(project=project, text="\n".join(backup_lines))


def test_import_backup_command_reports_the_line(project, backup_lines, tmp_path):
    ProjectFactory(slug="target")
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join([*backup_lines, "{oops"]))
    with pytest.raises(CommandError, match=r"broken.jsonl, line 3: not valid JSON.*nothing was imported"):
        call_command("import_backup", "target", str(path))
    with pytest.raises(CommandError, match="No project"):
        call_command("import_backup", "nope", str(path))
