"""Every unsafe request made with a session needs its CSRF token; token-auth API calls do not.

The routes come from the resolver (see `security_matrix`): each POST/PUT/PATCH/
DELETE a view supports is sent by a logged-in lead with CSRF checks on, once
without the token (403) and once with it (anything but 403).
"""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

from annotations.models import Stance
from annotations.tests import security_matrix as sm
from annotations.tests.test_security_matrix import send

# Needs no CSRF token, by design: it takes credentials in the body and sets no cookie.
# The API catch-all answers 404 to every method and changes nothing.
CSRF_EXEMPT = {"api-token", "api-not-found"}


def csrf_client(user) -> tuple[Client, str]:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    client.get("/accounts/login/")  # the page sets the CSRF cookie
    return client, client.cookies["csrftoken"].value


def send_with(client, route, method, url, body, token):
    if token:
        client.defaults["HTTP_X_CSRFTOKEN"] = token
    else:
        client.defaults.pop("HTTP_X_CSRFTOKEN", None)
    return send(client, route, method, url, body)


@pytest.mark.django_db
def test_every_unsafe_method_refuses_a_session_request_without_its_csrf_token():
    world = sm.build_world()
    bodies = sm._bodies(world)
    clients = {role: csrf_client(world.users[role]) for role in ("lead", "annotator", "anonymous")}
    checked, problems = 0, []
    for route in sm.all_routes():
        if route.is_admin and route.name != "admin:login":
            continue
        url, _ = sm.fill(route, world)
        role = "annotator" if route.name in sm.OWN_ONLY else "lead"
        if route.name == "login":
            role = "anonymous"
        client, token = clients[role]
        for method in sm.UNSAFE:
            body = bodies.get(route.name) if method == "POST" else None
            with_token = send_with(client, route, method, url, body, token)[0]
            if with_token == 405:
                continue
            without = send_with(client, route, method, url, body, None)
            checked += 1
            if route.name in CSRF_EXEMPT:
                continue
            # DRF answers a session request that fails its CSRF check as unauthenticated (401) or 403.
            if without[0] not in ((401, 403) if route.is_api else (403,)):
                problems.append(f"{method} {url} as {role} without CSRF token: {without[0]} (expected 403)")
            if with_token == 403:
                problems.append(f"{method} {url} as {role} with its CSRF token: 403")
    assert checked > 20, checked
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_token_authenticated_api_writes_need_no_csrf_token():
    world = sm.build_world()
    client = Client(enforce_csrf_checks=True)
    key = Token.objects.create(user=world.users["annotator"]).key
    response = client.post("/api/v1/stances/", {"claim": world.claim.pk, "source": world.fresh_source.pk,
                                                "label": "denies"},
                           content_type="application/json", headers={"Authorization": f"Token {key}"})
    assert response.status_code == 201, response.content
    assert Stance.objects.filter(annotator=world.users["annotator"], source=world.fresh_source).exists()


@pytest.mark.django_db
def test_the_page_hands_htmx_its_csrf_token():
    world = sm.build_world()
    client, token = csrf_client(world.users["annotator"])
    page = client.get(f"/projects/{world.project.slug}/articles/{world.article.pk}/")
    assert b'hx-headers=\'{"X-CSRFToken": "' in page.content
    url = f"/projects/{world.project.slug}/articles/{world.article.pk}/units/{world.claim.pk}-{world.source.pk}/"
    mine = Stance.objects.filter(annotator=world.users["annotator"], source=world.source)
    refused = client.post(url, {"label": "denies", "version": "1"}, headers={"HX-Request": "true"})
    assert refused.status_code == 403
    assert mine.get().label == "alleges"
    saved = client.post(url, {"label": "denies", "version": "1"},
                        headers={"HX-Request": "true", "X-CSRFToken": token})
    assert saved.status_code == 200
    assert mine.get().label == "denies"
