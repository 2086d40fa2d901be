"""A project backup round-trips losslessly: backed up, restored into a new project, backed up
again, the two files are the same apart from the database ids, slug, name and creation time.

Export and restore run through the commands (`export_stances --format jsonl`,
`import_backup`), as an operator runs them (docs/backup.md).
"""

from __future__ import annotations

import io
import json
from collections import defaultdict

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import models, services
from annotations.tests.factories import ArticleFactory, UnitFactory

BODY = ("Jan de Vries said the bridge is safe. Jan de Vries denied that the bridge is safe. "
        "The mayor declined to comment on the bridge.")
# Where each kind of id sits in a backup line: normalised to the order of first appearance.
ID_FIELDS = {"article": "article", "claim": "claim", "source": "source", "affiliation": "source",
             "merged_into": "cluster", "other_cluster": "cluster", "cluster": "cluster"}
# Lines whose own `id` is a database id of their kind.
OWN_IDS = {"cluster": "cluster", "verdict": "verdict"}


def backup_text(project: models.Project, tmp_path) -> str:
    path = tmp_path / f"{project.slug}.jsonl"
    call_command("export_stances", project.slug, "--format", "jsonl", "-o", str(path))
    return path.read_text()


def restore(text: str, tmp_path, slug: str) -> models.Project:
    path = tmp_path / f"restore-{slug}.jsonl"
    path.write_text(text)
    call_command("create_project", slug, "--name", f"Restored {slug}")
    out = io.StringIO()
    call_command("import_backup", slug, str(path), stdout=out)
    project = models.Project.objects.get(slug=slug)
    project.restore_output = out.getvalue()
    return project


def normalised(text: str) -> list[dict]:
    """The backup's objects with every database id replaced by its order of first appearance
    (per kind), and without what a restore leaves to the target (slug, name, creation time)."""
    numbers: dict[str, dict[int, int]] = defaultdict(dict)

    def ref(kind: str, pk):
        return None if pk is None else numbers[kind].setdefault(pk, len(numbers[kind]))

    def walk(value, kind: str | None = None):
        if isinstance(value, dict):
            out = {}
            for key, inner in value.items():
                if key == "id" and kind:
                    out[key] = ref(kind, inner)
                elif key in ID_FIELDS and isinstance(inner, int):
                    out[key] = ref(ID_FIELDS[key], inner)
                elif key == "claim_ids":
                    out[key] = [ref("claim", pk) for pk in inner]
                elif key in ID_FIELDS and isinstance(inner, dict):
                    out[key] = walk(inner, ID_FIELDS[key])
                else:
                    out[key] = walk(inner)
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    objects = []
    for line in text.splitlines():
        obj = json.loads(line)
        if obj["type"] == "project":
            obj = {k: v for k, v in obj.items() if k not in {"slug", "name", "created_at"}}
        objects.append(walk(obj, OWN_IDS.get(obj["type"])))
    return objects


def member(project, username, role):
    return services.membership_add(project=project, username=username, role=role)[0].user


