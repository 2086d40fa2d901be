"""Every path that changes a judgement or a resolution writes History; no other path exists.

The code is searched for writes to Stance/Resolution outside the `services` package; each
path that remains (page, API, undo, review page and API, admin, backup restore in services.backup)
is exercised and its History row checked.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from annotations import exports
from annotations.models import Claim, History, Project, Resolution, Stance
from annotations.tests import security_matrix as sm

APP = Path(__file__).resolve().parents[1]
# Files allowed to write judgements directly, and why.
DIRECT_WRITERS = {
    "services/": "the services: every write keeps History",
    "management/commands/bench_data.py": "synthetic benchmark data, written with its History by COPY",
}
WRITE = re.compile(
    r"\b(Stance|Resolution)\s*\(|"
    r"\b(Stance|Resolution)\.objects\.[\w().,=\s\"'\[\]]*?\b(create|bulk_create|update|update_or_create|"
    r"get_or_create|delete|bulk_update|raw)\s*\(|"
    r"\.(stances|resolutions)\.[\w().,=\s\"'\[\]]*?\b(create|update|delete|bulk_create)\s*\(|"
    r"(?i:(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?annotations_(stance|resolution)\b)",
)


def test_no_code_outside_the_services_writes_judgements_or_resolutions():
    offenders = []
    for path in sorted(APP.rglob("*.py")):
        rel = path.relative_to(APP).as_posix()
        if rel.startswith(("tests/", "migrations/", "services/")) or rel in DIRECT_WRITERS:
            continue
        text = path.read_text()
        for match in WRITE.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            snippet = text.splitlines()[line - 1].strip()
            before = text[text.rfind("\n", 0, match.start()) + 1:match.start()]
            if "#" in before or snippet.startswith(("class ", "def ")) or "isinstance" in snippet:
                continue
            offenders.append(f"{rel}:{line}: {snippet}")
    assert not offenders, "write judgements through services (they keep History):\n" + "\n".join(offenders)


def test_the_scan_finds_a_direct_write(tmp_path):
    sample = "def f(claim):\n    Stance.objects.filter(claim=claim).update(label='x')\n"
    assert WRITE.search(sample)
    assert WRITE.search("claim.stances.all().delete()")


def last(**filters) -> History:
    return History.objects.filter(**filters).order_by("-id").first()


@pytest.mark.django_db
def test_the_article_page_writes_history_for_a_change_and_an_undo():
    world = sm.build_world()
    client = Client()
    client.force_login(world.users["annotator"])
    url = f"/projects/{world.project.slug}/articles/{world.article.pk}/units/{world.claim.pk}-{world.source.pk}/"
    assert client.post(url, {"label": "denies", "version": "1", "note": "changed"}).status_code == 302
    h = last(annotator=world.users["annotator"], claim=world.claim)
    assert (h.action, h.old_label, h.new_label, h.via, h.new_note) == ("update", "alleges", "denies", "page", "changed")
    assert client.post(url + "undo/", {"version": "2"}).status_code == 302
    h = last(annotator=world.users["annotator"], claim=world.claim)
    assert (h.action, h.new_label) == ("undo", "alleges")
    assert Stance.objects.get(annotator=world.users["annotator"], source=world.source).label == "alleges"


@pytest.mark.django_db
def test_the_api_writes_history_for_create_and_update():
    world = sm.build_world()
    client = Client()
    client.force_login(world.users["annotator"])
    response = client.post("/api/v1/stances/", {"claim": world.claim.pk, "source": world.fresh_source.pk,
                                                "label": "denies", "note": "n1"}, content_type="application/json")
    assert response.status_code == 201
    h = last(annotator=world.users["annotator"], source=world.fresh_source)
    assert (h.action, h.new_label, h.via) == ("create", "denies", "api")
    stance = response.json()
    response = client.patch(f"/api/v1/stances/{stance['id']}/", {"label": "alleges", "version": stance["version"]},
                            content_type="application/json")
    assert response.status_code == 200
    h = last(annotator=world.users["annotator"], source=world.fresh_source)
    assert (h.action, h.old_label, h.new_label, h.via) == ("update", "denies", "alleges", "api")


@pytest.mark.django_db
def test_resolutions_by_page_and_api_write_history():
    world = sm.build_world()
    client = Client()
    client.force_login(world.users["lead"])
    response = client.post(f"/projects/{world.project.slug}/review/resolve/",
                           {"claim": world.claim.pk, "source": world.source.pk, "label": "denies",
                            "reason": "the text says so", "version": "0"})
    assert response.status_code in (200, 302), response.content[:300]
    h = last(kind="resolution", claim=world.claim, source=world.source)
    assert (h.action, h.new_label, h.via, h.actor) == ("create", "denies", "page", world.users["lead"])
    response = client.post(f"/api/v1/projects/{world.project.slug}/resolutions/",
                           {"claim": world.claim.pk, "source": world.source.pk, "label": "alleges",
                            "reason": "on second reading", "version": 1}, content_type="application/json")
    assert response.status_code in (200, 201), response.content
    h = last(kind="resolution", claim=world.claim, source=world.source)
    assert (h.action, h.old_label, h.new_label, h.via) == ("update", "denies", "alleges", "api")


@pytest.mark.django_db
def test_the_admin_cannot_change_or_silently_delete_judgements(client):
    world = sm.build_world()
    staff = get_user_model().objects.create_superuser("sec-staff", "s@example.org", "unused-pass-1")
    client.force_login(staff)
    stance = world.own_stance
    assert client.post(f"/admin/annotations/stance/{stance.pk}/change/", {"label": "denies"}).status_code == 403
    assert client.post(f"/admin/annotations/stance/{stance.pk}/delete/", {"post": "yes"}).status_code == 403
    # Deleting what judgements hang on would cascade to them without History.
    for model, obj in (("claim", world.claim), ("article", world.article), ("project", world.project)):
        response = client.post(f"/admin/annotations/{model}/{obj.pk}/delete/", {"post": "yes"})
        assert response.status_code == 403, model
        response = client.post(f"/admin/annotations/{model}/", {"action": "delete_selected",
                                                                 "_selected_action": [obj.pk], "post": "yes"})
        assert type(obj).objects.filter(pk=obj.pk).exists(), model
    assert Stance.objects.filter(pk=stance.pk, label="alleges").exists()
    # Something without judgements still can be deleted.
    bare = Claim.objects.create(article=world.other_article, text="Someone", start=0, end=7)
    assert client.post(f"/admin/annotations/claim/{bare.pk}/delete/", {"post": "yes"}).status_code == 302
    assert not Claim.objects.filter(pk=bare.pk).exists()


@pytest.mark.django_db
def test_a_backup_restore_brings_back_the_history_with_the_judgements(tmp_path):
    world = sm.build_world(blind=False)
    options = exports.ExportOptions.from_query({"format": "jsonl"}, project=world.project)
    backup = b"".join(exports.iter_export(world.project, options)).decode()
    before = sorted(History.objects.filter(claim=world.claim).values_list("action", "new_label", "new_note"))
    path = tmp_path / "backup.jsonl"
    path.write_text(backup)
    target = Project.objects.create(slug="restored", name="Restored")
    call_command("import_backup", target.slug, str(path))
    restored = sorted(History.objects.filter(claim__article__project=target)
                      .values_list("action", "new_label", "new_note"))
    assert restored == before
    assert sorted(Stance.objects.filter(claim__article__project=target).values_list("label", "note")) == sorted(
        Stance.objects.filter(claim=world.claim).values_list("label", "note"))
    assert Resolution.objects.filter(claim__article__project=target).count() == Resolution.objects.filter(
        claim=world.claim).count()
    json.loads(backup.splitlines()[0])  # the backup opens with its project line
