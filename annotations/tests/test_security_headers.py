"""CSP and security headers on every page and fragment; production settings.

Every HTML answer of every route (as an annotator and as a lead, whole pages and
htmx fragments) is parsed: no inline script body, no on* handler, no style=""
attribute, scripts only from our own static files — so the enforced CSP never
has to be loosened for them.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from annotations.tests import security_matrix as sm

ROOT = Path(__file__).resolve().parents[2]
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


class Markup(HTMLParser):
    """Collects the tags, attributes and inline script bodies of a document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.inline_scripts: list[str] = []
        self._script: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._script = attributes
            self._body = ""

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        if self._script is not None:
            self._body += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            if self._body.strip() and self._script.get("type") not in DATA_SCRIPT_TYPES:
                self.inline_scripts.append(self._body.strip()[:80])
            self._script = None


def parse(content: bytes) -> Markup:
    parser = Markup()
    parser.feed(content.decode("utf-8", "replace"))
    parser.close()
    return parser


def csp_problems(markup: Markup) -> list[str]:
    problems = [f"inline <script>: {body!r}" for body in markup.inline_scripts]
    for tag, attrs in markup.elements:
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=...> handler")
            if name == "style":
                problems.append(f"<{tag} style={value!r}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and attrs.get("src"):
            src = attrs["src"]
            if not src.startswith("/") or src.startswith("//"):
                problems.append(f"script from {src!r} (only our own origin)")
        if tag in ("iframe", "object", "embed"):
            problems.append(f"<{tag}>")
    return problems


def directives(header: str) -> dict[str, list[str]]:
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0]] = words[1:]
    return out


def header_problems(response) -> list[str]:
    problems = []
    if "Content-Security-Policy-Report-Only" in response and "Content-Security-Policy" not in response:
        problems.append("CSP only reported, not enforced")
    policy = response.get("Content-Security-Policy")
    if not policy:
        return [*problems, "no Content-Security-Policy header"]
    d = directives(policy)
    scripts = d.get("script-src", d.get("default-src", []))
    styles = d.get("style-src", d.get("default-src", []))
    for word in ("'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"):
        if word in scripts:
            problems.append(f"script-src allows {word}")
    if "'unsafe-inline'" in styles:
        problems.append("style-src allows 'unsafe-inline'")
    if d.get("object-src") != ["'none'"]:
        problems.append("object-src is not 'none'")
    if d.get("frame-ancestors") != ["'none'"]:
        problems.append("frame-ancestors is not 'none'")
    if response.get("X-Frame-Options") != "DENY":
        problems.append("X-Frame-Options is not DENY")
    if response.get("X-Content-Type-Options") != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if not response.get("Referrer-Policy"):
        problems.append("no Referrer-Policy")
    return problems


def extra_urls(w) -> tuple[str, ...]:
    slug = w.project.slug
    return (
        f"/projects/{slug}/articles/{w.article.pk}/claims/{w.claim.pk}/sources/?q=Minister",
        f"/projects/{slug}/search/?q=minister",
        "/projects/no-such-project/queue/",  # the 404 page
        f"/projects/{w.other.slug}/queue/",  # another project's 404
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["annotator", "lead", "outsider", "anonymous"])
def test_every_html_answer_is_csp_clean_with_its_headers(role):
    world = sm.build_world()
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    seen_html = 0
    failures = []
    for url, htmx, response, content in sm.walk(client, world, extra=extra_urls(world)):
        where = f"{url}{' (htmx)' if htmx else ''} [{response.status_code}]"
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        seen_html += 1
        failures += [f"{where}: {p}" for p in header_problems(response)]
        failures += [f"{where}: {p}" for p in csp_problems(parse(content))]
    assert seen_html > 10
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_the_admin_and_login_pages_are_served_under_the_policy(client):
    from django.contrib.auth import get_user_model

    for url in ("/accounts/login/", "/admin/login/"):
        response = client.get(url)
        assert not header_problems(response), url
    staff = get_user_model().objects.create_superuser("sec-staff", "s@example.org", "unused-pass-1")
    client.force_login(staff)
    response = client.get("/admin/annotations/claim/")
    assert response.status_code == 200
    assert not header_problems(response)


