"""A stance save costs at most 5 queries on the page and 3 through the API (PostgreSQL), as in production.

The tests commit (transactional_db), so a service's transaction is a real BEGIN/COMMIT as
it is under the web server, not a savepoint inside the test's own transaction.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from annotations import services
from annotations.api.throttling import count_hit
from annotations.models import ApiToken, Assignment, History, Membership, Stance, ThrottleCount
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    ProjectFactory,
    SourceFactory,
    UnitFactory,
    UserFactory,
)


def page_save_queries() -> int:
    """5 on PostgreSQL: the session, the user, the unit with its claim, article, project, source and the
    member's role, the judgements of the unit, then one statement that writes the judgement, its
    History, its webhook deliveries and the assignment's touch. SQLite writes them one by one."""
    return 5 if connection.vendor == "postgresql" else 11


def save_queries() -> int:
    """3 on PostgreSQL: the token with its user and the rate limit's count in one statement, what the save
    names (the claim with its article and project, the source, the caller's judgement; for a change the
    judgement with them), then one statement that writes the judgement, its History and its webhook
    deliveries. SQLite counts the rate limit in a statement of its own, writes the rest as statements
    in a transaction of its own (BEGIN … COMMIT), looks up the project's webhooks in one more and
    starts a rate-limit window with one more: 7 more."""
    return 3 if connection.vendor == "postgresql" else 10


@pytest.fixture
def unit_world(transactional_db):
    project = ProjectFactory(slug="saves", blind=False)  # others' labels shown: the costlier fragment
    annotator, peer = UserFactory(username="ann"), UserFactory(username="peer")
    for user in (annotator, peer):
        MembershipFactory(project=project, user=user, role=Membership.Role.ANNOTATOR)
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article)
    sources = [SourceFactory(), SourceFactory()]
    for source in sources:
        UnitFactory(claim=claim, source=source)
        services.stance_record(claim=claim, source=source, annotator=peer, label="denies", note="peer's")
    return {"project": project, "annotator": annotator, "article": article, "claim": claim, "sources": sources}


def unit_url(w, source):
    return reverse("annotations:unit", kwargs={"slug": w["project"].slug, "article_id": w["article"].pk,
                                                "claim_id": w["claim"].pk, "source_id": source.pk})


def test_a_page_save_creates_and_changes_a_judgement_in_at_most_5_queries(unit_world, client,
                                                                           django_assert_max_num_queries):
    w = unit_world
    long_ago = timezone.now() - timedelta(hours=1)
    held = Assignment.objects.create(article=w["article"], annotator=w["annotator"], last_seen=long_ago)
    client.force_login(w["annotator"])
    url = unit_url(w, w["sources"][0])
    with django_assert_max_num_queries(page_save_queries()):
        created = client.post(url, {"label": "alleges", "version": "0"}, HTTP_HX_REQUEST="true")
    assert created.status_code == 200
    # The save noted the annotator's activity, so the queue does not release the article.
    held.refresh_from_db()
    assert held.last_seen > long_ago
    Assignment.objects.filter(pk=held.pk).update(last_seen=long_ago)
    with django_assert_max_num_queries(page_save_queries()):
        changed = client.post(url, {"label": "denies", "note": "second look", "version": "1"},
                              HTTP_HX_REQUEST="true")
    assert changed.status_code == 200
    held.refresh_from_db()
    assert held.last_seen > long_ago
    stance = Stance.objects.get(annotator=w["annotator"])
    assert (stance.label, stance.note, stance.version) == ("denies", "second look", 2)
    assert b"peer&#x27;s" in changed.content or b"peer's" in changed.content  # the others' judgements shown
    assert list(History.objects.filter(annotator=w["annotator"]).values_list("action", "old_label", "new_label")
                .order_by("id")) == [("create", "", "alleges"), ("update", "alleges", "denies")]


def test_a_page_save_that_changes_nothing_or_is_refused_still_notes_the_activity(unit_world, client):
    w = unit_world
    long_ago = timezone.now() - timedelta(hours=1)
    held = Assignment.objects.create(article=w["article"], annotator=w["annotator"], last_seen=long_ago)
    client.force_login(w["annotator"])
    url = unit_url(w, w["sources"][0])
    assert client.post(url, {"label": "alleges", "version": "0"}, HTTP_HX_REQUEST="true").status_code == 200
    for data, status in [({"label": "alleges", "version": "1"}, 200),  # the same label again: no change
                         ({"label": "denies", "version": "7"}, 409),  # a stale version: refused
                         ({"label": "nonsense", "version": "1"}, 400)]:
        Assignment.objects.filter(pk=held.pk).update(last_seen=long_ago)
        assert client.post(url, data, HTTP_HX_REQUEST="true").status_code == status
        held.refresh_from_db()
        assert held.last_seen > long_ago, data
    assert Stance.objects.get(annotator=w["annotator"]).version == 1


