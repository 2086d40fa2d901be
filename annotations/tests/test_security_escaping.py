"""No text a user or an imported file supplies ever becomes markup.

Hypothesis builds HTML/JS payloads; they go into project names, article titles,
bodies and outlets, claim texts, source names, roles and aliases, notes and
tracked-claim titles. Every page and fragment (as a lead, who sees the most, and
as an annotator) is parsed with html.parser: an element, attribute or script the
payload brought along is a failure. The article body is rendered through the
offset-based highlighting, so that path is covered too. CSV exports neutralise
formula prefixes.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from annotations.tests import security_matrix as sm
from annotations.tests.test_security_headers import parse

MARK = "zqx"
FRAGMENTS = [
    f"<script>{MARK}()</script>",
    f"<{MARK}-el>",
    f"<img src=x on{MARK}=1 onerror={MARK}()>",
    f'"><svg/onload={MARK}()>',
    f"'><b {MARK}-attr=1>",
    f'" on{MARK}="1',
    f"' on{MARK}='1",
    f"</textarea><{MARK}-t>",
    f"</title><{MARK}-title>",
    f"<!--{MARK}-->",
    f"<a href=javascript:{MARK}()>x</a>",
    f"{{{{ {MARK} }}}}",
    "&lt;&amp;&#x3C;",
    f"<style>{MARK}{{}}</style>",
    f"<iframe src=//{MARK}>",
    f'{{"{MARK}": "</script>"}}',
    "\u202e\u0000".replace("\u0000", ""),
]
payloads = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet="<>\"'&=/ ab", max_size=6)),
    min_size=1, max_size=4,
).map(" ".join)


def injected(content: bytes) -> list[str]:
    """Markup that can only have come from a payload."""
    markup = parse(content)
    found = []
    for tag, attrs in markup.elements:
        if MARK in tag:
            found.append(f"<{tag}>")
        if tag in ("iframe", "object", "embed") or (tag == "img" and "onerror" in attrs):
            found.append(f"<{tag} {attrs}>")
        for name, value in attrs.items():
            if MARK in name or name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action") and (value or "").lower().lstrip().startswith("javascript:"):
                found.append(f"<{tag} {name}={value!r}>")
    found += [f"script {body!r}" for body in markup.inline_scripts]
    return found


def html_answers(client, world):
    for url, htmx, response, content in sm.walk(client, world, api=False, extra=(
        f"/projects/{world.project.slug}/search/?q=minister",
        f"/projects/{world.project.slug}/articles/{world.article.pk}/claims/{world.claim.pk}/sources/?q=Minister",
    )):
        if response.get("Content-Type", "").startswith("text/html"):
            yield f"{url}{' (htmx)' if htmx else ''} [{response.status_code}]", content


def check_world(payload: str, url: str = "", roles=("lead", "annotator")) -> list[str]:
    problems = []
    with transaction.atomic():
        world = sm.build_world(blind=False, payload=payload, url=url)
        for role in roles:
            client = Client()
            client.force_login(world.users[role])
            pages = 0
            for where, content in html_answers(client, world):
                pages += 1
                problems += [f"{role} {where}: {p}" for p in injected(content)]
            assert pages > 10
        transaction.set_rollback(True)
    return problems


@pytest.mark.django_db
@settings(max_examples=3, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(payload=payloads)
def test_payloads_in_every_user_supplied_text_never_become_markup(payload):
    # The lead sees every text (notes included); the annotator's pages are checked with every fragment below.
    problems = check_world(payload, roles=("lead",))
    assert not problems, f"payload {payload!r}:\n" + "\n".join(problems[:30])


@pytest.mark.django_db
def test_every_fragment_at_once_stays_text():
    problems = check_world(" ".join(FRAGMENTS))
    assert not problems, "\n".join(problems[:30])


@pytest.mark.django_db
def test_a_javascript_url_of_an_article_is_never_a_link():
    problems = check_world("plain", url=f"javascript:{MARK}()")
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_highlighting_from_offsets_escapes_the_text_around_and_inside_the_span(client):
    payload = f"<b {MARK}-attr=1>"
    world = sm.build_world(blind=False, payload=payload)
    client.force_login(world.users["annotator"])
    response = client.get(f"/projects/{world.project.slug}/articles/{world.article.pk}/")
    assert response.status_code == 200
    assert not injected(response.content)
    # The text is there, escaped, not dropped.
    assert f"&lt;b {MARK}-attr=1&gt;".encode() in response.content


@pytest.mark.django_db
def test_csv_exports_neutralise_spreadsheet_formulas(client):
    world = sm.build_world(blind=False, payload="=HYPERLINK(\"http://evil.example\")")
    from annotations.models import Source

    Source.objects.filter(pk=world.source.pk).update(name="+cmd|' /C calc'!A0")
    client.force_login(world.users["lead"])
    for layout in ("unit", "judgement"):
        response = client.get(f"/api/v1/projects/{world.project.slug}/export/?format=csv&layout={layout}")
        assert response.status_code == 200
        text = b"".join(response.streaming_content).decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len(rows) > 1
        cells = [cell for row in rows[1:] for cell in row]
        dangerous = [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
        assert not dangerous, dangerous
        assert any(c.startswith("'=HYPERLINK") or c.startswith("'+cmd") for c in cells)