@pytest.mark.django_db
def test_pages_configure_htmx_without_eval_or_injected_styles(client):
    import json

    world = sm.build_world()
    client.force_login(world.users["annotator"])
    response = client.get(f"/projects/{world.project.slug}/articles/{world.article.pk}/")
    assert response.status_code == 200
    metas = [a for t, a in parse(response.content).elements if t == "meta" and a.get("name") == "htmx-config"]
    assert len(metas) == 1
    config = json.loads(metas[0]["content"])
    assert config["allowEval"] is False
    assert config["includeIndicatorStyles"] is False
    assert config["selfRequestsOnly"] is True
    assert config.get("allowScriptTags") is False
    scripts = [a["src"] for t, a in parse(response.content).elements if t == "script"]
    assert any("htmx-2.0.11.min.js" in s for s in scripts)


def test_csp_middleware_enforces_rather_than_reports():
    assert "csp.middleware.CSPMiddleware" in settings.MIDDLEWARE
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]
    assert not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)


def _production_settings(extra: dict | None = None) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({k: getattr(s, k) for k in ('DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
        "'SESSION_COOKIE_HTTPONLY', 'SECURE_SSL_REDIRECT', 'SECURE_HSTS_SECONDS', 'SECURE_HSTS_INCLUDE_SUBDOMAINS', "
        "'X_FRAME_OPTIONS', 'SECURE_REFERRER_POLICY', 'SECURE_CONTENT_TYPE_NOSNIFF', 'ALLOWED_HOSTS')}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "SESSION_COOKIE_SECURE",
                                                          "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT",
                                                          "SECURE_HSTS_SECONDS", "ALLOWED_HOSTS"}}
    env.update(DJANGO_SETTINGS_MODULE="claimtrack.settings", SECRET_KEY=secrets.token_urlsafe(50))
    env.update(extra or {})
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout)


def test_production_mode_has_secure_cookies_hsts_and_ssl_redirect():
    s = _production_settings()
    assert s["DEBUG"] is False
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"] and s["SESSION_COOKIE_HTTPONLY"]
    assert s["SECURE_SSL_REDIRECT"]
    assert s["SECURE_HSTS_SECONDS"] >= 31536000 and s["SECURE_HSTS_INCLUDE_SUBDOMAINS"]
    assert s["X_FRAME_OPTIONS"] == "DENY" and s["SECURE_REFERRER_POLICY"] and s["SECURE_CONTENT_TYPE_NOSNIFF"]
    assert s["ALLOWED_HOSTS"] == []  # nothing is served until the operator names the host


def test_the_development_key_is_never_used_outside_debug():
    # The fallback key exists for DEBUG and the test run only; production refuses to start without one
    # (test_commands.test_no_secret_key_outside_debug_is_refused), and no real-looking key is in the source.
    source = (ROOT / "claimtrack" / "settings.py").read_text()
    assert "insecure-development-key-do-not-deploy" in source
    env_example = ROOT / ".env.example"
    if env_example.exists():
        for line in env_example.read_text().splitlines():
            if line.startswith("SECRET_KEY="):
                value = line.split("=", 1)[1].strip()
                assert value == "" or "change" in value.lower() or "insecure" in value.lower(), line


@pytest.mark.django_db
def test_session_cookie_is_http_only_and_csrf_cookie_is_same_site(client):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("sec-cookie", password="a-long-enough-password-1")
    response = client.post("/accounts/login/", {"username": user.username, "password": "a-long-enough-password-1"})
    assert response.status_code == 302
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"]
    assert session["samesite"] in ("Lax", "Strict")


@pytest.mark.django_db
def test_static_files_are_served_without_leaking_anything_else(client):
    assert client.get("/static/js/keyboard.js").status_code == 200
    for probe in ("/static/../claimtrack/settings.py", "/static/%2e%2e/claimtrack/settings.py",
                  "/static/", "/static/js/", "/.env", "/.git/config"):
        response = client.get(probe)
        assert response.status_code in (302, 404), probe
        assert b"SECRET_KEY" not in response.content


def test_our_javascript_never_evaluates_strings_or_writes_raw_html():
    offenders = []
    for path in sorted((ROOT / "static" / "js").glob("*.js")):
        text = path.read_text()
        for needle in ("eval(", "new Function(", "setTimeout(\"", "setTimeout('", "setInterval(\"",
                       "document.write(", "insertAdjacentHTML(", "outerHTML =", ".innerHTML ="):
            if needle in text:
                offenders.append(f"{path.name}: {needle}")
    assert not offenders, offenders
