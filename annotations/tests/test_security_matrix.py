"""Every URL × every role × every method answers as `security_matrix` says.

The routes come from Django's resolver, so a page, fragment or endpoint added
tomorrow is in the matrix without anyone editing this file — unless its URL
kwargs are new, and then the test fails asking for them.
"""

from __future__ import annotations

import json

import pytest
from django.db import transaction
from django.test import Client

from annotations.tests import security_matrix as sm

ROUTES = sm.all_routes()


def clients(world) -> dict[str, Client]:
    out = {}
    for role in sm.ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        out[role] = client
    return out


def send(client, route, method, url, body=None, htmx=False) -> tuple[int, str, bytes]:
    """One request whose writes are rolled back, so every request sees the same world."""
    headers = {"HX-Request": "true"} if htmx else {}
    if route.is_api:
        data, ctype = (json.dumps(body) if body is not None else ""), "application/json"
    else:
        data, ctype = "", "application/x-www-form-urlencoded"
    with transaction.atomic():
        try:
            response = client.generic(method, url, data, content_type=ctype, headers=headers)
            content = b"".join(response.streaming_content) if response.streaming else response.content
        except Exception as exc:  # a crash is a finding, reported with the others
            transaction.set_rollback(True)
            return 500, "", repr(exc).encode()
        transaction.set_rollback(True)
    return response.status_code, response.get("Location", ""), content


def test_the_matrix_sees_every_area_of_the_product():
    names = {r.name for r in ROUTES}
    # Pages, their fragments, the API router, exports and the admin are all walked.
    for expected in ("annotations:article", "annotations:unit", "article-detail", "stance-list",
                     "api-export", "admin:index", "healthz"):
        assert expected in names
    assert len(ROUTES) > 100


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=sm.route_id)
def test_route_answers_each_role_as_the_matrix_says(route):
    world = sm.build_world()
    try:
        url, used = sm.fill(route, world)
    except LookupError as exc:
        pytest.fail(str(exc), pytrace=False)
    scoped = sm.is_scoped(route, used)
    by_role = clients(world)
    bodies = sm._bodies(world)
    short = route.name
    methods = ("GET", "POST") if route.is_admin else sm.METHODS
    failures = []
    for method in methods:
        body = bodies.get(short) if method == "POST" else None
        if (route.is_api and method == "POST" and short.endswith("-list") and short not in sm.COLLECTION_POST):
            status, _, _ = send(by_role["lead"], route, method, url)
            if status != 405:
                pytest.fail(f"{route.name} accepts POST: add its body and per-role outcome to BODIES and "
                            "COLLECTION_POST in annotations/tests/security_matrix.py", pytrace=False)
        prober = "annotator" if route.name in sm.OWN_ONLY else "lead"
        variants = [False, True] if (method == "GET" and not route.is_api and not route.is_admin) else [False]
        answers = {(role, htmx): send(by_role[role], route, method, url, body, htmx=htmx)
                   for role in sm.ROLES for htmx in variants}
        supported = answers[(prober, False)][0] != 405
        for (role, htmx), (status, location, content) in answers.items():
            problem = sm.check(route, role, method, status, location, scoped, supported)
            if problem:
                failures.append(f"{method:6} {url} as {role}{' (htmx)' if htmx else ''}: got {status} "
                                f"{location} — expected {problem} {content[:200]!r}")
            if role in ("outsider", "other_lead") and status < 500:
                leaked = [t for t in world.project_tokens if t.encode() in content]
                if leaked:
                    failures.append(f"{method} {url} shows {role} the main project's text {leaked}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_an_unfillable_kwarg_fails_with_a_request_to_extend_the_table():
    world = sm.build_world()
    route = next(r for r in ROUTES if r.name == "annotations:article")
    strange = sm.Route("annotations:strange", "projects/<slug:slug>/things/<int:thing_id>/",
                       (route.parts[0].__class__("projects/<slug:slug>/things/<int:thing_id>/"),), None)
    with pytest.raises(LookupError, match="Add the kwarg"):
        sm.fill(strange, world)


@pytest.mark.django_db
def test_a_staff_member_reaches_the_admin_and_the_roles_do_not(client):
    from django.contrib.auth import get_user_model

    world = sm.build_world()
    staff = get_user_model().objects.create_superuser("sec-staff", "s@example.org", "unused-pass-1")
    client.force_login(staff)
    for model in ("project", "article", "claim", "stance", "resolution", "history"):
        assert client.get(f"/admin/annotations/{model}/").status_code == 200
    client.force_login(world.users["owner"])
    assert client.get("/admin/annotations/stance/").status_code == 302
