"""The source registry has an owner: members see their projects' sources, its administrators edit.

Project A is `huawei` (lead, ann1); project B is `other` (its own lead and annotator).
A source heard only in B is none of A's business: not listed, not found, not editable.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.api.views import SourceViewSet
from annotations.models import History, Membership, Project, Source, Unit
from annotations.tests.factories import (
    ArticleFactory,
    ClaimFactory,
    MembershipFactory,
    SourceFactory,
    UserFactory,
    heard_in,
)
from annotations.tests.http import api_call

pytestmark = pytest.mark.usefixtures("fresh_cache")  # token throttling counts live in the cache


@pytest.fixture
def world(project, lead, annotator):
    other = Project.objects.create(slug="other", name="Other")
    b_lead = UserFactory(username="b-lead")
    MembershipFactory(project=other, user=b_lead, role=Membership.Role.LEAD)
    org = SourceFactory(name="VodafoneZiggo", kind="organisation")
    shared = SourceFactory(name="René Loman", role="woordvoerder", affiliation=org)
    a_only = SourceFactory(name="AIVD", kind="government")
    b_only = SourceFactory(name="Geheime Bron", role="informant", aliases=["De Bron"])
    b_person = SourceFactory(name="Anna Geheim", affiliation=org)
    heard_in(project, org, shared, a_only)
    heard_in(other, shared, b_only, b_person)
    return {"other": other, "b_lead": b_lead, "org": org, "shared": shared, "a_only": a_only, "b_only": b_only,
            "b_person": b_person}


def _names(base, user, query=""):
    status, body = api_call(base, f"/api/v1/sources/{query}", user)
    assert status == 200, body
    return sorted(s["name"] for s in body["results"])


# --- Who edits ------------------------------------------------------------------------------------


def test_a_lead_of_a_cannot_rename_a_source_heard_only_in_b(live_server, world, lead, client):
    b_only, shared = world["b_only"], world["shared"]
    status, _ = api_call(live_server.url, f"/api/v1/sources/{b_only.pk}/", lead, "PATCH", {"name": "Renamed"})
    assert status == 404  # not even found
    status, body = api_call(live_server.url, f"/api/v1/sources/{shared.pk}/", lead, "PATCH", {"name": "Renamed"})
    assert status == 403 and "only its administrators" in body["detail"]
    client.force_login(lead)
    url = reverse("annotations:source-aliases", args=["huawei", b_only.pk])
    assert client.post(url, {"aliases": "Renamed"}).status_code == 404
    b_only.refresh_from_db()
    shared.refresh_from_db()
    assert (b_only.name, b_only.aliases, shared.name) == ("Geheime Bron", ["De Bron"], "René Loman")
    assert not History.objects.filter(source__in=[b_only, shared]).exists()


def test_a_registry_admin_edit_is_kept_in_history(live_server, world, registry_admin):
    shared, org = world["shared"], world["org"]
    status, body = api_call(live_server.url, f"/api/v1/sources/{shared.pk}/", registry_admin, "PATCH",
                            {"name": "René Loman-Smit", "role": "woordvoerder", "affiliation": None})
    assert status == 200, body
    assert (body["name"], body["affiliation"]) == ("René Loman-Smit", None)
    rows = History.objects.filter(kind="source", source=shared).order_by("reason")
    assert [(r.action, r.reason, r.old_note, r.new_note, r.actor, r.via, r.claim) for r in rows] == [
        ("update", "affiliation", str(org.pk), "", registry_admin, "api", None),
        ("update", "name", "René Loman", "René Loman-Smit", registry_admin, "api", None),
    ]  # the unchanged role wrote nothing
    shared.refresh_from_db()
    assert shared.normalized_name == "rene loman smit"


def test_a_registry_admin_edit_in_the_django_admin_is_kept_in_history(client, world, registry_admin):
    registry_admin.is_superuser = True
    registry_admin.save(update_fields=["is_superuser"])
    a_only = world["a_only"]
    client.force_login(registry_admin)
    url = reverse("admin:annotations_source_change", args=[a_only.pk])
    response = client.post(url, {
        "name": "AIVD (inlichtingendienst)", "kind": "government", "affiliation": "", "role": "",
        "aliases": "[]", "created_at_0": "2026-01-01", "created_at_1": "10:00:00",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    row = History.objects.get(kind="source", source=a_only)
    assert (row.reason, row.old_note, row.new_note, row.via) == ("name", "AIVD", "AIVD (inlichtingendienst)", "admin")


# --- Who sees ------------------------------------------------------------------------------------


def test_members_of_a_do_not_see_b_only_sources_in_the_api(live_server, world, annotator, lead, registry_admin):
    b_only = world["b_only"]
    # An organisation heard nowhere is seen where someone heard in A speaks for it.
    kpn = SourceFactory(name="KPN", kind="organisation")
    heard_in(Project.objects.get(slug="huawei"), SourceFactory(name="Woordvoerder KPN", affiliation=kpn))
    seen_in_a = ["AIVD", "KPN", "René Loman", "VodafoneZiggo", "Woordvoerder KPN"]
    assert _names(live_server.url, annotator) == seen_in_a
    assert _names(live_server.url, lead, "?name=geheim") == []
    assert api_call(live_server.url, f"/api/v1/sources/{b_only.pk}/", annotator)[0] == 404
    assert "Geheime Bron" in _names(live_server.url, world["b_lead"])
    assert "Geheime Bron" in _names(live_server.url, registry_admin)
    # Nor can a B-only source be judged or named as an affiliation from A by its number.
    claim = Unit.objects.filter(claim__article__project__slug="huawei").first().claim
    status, body = api_call(live_server.url, "/api/v1/stances/", annotator, "POST",
                            {"claim": claim.pk, "source": b_only.pk, "label": "alleges"})
    assert status == 400 and "source" in body
    status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST",
                            {"name": "Iemand", "affiliation": b_only.pk})
    assert status == 400 and "affiliation" in body


def _add_source_page(client, project, user):
    """Log in and give a fresh claim of the project with the URL of its add-a-source form."""
    claim = ClaimFactory(article=ArticleFactory(project=project))
    client.force_login(user)
    return claim, reverse("annotations:source-add", args=[project.slug, claim.article_id, claim.pk])


def test_members_of_a_do_not_see_b_only_sources_on_pages(client, world, annotator, project):
    b_only, org = world["b_only"], world["org"]
    claim, url = _add_source_page(client, project, annotator)
    # The add-a-source typeahead (fragment and page) and the search page.
    for query in ("geheim", "bron", "anna"):
        fragment = client.get(url, {"q": query}, headers={"HX-Request": "true",
                                                          "HX-Target": f"source-results-{claim.pk}"})
        assert fragment.status_code == 200
        assert "data-source=" not in fragment.content.decode(), query
        page = client.get(url, {"q": query}).content.decode()
        assert "Geheime Bron" not in page and "Anna Geheim" not in page
        search = client.get(reverse("annotations:search", args=["huawei"]), {"q": query}).content.decode()
        assert "Geheime Bron" not in search and "Anna Geheim" not in search
    assert "VodafoneZiggo" in client.get(url, {"q": "vodaf"}).content.decode()
    # Picking it by number is refused; its page is not found; the organisation's page lists A's people only.
    response = client.post(url, {"source": b_only.pk})
    assert response.status_code == 400
    assert not Unit.objects.filter(claim=claim).exists()
    assert client.get(reverse("annotations:source-detail", args=["huawei", b_only.pk])).status_code == 404
    org_page = client.get(reverse("annotations:source-detail", args=["huawei", org.pk])).content.decode()
    assert "René Loman" in org_page and "Anna Geheim" not in org_page


@pytest.mark.parametrize("size", [3, 60])
def test_api_list_of_visible_sources_costs_a_constant_number_of_queries(
    world, annotator, project, size, django_assert_max_num_queries
):
    heard_in(project, *(SourceFactory(name=f"Minister {i}") for i in range(size)))
    heard_in(world["other"], *(SourceFactory(name=f"Elsewhere {i}") for i in range(size)))
    client = APIClient()
    client.force_authenticate(annotator)
    # 6 for the user throttle in the database cache, 1 membership check, 1 page (visibility inside it).
    with django_assert_max_num_queries(8):
        response = client.get("/api/v1/sources/?ordering=name")
    names = [s["name"] for s in response.json()["results"]]
    assert len(names) == size + 3 and not any(n.startswith("Elsewhere") for n in names)


# --- Adding sources ------------------------------------------------------------------------------


def test_adding_a_name_already_seen_answers_with_that_source(live_server, world, annotator):
    shared = world["shared"]
    before = Source.objects.count()
    for spelling in ("René Loman", "  rene   LOMAN ", "RENÉ LOMAN."):
        status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST", {"name": spelling})
        assert (status, body["id"], body["name"]) == (200, shared.pk, "René Loman"), spelling
    # A fuzzing run repeating one junk name leaves one source, not forty.
    for _ in range(40):
        status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST", {"name": "zzz junk"})
        assert status in (200, 201)
    assert Source.objects.filter(normalized_name="zzz junk").count() == 1
    assert Source.objects.count() == before + 1
    assert History.objects.filter(kind="source", action="create", actor=annotator).count() == 1


def test_a_distinct_role_or_affiliation_creates_a_second_source(live_server, world, annotator):
    shared, org = world["shared"], world["org"]
    status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST",
                            {"name": "René Loman", "role": "woordvoerder", "affiliation": org.pk})
    assert (status, body["id"]) == (200, shared.pk)  # the same role and affiliation: the same person
    status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST",
                            {"name": "René Loman", "kind": "person", "role": "minister"})
    assert status == 201, body
    second = body["id"]
    assert second != shared.pk
    status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST",
                            {"name": "rene loman", "role": "Minister"})
    assert (status, body["id"]) == (200, second)
    created = History.objects.get(kind="source", action="create", source_id=second)
    assert (created.actor, created.via, created.new_note) == (annotator, "api", "René Loman, minister")


def test_a_name_heard_only_elsewhere_is_not_revealed_by_adding_it(live_server, world, annotator):
    b_only = world["b_only"]
    status, body = api_call(live_server.url, "/api/v1/sources/", annotator, "POST", {"name": "geheime bron"})
    assert status == 201
    assert body["id"] != b_only.pk and body["role"] == "" and body["aliases"] == []


def test_the_annotation_page_adds_a_source_through_the_same_rule(client, world, annotator, project):
    shared, b_only = world["shared"], world["b_only"]
    claim, url = _add_source_page(client, project, annotator)
    prefix = f"new-{claim.pk}-"
    before = Source.objects.count()
    client.post(url, {prefix + "name": "rené loman", prefix + "kind": "person"})
    assert Unit.objects.get(claim=claim).source == shared
    assert Source.objects.count() == before
    # B's source of that name is not handed to A: a new one is made, in History.
    client.post(url, {prefix + "name": "Geheime Bron", prefix + "kind": "person"})
    made = Unit.objects.get(claim=claim, source__name="Geheime Bron").source
    assert made.pk != b_only.pk and made.created_by == annotator
    assert History.objects.filter(kind="source", action="create", source=made, via="page").exists()
    # A name with no letters or digits is refused with a message, not a server error.
    response = client.post(url, {prefix + "name": "?!", prefix + "kind": "person"})
    assert response.status_code == 400 and "Give the source a name" in response.content.decode()


def test_concurrent_adds_of_one_new_name_make_one_source(live_server, world, annotator, require_postgres):
    """Eight clients add the same new name at once: one creates it, the others are answered with it."""
    from concurrent.futures import ThreadPoolExecutor

    from rest_framework.authtoken.models import Token

    Token.objects.get_or_create(user=annotator)  # made before the threads race for it

    def add(_):
        return api_call(live_server.url, "/api/v1/sources/", annotator, "POST", {"name": "Brand New Speaker"})

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(add, range(8)))
    assert sorted(status for status, _ in answers) == [200] * 7 + [201]
    assert len({body["id"] for _, body in answers}) == 1
    assert Source.objects.filter(normalized_name="brand new speaker").count() == 1


def test_the_database_keeps_which_projects_hear_a_source(world, project, annotator):
    """Units written in bulk or moved by a plain UPDATE make their source visible, without Python."""
    quiet, moved_to = SourceFactory(name="Bulk Spreker"), SourceFactory(name="Verplaatste Spreker")
    assert not Source.objects.visible_to(annotator).filter(pk__in=[quiet.pk, moved_to.pk]).exists()
    claim = ClaimFactory(article=ArticleFactory(project=project))
    Unit.objects.bulk_create([Unit(claim=claim, source=quiet, origin="extracted")])
    other_claim = ClaimFactory(article=ArticleFactory(project=world["other"]))
    unit = Unit.objects.create(claim=other_claim, source=world["b_only"], origin="extracted")
    assert not Source.objects.visible_to(annotator).filter(pk=moved_to.pk).exists()
    Unit.objects.filter(pk=unit.pk).update(source=moved_to, claim=ClaimFactory(article=ArticleFactory(project=project)))
    visible = set(Source.objects.visible_to(annotator).values_list("name", flat=True))
    assert {"Bulk Spreker", "Verplaatste Spreker"} <= visible and "Geheime Bron" not in visible


def test_the_rule_asked_of_each_source_sees_exactly_what_the_sets_see(world, annotator, lead, registry_admin):
    """`visible_to_each` (one source looked up by id: a judgement's source, an organisation, the page's
    pick) is `visible_to`'s rule asked per source: the same sources for every kind of caller."""
    own_unused = SourceFactory(name="Nobody's yet", created_by=annotator)
    SourceFactory(name="Someone else's unused", created_by=world["b_lead"])
    speaker = SourceFactory(name="Spreker", affiliation=SourceFactory(name="Ministerie"))  # heard nowhere
    for user in (annotator, lead, world["b_lead"], registry_admin, AnonymousUser(), UserFactory(username="nobody")):
        sets = set(Source.objects.visible_to(user).values_list("pk", flat=True))
        each = set(Source.objects.visible_to_each(user).values_list("pk", flat=True))
        assert each == sets, user
        for source in Source.objects.all():
            assert Source.objects.visible_to_each(user).filter(pk=source.pk).exists() == (source.pk in sets)
    assert {world["org"].pk, world["shared"].pk, world["a_only"].pk, own_unused.pk} <= set(
        Source.objects.visible_to_each(annotator).values_list("pk", flat=True))
    assert not Source.objects.visible_to_each(annotator).filter(pk__in=[world["b_only"].pk, speaker.pk]).exists()