def test_an_api_save_creates_and_changes_a_judgement_in_at_most_3_queries(unit_world,
                                                                          django_assert_max_num_queries):
    w = unit_world
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=w['annotator']).key}")
    body = {"claim": w["claim"].pk, "source": w["sources"][1].pk, "label": "alleges"}
    with django_assert_max_num_queries(save_queries()):
        created = api.post("/api/v1/stances/", body, format="json")
    assert created.status_code == 201, created.content
    with django_assert_max_num_queries(save_queries()):
        changed = api.patch(f"/api/v1/stances/{created.json()['id']}/", {"label": "no_comment", "version": 1},
                            format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["version"] == 2
    assert History.objects.filter(annotator=w["annotator"]).count() == 2


def test_an_api_save_works_its_fields_out_from_the_model_once_and_answers_what_it_stored(unit_world,
                                                                                         monkeypatch):
    """The model introspection of the judgement serializer runs once per process, not twice per save;
    each serializer still gets fields of its own (a change makes claim and source read-only, a
    create does not), and the answer is the stored judgement."""
    from rest_framework import serializers as drf

    from annotations.api.serializers import StanceSerializer

    built = []
    introspect = drf.ModelSerializer.get_fields
    monkeypatch.setattr(drf.ModelSerializer, "get_fields", lambda self: built.append(1) or introspect(self))
    monkeypatch.delattr(StanceSerializer, "_fields_from_model", raising=False)
    w = unit_world
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=w['annotator']).key}")
    created = api.post("/api/v1/stances/", {"claim": w["claim"].pk, "source": w["sources"][0].pk,
                                            "label": "alleges", "note": "first"}, format="json")
    assert created.status_code == 201, created.content
    for version, label in enumerate(["denies", "no_comment", "alleges"], start=1):
        changed = api.patch(f"/api/v1/stances/{created.json()['id']}/", {"label": label, "version": version},
                            format="json")
        assert changed.status_code == 200, changed.content
    assert built == [1]
    stored = Stance.objects.get(pk=created.json()["id"])
    assert changed.json() == {"id": stored.pk, "claim": w["claim"].pk, "source": w["sources"][0].pk,
                              "label": "alleges", "note": "first", "version": 4,
                              "created_at": stored.created_at.isoformat().replace("+00:00", "Z"),
                              "updated_at": stored.updated_at.isoformat().replace("+00:00", "Z")}

    change, create = StanceSerializer(stored), StanceSerializer(data={})
    assert change.fields["claim"].read_only and not create.fields["claim"].read_only
    assert change.fields["claim"] is not create.fields["claim"]
    assert change.fields["claim"].parent is change and create.fields["claim"].parent is create


def test_a_change_read_without_a_lock_never_overwrites_a_newer_one(unit_world):
    """The save is a compare-and-set on the version: a stance read before another write lands is refused."""
    w = unit_world
    source = w["sources"][0]
    first = services.stance_record(claim=w["claim"], source=source, annotator=w["annotator"], label="alleges")
    stale = Stance.objects.get(pk=first.pk)  # what a page read before the other tab saved
    services.stance_record(claim=w["claim"], source=source, annotator=w["annotator"], label="denies",
                           expected_version=1)
    with pytest.raises(services.Conflict) as caught:
        services.stance_record(claim=w["claim"], source=source, annotator=w["annotator"], label="no_comment",
                               current=stale, unit_known=True)
    assert caught.value.current.label == "denies" and caught.value.current.version == 2
    assert Stance.objects.get(pk=first.pk).label == "denies"
    assert History.objects.filter(annotator=w["annotator"]).count() == 2


def test_the_rate_limit_counts_each_client_per_window_and_forgets_ended_windows(transactional_db):
    assert [count_hit("user_1", 600) for _ in range(3)] == [1, 2, 3]
    assert count_hit("user_2", 600) == 1  # each client its own count
    assert count_hit("user_1", 660) == 1  # a new window starts at zero …
    assert sorted(ThrottleCount.objects.values_list("client", "window_start")) == [("user_1", 660), ("user_2", 600)]


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_the_tokens_read_counts_each_request_once_in_its_users_window(unit_world):
    w = unit_world
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=w['annotator']).key}")
    client = f"throttle_user_{w['annotator'].pk}"
    ThrottleCount.objects.create(client=client, window_start=0, hits=9)  # an ended window
    for expected in (1, 2, 3):
        assert api.get("/api/v1/projects/").status_code == 200
        (window,) = ThrottleCount.objects.filter(client=client)  # the ended window is gone
        assert window.hits == expected
    # An unknown token counts nothing and is refused as before.
    api.credentials(HTTP_AUTHORIZATION="Token " + "0" * 40)
    assert api.get("/api/v1/projects/").status_code == 401
    assert ThrottleCount.objects.filter(client=client).get().hits == 3
    assert ThrottleCount.objects.count() == 1


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_a_named_tokens_read_counts_its_request_and_a_revoked_or_expired_one_spends_nothing(
        unit_world, django_assert_max_num_queries):
    from annotations.services import tokens

    w = unit_world
    token, key = tokens.token_create(user=w["annotator"], name="script")
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    client = f"throttle_user_{w['annotator'].pk}"
    assert api.get("/api/v1/projects/").status_code == 200  # (notes the token's use: at most once a minute)
    # The token, its user and the rate limit in one statement; then the page's own queries.
    body = {"claim": w["claim"].pk, "source": w["sources"][1].pk, "label": "alleges"}
    with django_assert_max_num_queries(save_queries()):
        assert api.post("/api/v1/stances/", body, format="json").status_code == 201
    assert ThrottleCount.objects.get(client=client).hits == 2
    tokens.token_revoke(token=token)
    assert api.get("/api/v1/projects/").status_code == 401
    expired, expired_key = tokens.token_create(user=w["annotator"], name="old",
                                               expires_at=timezone.now() + timedelta(seconds=1))
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    api.credentials(HTTP_AUTHORIZATION=f"Token {expired_key}")
    assert api.get("/api/v1/projects/").status_code == 401
    assert ThrottleCount.objects.get(client=client).hits == 2  # neither spent its owner's budget
