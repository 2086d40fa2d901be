"""Schemathesis against the live OpenAPI schema: no server error, no response outside the schema."""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hsettings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "25"))
# This suite covers the endpoints of annotations/api/views.py; review.py's endpoints have their own tests.
MINE = ("/api/v1/auth/", "/api/v1/articles/", "/api/v1/claims/", "/api/v1/sources/", "/api/v1/stances/",
        "/api/v1/projects/")
THEIRS = ("/agreement/", "/disagreements/", "/resolutions/")


@pytest.fixture
def clean_cache():
    # The token endpoint counts failed attempts in the database cache, which outlives tests.
    cache.clear()
    yield
    cache.clear()


def test_api_conforms_to_its_schema(live_server, project, lead, annotator, clean_cache):
    article = ArticleFactory(project=project)
    claim = ClaimFactory(article=article)
    unit = UnitFactory(claim=claim)
    StanceFactory(claim=claim, source=unit.source, annotator=lead)
    SourceFactory()
    headers = {"Authorization": f"Token {Token.objects.create(user=lead).key}"}
    schema = schemathesis.openapi.from_url(
        f"{live_server.url}/api/v1/schema/",
        headers={**headers, "Accept": "application/vnd.oai.openapi+json"},
    )
    operations = [
        result.ok() for result in schema.get_all_operations()
        if result.ok().path.startswith(MINE) and not any(part in result.ok().path for part in THEIRS)
    ]
    # Deletes last, so the other operations still find rows to work on.
    operations.sort(key=lambda op: (op.method.upper() == "DELETE", op.path, op.method))
    assert len(operations) >= 15
    failures = []
    statuses: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @hsettings(
            max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def check(case):
            response = case.call_and_validate(
                base_url=live_server.url, headers=headers,
                checks=[not_a_server_error, response_schema_conformance],
            )
            statuses.append(response.status_code)

        try:
            check()
        except Exception as exc:  # collect every operation's failure, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    # Many requests went out, and some were accepted (not everything bounced as invalid).
    assert len(statuses) >= 5 * len(operations)
    assert sum(200 <= s < 300 for s in statuses) >= len(operations)
    if failures:
        pytest.fail("\n\n".join(failures)[:20000], pytrace=False)
