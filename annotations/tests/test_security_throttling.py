"""Failed logins lock out per user and address; the API throttles per token; both say why."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

PASSWORD = "a-long-enough-password-1"


@pytest.fixture
def maria(db):
    return get_user_model().objects.create_user("maria", password=PASSWORD)


def login(client, username, password, address="10.0.0.1"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_failed_logins_lock_the_user_at_that_address_with_a_clear_page(maria):
    client = Client()
    limit = settings.AXES_FAILURE_LIMIT
    assert 3 <= limit <= 10
    for _ in range(limit - 1):
        response = login(client, "maria", "wrong")
        assert response.status_code == 200  # the form again, with its error
    locked = login(client, "maria", "wrong")
    assert locked.status_code in (403, 429)
    assert b"Too many failed logins" in locked.content
    assert b"15 minutes" in locked.content
    # Even the right password is refused while locked, from that address.
    again = login(client, "maria", PASSWORD)
    assert again.status_code in (403, 429) and "_auth_user_id" not in client.session
    # The same user from another address, and another user from this one, still log in.
    assert login(Client(), "maria", PASSWORD, address="10.0.0.2").status_code == 302
    get_user_model().objects.create_user("jan", password=PASSWORD)
    assert login(Client(), "jan", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_success_before_the_limit_resets_the_count(maria):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        login(client, "maria", "wrong")
    assert login(client, "maria", PASSWORD).status_code == 302
    fresh = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(fresh, "maria", "wrong").status_code == 200


@pytest.mark.django_db
def test_the_api_throttles_each_token_with_a_clear_429(monkeypatch, maria):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/minute", "anon": "2/minute"})
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"user": "3/minute", "anon": "2/minute"})
    # Half a minute into a window: the four requests share it, whenever the test runs, and the
    # answer says how long is left (30 seconds; in a window's last second it said "1 second").
    from types import SimpleNamespace

    from annotations.api import throttling

    monkeypatch.setattr(throttling, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))
    cache.clear()
    other = get_user_model().objects.create_user("jan")
    client = Client()
    mine = {"Authorization": f"Token {Token.objects.create(user=maria).key}"}
    theirs = {"Authorization": f"Token {Token.objects.create(user=other).key}"}
    for _ in range(3):
        assert client.get("/api/v1/projects/", headers=mine).status_code == 200
    refused = client.get("/api/v1/projects/", headers=mine)
    assert refused.status_code == 429
    assert "throttled" in refused.json()["detail"] and "30 seconds" in refused.json()["detail"]
    assert int(refused["Retry-After"]) == 30
    # Another token has its own budget.
    assert client.get("/api/v1/projects/", headers=theirs).status_code == 200
    cache.clear()


@pytest.mark.django_db
def test_the_token_endpoint_stops_guessing_with_a_clear_429(maria):
    cache.clear()
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/api/v1/auth/token/", {"username": "maria", "password": "wrong"},
                               content_type="application/json")
        assert response.status_code == 400
    # The failure that reaches the limit is answered with the lock-out, as on the login page.
    locked = client.post("/api/v1/auth/token/", {"username": "maria", "password": "wrong"},
                         content_type="application/json")
    assert locked.status_code == 429
    refused = client.post("/api/v1/auth/token/", {"username": "maria", "password": PASSWORD},
                          content_type="application/json")
    assert refused.status_code == 429
    assert "Too many failed attempts" in refused.json()["detail"]
    assert not Token.objects.filter(user=maria).exists()
    cache.clear()


@pytest.mark.django_db
def test_the_token_endpoint_locks_out_per_user_and_address_like_the_login_page(maria):
    """Guessing one user's password from one address must not lock that user out elsewhere,
    nor lock other users out at that address (behind a proxy: everyone)."""
    jan = get_user_model().objects.create_user("jan", password=PASSWORD)

    def token(username, password, address):
        return Client().post("/api/v1/auth/token/", {"username": username, "password": password},
                             content_type="application/json", REMOTE_ADDR=address)

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert token("maria", "wrong", "10.0.0.66").status_code == 400
    assert token("maria", "wrong", "10.0.0.66").status_code == 429
    refused = token("maria", PASSWORD, "10.0.0.66")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Too many failed attempts" in refused.json()["detail"]
    # The same rule as the page: the page login is locked for maria at that address too.
    assert login(Client(), "maria", PASSWORD, address="10.0.0.66").status_code in (403, 429)
    # maria elsewhere, and jan at the attacker's address, get their tokens.
    assert token("maria", PASSWORD, "10.0.0.7").status_code == 200
    assert token("jan", PASSWORD, "10.0.0.66").json() == {"token": Token.objects.get(user=jan).key}
    # A success before the limit starts the count again, as on the page.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        token("jan", "wrong", "10.0.0.8")
    assert token("jan", PASSWORD, "10.0.0.8").status_code == 200
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert token("jan", "wrong", "10.0.0.8").status_code == 400
    assert token("jan", PASSWORD, "10.0.0.8").status_code == 200