def rich_project() -> models.Project:
    """A project with one of everything the backup once dropped, and two sources of one name."""
    project = services.project_create(
        slug="rich", name="Rich", labels=["alleges", "denies", "no_comment", "questions"], overlap=3,
        show_suggestions=False, blind=False,
    )
    lead = member(project, "lead-a", "lead")
    member(project, "lead-idle", "lead")  # a lead who never judged anything
    member(project, "owner", "admin")
    ann1, ann2 = member(project, "ann1", "annotator"), member(project, "ann2", "annotator")
    services.project_guidelines_set(project=project, text="Label what the source itself says.", user=lead)
    services.project_guidelines_set(project=project, text="Label what the source says; quotes count.", user=lead)

    ArticleFactory(project=project, title="An article without claims", outlet="Gazette", url="https://x.example/1")
    article = ArticleFactory(project=project, title="Bridge", body=BODY)
    other = ArticleFactory(project=project, title="Bridge again", body="Officials said the bridge is safe.")
    said = services.claim_create(article=article, start=BODY.index("the bridge"), end=BODY.index("."), user=ann1)
    denied = services.claim_create(article=article, start=40, end=BODY.index(" denied"), user=ann2)
    services.claim_create(article=article, start=BODY.index("The mayor"), end=len(BODY) - 1)  # no units
    again = services.claim_create(article=other, start=0, end=32, user=lead)

    council = models.Source.objects.create(name="City council", kind="government", aliases=["the council"])
    # Two different people of one name, alike in every field: only their identity tells them apart.
    jan_a = models.Source.objects.create(name="Jan de Vries", kind="person", affiliation=council, role="alderman")
    jan_b = models.Source.objects.create(name="Jan de Vries", kind="person", affiliation=council, role="alderman")
    UnitFactory(claim=said, source=jan_a, suggested_label="alleges", suggestion_score=0.8125,
                engine_version="rules-2.3", evidence_start=0, evidence_end=37)
    services.unit_add(claim=said, source=jan_b, user=ann1)
    UnitFactory(claim=denied, source=jan_b, suggested_label="denies", suggestion_score=0.5)
    UnitFactory(claim=again, source=council, suggested_label="")

    services.stance_record(claim=said, source=jan_a, annotator=ann1, label="alleges", note="plain")
    services.stance_record(claim=said, source=jan_a, annotator=ann1, label="questions", note="on second reading")
    services.stance_record(claim=said, source=jan_a, annotator=ann2, label="denies")
    services.stance_record(claim=said, source=jan_b, annotator=ann2, label="rejected", note="not his words")
    services.stance_record(claim=denied, source=jan_b, annotator=ann1, label="denies")
    services.stance_record(claim=denied, source=jan_b, annotator=ann2, label="denies")
    services.stance_undo(claim=said, source=jan_b, annotator=ann2)
    services.resolution_set(claim=said, source=jan_a, label="questions", reason="the text hedges", lead=lead)
    services.claim_text_set(claim=said, text="The bridge is safe", user=lead)

    services.assignment_finish(article=article, annotator=ann1)
    services.assignment_finish(article=article, annotator=ann2)
    services.assignment_next(project=project, annotator=ann1)

    tracked = services.cluster_create(project=project, claim=said, user=lead, title="Is the bridge safe?",
                                      suggest=False)
    services.link_decide(cluster=tracked, claim_ids=[again.pk], status="confirmed", user=lead, note="same")
    second = services.cluster_create(project=project, claim=denied, user=lead, suggest=False)
    models.ClaimLink.objects.create(cluster=second, claim=again, status="suggested", score=0.61)
    services.cluster_merge(target=tracked, source=second, user=lead, note="one question")

    services.project_settings_set(project=project, actor=lead, verdict_scale=["correct", "partly", "wrong"],
                                  publisher_name="De Brugcheck", publisher_url="https://brugcheck.example/")
    services.verdict_set(project=project, reviewer=lead, cluster=tracked, rating="partly", explanation="Mostly.",
                         url="https://brugcheck.example/1", date_published="2024-05-06")
    services.verdict_set(project=project, reviewer=member(project, "owner", "admin"), cluster=tracked,
                         rating="wrong", url="https://brugcheck.example/1", date_published="2024-05-07",
                         expected_version=1)
    services.verdict_set(project=project, reviewer=lead, claim=denied, rating="correct")  # not published yet
    return project


def formerly_dropped(project: models.Project) -> dict[str, object]:
    """What the backup of today's main left out, counted in a project."""
    project.refresh_from_db()
    units = models.Unit.objects.filter(claim__article__project=project)
    return {
        "articles without claims": project.articles.filter(claims__isnull=True).count(),
        "claims without units": models.Claim.objects.filter(article__project=project, units__isnull=True).count(),
        "tracked claims": models.ClaimCluster.objects.filter(project=project).count(),
        "merged tracked claims": models.ClaimCluster.objects.filter(project=project, merged_into__isnull=False).count(),
        "links": models.ClaimLink.objects.filter(cluster__project=project).count(),
        "cluster events": models.ClusterEvent.objects.filter(cluster__project=project).count(),
        "assignments": sorted(models.Assignment.objects.filter(article__project=project)
                              .values_list("annotator__username", "status")),
        "memberships": sorted(models.Membership.objects.filter(project=project).values_list("user__username", "role")),
        "guidelines": project.guidelines,
        "guideline versions": list(models.ProjectChange.objects.filter(project=project, field="guidelines")
                                   .order_by("id").values_list("new", flat=True)),
        "settings": (project.labels, project.overlap, project.show_suggestions, project.blind,
                     project.verdict_scale, project.publisher_name, project.publisher_url),
        "verdicts": sorted(models.Verdict.objects.filter(project=project).values_list(
            "rating", "url", "date_published", "reviewer__username", "version", "cluster__title", "claim__text")),
        "verdict changes": sorted(models.VerdictChange.objects.filter(verdict__project=project).values_list(
            "action", "actor__username", "new__rating", "via")),
        "claim text edits": models.History.objects.filter(claim__article__project=project, kind="claim").count(),
        "suggestions": sorted(units.values_list("engine_version", "suggestion_score", "evidence_start",
                                                "evidence_end", "added_by__username"),
                              key=repr),
        "sources named Jan de Vries": units.filter(source__name="Jan de Vries").values("source").distinct().count(),
    }