def test_the_registry_walked_in_id_order_sees_exactly_what_the_sets_see(
        world, annotator, lead, registry_admin, require_postgres, monkeypatch):
    """The API's list, a page forward in id order, walks the registry asking each source
    (`visible_to_in_id_order`) for up to `WALK_WINDOW` sources, then takes the sets: the same sources
    in the same order as `visible_to` for every kind of caller, a page at a time, with any filter."""
    SourceFactory(name="Nobody's yet", created_by=annotator)
    SourceFactory(name="Someone else's unused", created_by=world["b_lead"])
    SourceFactory(name="Spreker", affiliation=SourceFactory(name="Ministerie"))  # heard nowhere
    for user in (annotator, lead, world["b_lead"], registry_admin, UserFactory(username="nobody")):
        sets = list(Source.objects.visible_to(user).order_by("id").values_list("pk", flat=True))
        walked = list(Source.objects.visible_to_in_id_order(user).order_by("id").values_list("pk", flat=True))
        assert walked == sets, user
        # A window of 1, 2, 3 ... sources: the walk fills a page, or the sets take over.
        client = APIClient()
        client.force_authenticate(user)
        if client.get("/api/v1/sources/").status_code == 403:  # a member of no project
            assert sets == []
            continue
        for window in (1, 2, 3, 1000):
            for size in (1, 2, 500):
                monkeypatch.setattr(SourceViewSet, "WALK_WINDOW", window)
                seen, url = [], f"/api/v1/sources/?page_size={size}"
                with CaptureQueriesContext(connection) as queries:
                    while url:
                        body = client.get(url).json()
                        seen += [s["id"] for s in body["results"]]
                        url = body["next"]
                assert seen == [pk for pk in sets if not Source.objects.get(pk=pk).merged_into_id], (user, window, size)
                if window == 1000 and user is not registry_admin and sets:
                    assert any("OFFSET 0" in q["sql"] for q in queries.captured_queries)
        kinds = [s["name"] for s in client.get("/api/v1/sources/?kind=government").json()["results"]]
        assert kinds == list(Source.objects.visible_to(user).filter(kind="government").order_by("id").values_list(
            "name", flat=True))
