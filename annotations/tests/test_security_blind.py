"""Blind mode: an annotator never learns another annotator's labels or notes.

Two checks over everything the annotator can fetch (every route the resolver
knows, whole pages and htmx fragments, API answers, exports, error pages):

* the peer's notes (random tokens) never appear;
* nothing the annotator sees changes when the peer changes their labels — a
  differential test, so a label shown as a count, a colour or a figure is caught
  as surely as a label shown as text.
"""

from __future__ import annotations

import re

import pytest
from django.db import transaction
from django.test import Client

from annotations import services
from annotations.models import Stance
from annotations.tests import security_matrix as sm

VOLATILE = [
    re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(rb'"X-CSRFToken": "[^"]*"'),
    re.compile(rb"csrftoken=[^;\s]*"),
]


def normalised(content: bytes) -> bytes:
    for pattern in VOLATILE:
        content = pattern.sub(b"<csrf>", content)
    return content


def export_urls(w) -> tuple[str, ...]:
    base = f"/api/v1/projects/{w.project.slug}/export/"
    return (
        *(f"{base}?format={f}" for f in ("csv", "jsonl", "claimreview")),
        f"{base}?format=csv&layout=judgement",
        f"/api/v1/stances/?claim={w.claim.pk}",
        f"/api/v1/projects/{w.project.slug}/disagreements/",
        f"/api/v1/projects/{w.project.slug}/agreement/",
        f"/projects/{w.project.slug}/articles/{w.article.pk}/units/{w.claim.pk}-{w.fresh_source.pk}/",
        f"/api/v1/sources/{w.source.pk}/timeline/?project={w.project.slug}",
        f"/projects/{w.project.slug}/search/?q=minister",
    )


def snapshot(client, w) -> dict[str, tuple[int, bytes]]:
    out = {}
    for url, htmx, response, content in sm.walk(client, w, extra=export_urls(w)):
        out[f"{url}{' (htmx)' if htmx else ''}"] = (response.status_code, normalised(content))
    return out


def change_peer_labels(w) -> None:
    """The peer changes every label (notes unchanged) through the service, as on the page."""
    labels = w.project.labels
    for stance in Stance.objects.filter(annotator=w.peer).select_related("claim", "source"):
        new = labels[(labels.index(stance.label) + 1) % len(labels)]
        services.stance_record(claim=stance.claim, source=stance.source, annotator=w.peer, label=new,
                               expected_version=stance.version, via="page")


def differences(client, w) -> list[str]:
    before = snapshot(client, w)
    with transaction.atomic():
        change_peer_labels(w)
        after = snapshot(client, w)
        transaction.set_rollback(True)
    return [url for url in before if before[url] != after.get(url)]


@pytest.mark.django_db
def test_an_annotator_never_reads_another_annotators_notes():
    world = sm.build_world(blind=True)
    client = Client()
    client.force_login(world.users["annotator"])
    leaks = []
    for url, htmx, response, content in sm.walk(client, world, extra=export_urls(world)):
        found = [t for t in (world.tokens["note_peer"], world.tokens["note_peer2"]) if t.encode() in content]
        if found:
            leaks.append(f"{url}{' (htmx)' if htmx else ''} [{response.status_code}] shows {found}")
    assert not leaks, "\n".join(leaks)


@pytest.mark.django_db
def test_nothing_an_annotator_sees_depends_on_another_annotators_labels():
    world = sm.build_world(blind=True)
    client = Client()
    client.force_login(world.users["annotator"])
    changed = differences(client, world)
    assert not changed, "these answers reveal the peer's labels in blind mode:\n" + "\n".join(changed)


@pytest.mark.django_db
def test_the_lead_does_see_the_labels_so_the_differential_can_tell():
    world = sm.build_world(blind=True)
    client = Client()
    client.force_login(world.users["lead"])
    changed = differences(client, world)
    assert any(f"/articles/{world.article.pk}/" in url for url in changed), changed


@pytest.mark.django_db
def test_once_the_lead_lifts_blind_mode_annotators_see_the_others():
    world = sm.build_world(blind=True)
    world.project.blind = False
    world.project.save(update_fields=["blind"])
    client = Client()
    client.force_login(world.users["annotator"])
    response = client.get(f"/projects/{world.project.slug}/articles/{world.article.pk}/")
    assert response.status_code == 200
    assert world.tokens["note_peer"].encode() in response.content or b"denies" in response.content
    assert differences(client, world), "with blind mode off the annotator should see the peer's labels"


@pytest.mark.django_db
def test_a_stale_save_conflict_shows_only_my_own_judgement():
    """The error path (409 after another tab saved) must not leak the peer's label either."""
    world = sm.build_world(blind=True)
    client = Client()
    client.force_login(world.users["annotator"])
    url = f"/projects/{world.project.slug}/articles/{world.article.pk}/units/{world.claim.pk}-{world.source.pk}/"
    for htmx in (False, True):
        response = client.post(url, {"label": "denies", "version": "0"},
                               headers={"HX-Request": "true"} if htmx else {})
        assert response.status_code in (200, 409)
        assert world.tokens["note_peer"].encode() not in response.content
    api = client.post("/api/v1/stances/", {"claim": world.claim.pk, "source": world.source.pk,
                                           "label": "denies", "version": 0}, content_type="application/json")
    assert api.status_code == 409
    assert world.tokens["note_peer"].encode() not in api.content
    assert api.json()["current"]["note"] == world.tokens["note_own"]


@pytest.mark.django_db
def test_an_annotator_cannot_queue_an_export_in_blind_mode():
    from annotations.models import Job

    world = sm.build_world(blind=True)
    client = Client()
    client.force_login(world.users["annotator"])
    before = Job.objects.filter(kind="export").count()
    response = client.post(f"/projects/{world.project.slug}/export/", {"format": "csv"})
    assert response.status_code == 403
    assert Job.objects.filter(kind="export").count() == before
    client.force_login(world.users["lead"])
    assert client.post(f"/projects/{world.project.slug}/export/", {"format": "csv"}).status_code == 302