@pytest.mark.django_db
def test_a_rich_project_round_trips_with_everything_it_owns(tmp_path, require_postgres):
    project = rich_project()
    expected = formerly_dropped(project)
    assert expected["sources named Jan de Vries"] == 2 and expected["articles without claims"] == 1
    first = backup_text(project, tmp_path)

    # Beside the original (one installation): the registry's sources are the same rows.
    beside = restore(first, tmp_path, "beside")
    assert ("3 articles, 4 claims, 4 units, 4 judgements, 2 resolutions, 5 members, 2 tracked claims, "
            "3 assignments, 2 verdicts, 5 set-up changes (0 new sources, 0 new users)") in beside.restore_output
    assert formerly_dropped(beside) == expected
    assert normalised(backup_text(beside, tmp_path)) == normalised(first)
    assert set(models.Unit.objects.filter(claim__article__project=beside).values_list("source_id", flat=True)) == set(
        models.Unit.objects.filter(claim__article__project=project).values_list("source_id", flat=True))

    # Into a fresh installation: nothing of the project, its sources or its users is left.
    models.Project.objects.filter(slug__in=["rich", "beside"]).delete()
    models.Source.objects.all().delete()
    get_user_model().objects.all().delete()
    fresh = restore(first, tmp_path, "fresh")
    assert formerly_dropped(fresh) == expected
    assert normalised(backup_text(fresh, tmp_path)) == normalised(first)
    jans = models.Source.objects.filter(name="Jan de Vries")
    assert jans.count() == 2 and {s.affiliation.name for s in jans} == {"City council"}
    restored_users = get_user_model().objects.filter(username__in=["ann1", "lead-idle"])
    assert restored_users.count() == 2 and not any(u.has_usable_password() for u in restored_users)


@pytest.mark.django_db
def test_a_restore_that_fails_late_keeps_nothing(tmp_path, require_postgres):
    project = rich_project()
    lines = backup_text(project, tmp_path).splitlines()
    # The last assignment again names an annotator twice for one article: refused by the database.
    assignment = next(line for line in reversed(lines) if json.loads(line)["type"] == "assignment")
    broken = "\n".join([*lines, assignment])
    call_command("create_project", "target", "--name", "Target")
    path = tmp_path / "broken.jsonl"
    path.write_text(broken)
    target = models.Project.objects.get(slug="target")
    with pytest.raises(Exception, match=rf"line {len(lines) + 1}: cannot restore this object"):
        call_command("import_backup", "target", str(path))
    assert formerly_dropped(target)["memberships"] == []
    assert not target.articles.exists() and not target.changes.exists()
    assert target.guidelines == "" and target.blind


NAMES = ["Jan de Vries", "Jan de Vries", "Anna Smit", "The ministry"]


@st.composite
def project_plans(draw):
    return {
        "members": draw(st.lists(st.sampled_from(["annotator", "lead", "admin"]), min_size=1, max_size=3)),
        "articles": draw(st.lists(st.lists(st.lists(st.tuples(st.integers(0, 3), st.lists(
            st.sampled_from(["alleges", "denies", "rejected"]), max_size=3)), max_size=3, unique_by=lambda t: t[0]),
            max_size=2), max_size=3)),
        "resolve": draw(st.booleans()),
        "finish": draw(st.booleans()),
        "track": draw(st.booleans()),
        "guidelines": draw(st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=20)),
    }


