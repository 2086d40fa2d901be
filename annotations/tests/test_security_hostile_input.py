"""Hostile values in every form field and query parameter get an answer, never a server error.

Every page route the security matrix knows is posted to with the same hostile value in every
field name the app's forms use (NUL, numbers no column holds, not-a-number, huge text, …), and
every GET route (pages, fragments and API) is asked with hostile query parameters. PostgreSQL
refuses NUL in text, so a value that reaches a query unchecked shows as a 500 here. Each
request's writes are rolled back.
"""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from annotations.tests import security_matrix as sm

FIELDS = ["label", "version", "note", "reason", "claim", "source", "name", "q", "title", "text", "start", "end",
          "kind", "role", "affiliation", "guidelines", "labels", "overlap", "username", "project", "body",
          "language", "url", "rating", "date_published", "claims", "status", "into", "replace", "article",
          "published", "outlet", "events", "active", "format", "member", "user", "next", "cluster", "action",
          "aliases", "annotator", "bom", "create", "dialect", "duplicate", "everywhere", "from", "to", "layout",
          "password", "published_from", "published_to", "blind", "show_suggestions", "secret", "precision"]
VALUES = ["\x00", "x\x00y", "99999999999999999999999", "-99999999999999999999999", "1e309", "NaN", "", " ",
          "a" * 20000, "-1", "2024-13-45", "[]", "\u202e"]
QUERIES = ["page=99999999999999999999999", "page=abc", "after=abc", "after=99999999999999999999999",
           "article=99999999999999999999999", "claim=-99999999999999999999999", "labels=,,,", "status=%00",
           "q=%00", "date_from=2024-13-45", "page_size=100000", "cursor=!!!", "source=1e309", "pairs=all"]


def _server_errors(client, requests) -> list[str]:
    found = []
    for method, url, data, htmx in requests:
        headers = {"HX-Request": "true"} if htmx else {}
        with transaction.atomic():
            if method == "POST":
                answer = client.post(url, data, headers=headers)
            else:
                answer = client.get(url, headers=headers)
                for _chunk in answer.streaming_content if answer.streaming else ():
                    pass  # an error while streaming counts too
            transaction.set_rollback(True)
        if answer.status_code >= 500:
            value = next(iter(data.values()), "") if data else ""
            found.append(f"{answer.status_code} {method} {url} {value[:12]!r} htmx={htmx}")
    return sorted(set(found))


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["annotator", "lead", "owner"])
def test_no_form_value_makes_a_server_error(role):
    world = sm.build_world(blind=True)
    client = Client(raise_request_exception=False)
    client.force_login(world.users[role])
    pages = [url for route, url in sm.gettable(world)
             if not route.is_api and "logout" not in url and "setlang" not in url]
    assert len(pages) > 20
    requests = [("POST", url, dict.fromkeys(FIELDS, value), htmx)
                for url in pages for value in VALUES for htmx in (False, True)]
    assert _server_errors(client, requests) == []


@pytest.mark.django_db
def test_no_query_parameter_makes_a_server_error():
    world = sm.build_world(blind=True)
    client = Client(raise_request_exception=False)
    client.force_login(world.users["lead"])
    requests = [("GET", url + ("&" if "?" in url else "?") + query, {}, htmx)
                for route, url in sm.gettable(world) for query in QUERIES
                for htmx in ((False,) if route.is_api else (False, True))]
    assert len(requests) > 500
    assert _server_errors(client, requests) == []
