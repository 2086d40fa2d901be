"""Filters and ordering from the client follow allowlisted fields only.

For every API answer a lead can GET (lists, details, exports, review), lookups
through relations the client picked — up to password hashes — and orderings by
them are ignored or refused: the answer is either a 400 or exactly the
unfiltered one. Two values that would select everything and nothing make a
honoured filter visible.
"""

from __future__ import annotations

import pytest
from django.test import Client

from annotations.tests import security_matrix as sm

RELATIONS = [
    "annotator__password", "user__password", "created_by__password", "resolved_by__password",
    "project__memberships__user__password", "claim__annotator__password",
    "article__project__memberships__user__password", "memberships__user__password", "decided_by__password",
]
VALUES = ["!", "zzz", "pbkdf2_"]


def hostile_queries() -> list[str]:
    queries = []
    for rel in RELATIONS:
        for value in VALUES:
            queries.append(f"{rel}__startswith={value}")
        queries.append(f"{rel}__regex=^zzz")
        queries.append(f"ordering={rel}")
        queries.append(f"ordering=-{rel}")
    queries += ["ordering=password", "search=zzz", "fields=annotator__password", "expand=annotator"]
    return queries


def join(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.django_db
def test_client_chosen_lookups_never_change_an_api_answer():
    world = sm.build_world(blind=False)
    client = Client()
    client.force_login(world.users["lead"])
    extra = [f"/api/v1/projects/{world.project.slug}/export/?format={f}" for f in ("csv", "jsonl")]
    urls = [url for route, url in sm.gettable(world) if route.is_api] + extra
    checked, problems = 0, []
    for url in urls:
        plain = client.get(url)
        if plain.status_code != 200 or "json" not in plain.get("Content-Type", "") and "csv" not in plain.get(
                "Content-Type", ""):
            continue
        if b"/docs/" in url.encode() or b"/schema/" in url.encode():
            continue
        expected = body(plain)
        checked += 1
        for query in hostile_queries():
            response = client.get(join(url, query))
            if response.status_code == 400:
                continue
            if response.status_code != 200 or body(response) != expected:
                problems.append(f"{join(url, query)} → {response.status_code}, not the unfiltered answer")
    assert checked >= 8, checked
    assert not problems, "\n".join(problems[:40])


@pytest.mark.django_db
def test_allowlisted_filters_do_filter_so_the_check_above_can_tell(client):
    world = sm.build_world(blind=False)
    client.force_login(world.users["lead"])
    everything = client.get("/api/v1/claims/").json()["results"]
    assert {c["id"] for c in everything} == {world.claim.pk}
    assert client.get(f"/api/v1/claims/?article={world.article.pk + 1000}").json()["results"] == []
    mine = client.get(f"/api/v1/articles/?project={world.project.slug}").json()["results"]
    assert [a["id"] for a in mine] == [world.article.pk]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/claims/?article={}", "/api/v1/stances/?claim={}", "/api/v1/units/?source={}"])
def test_an_id_no_column_can_hold_names_nothing_on_every_database(client, url):
    """A 25-digit id in a filter answers an empty page (SQLite's driver raised OverflowError: a 500);
    an id that exists still filters."""
    world = sm.build_world(blind=False)
    client.force_login(world.users["lead"])
    for huge in (174088463016563304300544, -(2**63) - 1, 2**63):
        answer = client.get(url.format(huge))
        assert answer.status_code == 200, answer.content[:300]
        assert answer.json()["results"] == []
    assert client.get(f"/api/v1/claims/?article={world.article.pk}").json()["results"]