def random_project(plan: dict, n: int) -> models.Project:
    """A project from a plan: members, articles of claims of units (source, judgements)."""
    project = services.project_create(slug=f"random-{n}", name="Random", blind=n % 2 == 0)
    users = [member(project, f"user{n}-{i}", role) for i, role in enumerate(plan["members"])]
    lead = member(project, f"lead{n}", "lead")
    if plan["guidelines"].strip():
        services.project_guidelines_set(project=project, text=plan["guidelines"], user=lead)
    sources = [models.Source.objects.create(name=name, kind="person") for name in NAMES]
    claims = []
    for a, article_plan in enumerate(plan["articles"]):
        article = ArticleFactory(project=project, title=f"Article {a}",
                                 body=f"Article {n}-{a}. " + "Someone said something. " * 4)
        for c, units in enumerate(article_plan):
            claim = services.claim_create(article=article, start=c * 10, end=c * 10 + 9, user=lead)
            claims.append(claim)
            for source_index, labels in units:
                source = sources[source_index]
                services.unit_add(claim=claim, source=source)
                for user, label in zip(users, labels, strict=False):
                    services.stance_record(claim=claim, source=source, annotator=user, label=label)
                if plan["resolve"] and labels:
                    services.resolution_set(claim=claim, source=source, label=labels[0], reason="", lead=lead)
        if plan["finish"]:
            services.assignment_finish(article=article, annotator=users[0])
    if plan["track"] and claims:
        cluster = services.cluster_create(project=project, claim=claims[0], user=lead, suggest=False)
        if len(claims) > 1:
            services.link_decide(cluster=cluster, claim_ids=[claims[-1].pk], status="rejected", user=lead)
    return project


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(plan=project_plans())
@pytest.mark.django_db
def test_random_projects_round_trip(tmp_path, require_postgres, plan):
    with transaction.atomic():
        n = models.Project.objects.count()
        project = random_project(plan, n)
        first = backup_text(project, tmp_path)
        restored = restore(first, tmp_path, f"restored-{n}")
        assert normalised(backup_text(restored, tmp_path)) == normalised(first)
        assert formerly_dropped(restored) == formerly_dropped(project)
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_a_source_of_another_installation_is_never_taken_for_one_here(tmp_path, require_postgres):
    """Same id, another creation time: a different source (of another installation), so the
    restore makes a new one instead of hanging the judgements on whoever has that id here."""
    project = rich_project()
    here = set(models.Unit.objects.filter(claim__article__project=project).values_list("source_id", flat=True))
    lines = []
    for line in backup_text(project, tmp_path).splitlines():
        obj = json.loads(line)
        if obj["type"] == "source":
            obj["source"]["created_at"] = "2019-05-03T10:00:00+00:00"
        lines.append(json.dumps(obj))
    restored = restore("\n".join(lines), tmp_path, "elsewhere")
    there = set(models.Unit.objects.filter(claim__article__project=restored).values_list("source_id", flat=True))
    assert len(there) == len(here) and not there & here
    assert models.Source.objects.filter(name="Jan de Vries").count() == 4
    council = models.Source.objects.filter(name="City council").order_by("id").last()
    assert council.created_at.year == 2019 and council.aliases == ["the council"]
    assert set(models.Source.objects.filter(pk__in=there, name="Jan de Vries")
               .values_list("affiliation_id", flat=True)) == {council.pk}


@pytest.mark.django_db
def test_a_version_1_backup_keeps_two_sources_of_one_name_apart(tmp_path, require_postgres):
    """A backup written before version 2 (unit lines only) still restores; its sources are
    told apart by their ids, never merged by name."""
    article = {"id": 7, "title": "Two of a name", "body": BODY, "language": "en", "outlet": "", "url": "",
               "published": "2019-05-03", "published_precision": "day"}
    claim = {"id": 70, "text": "the bridge is safe", "start": 18, "end": 36, "origin": "manual", "created_by": None}

    def unit(source_id, annotator, label):
        return {"type": "unit", "article": article, "claim": claim,
                "source": {"id": source_id, "name": "Jan de Vries", "kind": "person", "role": "", "aliases": [],
                           "affiliation": None},
                "unit": {"origin": "manual", "suggested_label": "", "suggestion_score": None},
                "judgements": [{"annotator": annotator, "label": label, "note": "", "start": None, "end": None,
                                "version": 1, "created_at": None, "updated_at": None}],
                "resolution": None, "history": []}

    header = {"type": "project", "format": "claimtrack-backup", "version": 1, "slug": "old", "name": "Old",
              "guidelines": "", "labels": ["alleges", "denies", "no_comment"], "overlap": 2,
              "show_suggestions": True, "blind": True}
    text = "\n".join(json.dumps(o) for o in [header, unit(901, "ann-old", "alleges"), unit(902, "ann-old", "denies")])
    restored = restore(text, tmp_path, "from-v1")
    units = models.Unit.objects.filter(claim__article__project=restored)
    assert units.count() == 2 and units.values("source").distinct().count() == 2
    assert sorted(models.Stance.objects.filter(claim__article__project=restored).values_list("label", flat=True)) \
        == ["alleges", "denies"]
    assert list(restored.memberships.values_list("user__username", "role")) == [("ann-old", "annotator")]
