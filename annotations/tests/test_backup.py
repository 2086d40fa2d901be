"""Restoring a JSONL backup: bad files are refused naming the line, and nothing is half-imported."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import CommandError, call_command

from annotations import exports
from annotations.models import Article, Claim, Source, Stance, Unit
from annotations.services import backup
from annotations.services.backup import BackupError, backup_restore
from annotations.tests.factories import ArticleFactory, ClaimFactory, ProjectFactory, StanceFactory, UnitFactory


@pytest.fixture
def backup_lines(project, annotator):
    article = ArticleFactory(project=project, body="The minister said the plan works. The union denied it.")
    claim = ClaimFactory(article=article, start=0, end=32, text="The minister said the plan works")
    unit = UnitFactory(claim=claim)
    StanceFactory(claim=claim, source=unit.source, annotator=annotator, label="alleges")
    objects = list(backup.iter_jsonl_objects(project, exports.ExportOptions(format="jsonl")))
    return [json.dumps(o) for o in objects]


def counts():
    return (Article.objects.count(), Claim.objects.count(), Unit.objects.count(), Stance.objects.count(),
            Source.objects.count())


def _number(lines, kind: str) -> int:
    """The line number (from 1) of the first line of that type."""
    return next(i for i, line in enumerate(lines, 1) if json.loads(line)["type"] == kind)


def _edit(kind: str, old: str, new: str):
    def breakage(lines):
        i = _number(lines, kind) - 1
        assert old in lines[i]
        return [*lines[:i], lines[i].replace(old, new), *lines[i + 1:]]
    return breakage


@pytest.mark.parametrize("breakage, kind, message", [
    (lambda lines: [*lines, "{not json"], None, "not valid JSON"),
    (lambda lines: [*lines, "[1, 2]"], None, "each line must be a JSON object"),
    (lambda lines: [*lines, json.dumps({"type": "poem"})], None, "unknown object type 'poem'"),
    (_edit("unit", '"label": "alleges"', '"label": "shouts"'), "unit",
     "judgement label 'shouts' is not in the project's labels"),
    (_edit("unit", '"end": 32', '"end": 99999'), "unit", "the claim's span lies outside"),
    (_edit("article", '"published": null', '"published": "May 2019"'), "article",
     "article.published 'May 2019' is not a date"),
    (lambda lines: [lines[1], lines[0], *lines[2:]], "project", "the project line must come first"),
    (lambda lines: [lines[0].replace("claimtrack-backup", "other"), *lines[1:]], "project",
     "this is not a ClaimTrack"),
    (lambda lines: [lines[0].replace('"complete": true', '"complete": false'), *lines[1:]], "project",
     "this export was filtered"),
    (lambda lines: [*lines, "[" * 30 + "]" * 30], None, "the JSON nests more than 20 levels deep"),
    (lambda lines: [*lines[:-1], json.dumps({"type": "source", "source": {**json.loads(lines[-1])["source"],
                                                                           "name": " "}})],
     "source", "source.name is empty"),
    (lambda lines: [lines[0], json.dumps({**json.loads(lines[1]), "user": " "}), *lines[2:]], "member",
     "member.user is empty"),
    (_edit("unit", '"history": []', '"history": [{"kind": "stance", "action": "create", "actor": 7}]'), "unit",
     "history.actor is missing or not str"),
    (lambda lines: [line for line in lines if json.loads(line)["type"] != "source"], "unit",
     r"source \d+ is named but the backup has no line for it"),
])
def test_malformed_backup_is_refused_naming_the_line(project, backup_lines, breakage, kind, message):
    target = ProjectFactory(slug="target")
    broken = breakage(backup_lines)
    number = len(broken) if kind is None else 1 if kind == "project" and "first" in message else _number(
        broken, kind)
    before = counts()
    with pytest.raises(BackupError) as info:
        backup_restore(project=target, text="\n".join(broken))
    assert re.search(f"line {number}: {message}", str(info.value)), str(info.value)
    assert counts() == before


def test_a_failure_late_in_the_file_leaves_nothing_behind(project, backup_lines):
    target = ProjectFactory(slug="target")
    # Valid on its own, but the second unit repeats the first: the database refuses it.
    before = counts()
    unit = backup_lines[_number(backup_lines, "unit") - 1]
    with pytest.raises(BackupError, match=f"line {len(backup_lines) + 1}: cannot restore this object"):
        backup_restore(project=target, text="\n".join([*backup_lines, unit]))
    assert counts() == before
    assert not target.memberships.exists()


def test_restore_refuses_a_project_that_has_articles(project, backup_lines):
    with pytest.raises(BackupError, match="already has articles"):
        backup_restore(project=project, text="\n".join(backup_lines))


def test_import_backup_command_reports_the_line(project, backup_lines, tmp_path):
    ProjectFactory(slug="target")
    path = tmp_path / "broken.jsonl"
    path.write_text("\n".join([*backup_lines, "{oops"]))
    line = len(backup_lines) + 1
    with pytest.raises(CommandError, match=rf"broken.jsonl, line {line}: not valid JSON.*nothing was imported"):
        call_command("import_backup", "target", str(path))
    with pytest.raises(CommandError, match="No project"):
        call_command("import_backup", "nope", str(path))


def test_a_filtered_export_says_it_is_no_backup_and_holds_unit_lines_only(project, backup_lines):
    ArticleFactory(project=project, title="Left out by the filter")
    options = exports.ExportOptions.from_query({"format": "jsonl", "status": "open"}, project=project)
    objects = list(backup.iter_jsonl_objects(project, options))
    assert objects[0]["complete"] is False
    assert {o["type"] for o in objects[1:]} == {"unit"}
    complete = [json.loads(line) for line in backup_lines]
    assert complete[0]["complete"] is True
    assert {o["type"] for o in complete} == {"project", "member", "article", "claim", "unit", "source"}
    with pytest.raises(BackupError, match="line 1: this export was filtered"):
        backup_restore(project=ProjectFactory(slug="target"), text="\n".join(json.dumps(o) for o in objects))


@pytest.mark.parametrize("change, message", [
    ({"rating": "pants on fire"}, "verdict.rating 'pants on fire' is not on the project's verdict scale"),
    ({"claim": 1, "cluster": 1}, "verdict names a tracked claim"),
    ({"date_published": "2024-03"}, "verdict.date_published '2024-03' is not a date"),
    ({"claim": 987654}, "claim 987654 is named but the backup has no line for it"),
    ({"changes": [{"action": "shred", "actor": "lead", "old": {}, "new": {}}]}, "verdict.change.action"),
])
def test_a_bad_verdict_line_is_refused_naming_the_line(project, backup_lines, lead, change, message):
    from annotations import services

    claim = Claim.objects.get()
    services.verdict_set(project=project, reviewer=lead, claim=claim, rating="false", url="https://fc.example/1")
    lines = [json.dumps(o) for o in backup.iter_jsonl_objects(project, exports.ExportOptions(format="jsonl"))]
    verdict = json.loads(lines[-1])
    assert verdict["type"] == "verdict" and verdict["claim"] == claim.pk and verdict["changes"][0]["action"] == "create"
    broken = [*lines[:-1], json.dumps({**verdict, **change})]
    target = ProjectFactory(slug="target")
    with pytest.raises(BackupError) as info:
        backup_restore(project=target, text="\n".join(broken))
    assert f"line {len(broken)}: {message}" in str(info.value)
    report = backup_restore(project=target, text="\n".join(lines))  # the file as written restores
    assert report.verdicts == 1 and target.verdicts.get().rating == "false"
