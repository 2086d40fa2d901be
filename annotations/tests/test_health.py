import pytest
from django.db import DatabaseError


@pytest.mark.django_db
def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_reports_a_dead_database(client, monkeypatch):
    from annotations import health

    class Broken:
        def __enter__(self):
            raise DatabaseError("gone")

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(health.connection, "cursor", lambda: Broken())
    response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
def test_login_page_renders(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert b'name="username"' in response.content
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_pages_need_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/sources/1/timeline/?project=a%00b", "/projects/x%00y/queue/", "/?q%00=1"])
def test_a_nul_character_in_the_url_is_a_clear_400(client, url):
    from annotations.tests.factories import UserFactory

    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]
