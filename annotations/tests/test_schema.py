"""Schemathesis against the live OpenAPI schema: no server error, no response outside the schema.

Every API operation runs with every check that judges the server's answers: server errors, the
response body, status code, content type and headers against the schema, authentication that
is not ignored, unsupported methods. Left out are the two checks that judge requests by the
schema alone (`positive_data_acceptance`, `negative_data_rejection`): an id that names no row or
a label outside the project's set is valid by type and rightly a 400.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.cache import cache
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hsettings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    ignored_auth,
    missing_required_header,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from annotations.tests.factories import ArticleFactory, ClaimFactory, SourceFactory, StanceFactory, UnitFactory

MAX_EXAMPLES = int(os.environ.get("SCHEMATHESIS_MAX_EXAMPLES", "15"))
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance,
          response_headers_conformance, ignored_auth, missing_required_header, unsupported_method]


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
        if result.ok().path.startswith("/api/v1/")
    ]
    # Deletes last, so the other operations still find rows to work on.
    operations.sort(key=lambda op: (op.method.upper() == "DELETE", op.path, op.method))
    assert len(operations) >= 40
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
                checks=CHECKS,
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


def test_api_conforms_to_its_schema_statefully(live_server, project, lead, clean_cache, tmp_path):
    """Schemathesis' stateful phase (its command line, as a data team would run it): calls chained on
    real responses through the links it infers from the schema (create a judgement, then read, change,
    withdraw it …), with every check that judges the server's answers. No server error, no response
    outside the schema, no resource that outlives its deletion."""
    import re
    import subprocess
    import sys
    from pathlib import Path

    article = ArticleFactory(project=project)
    UnitFactory(claim=ClaimFactory(article=article))
    key = Token.objects.create(user=lead).key
    cli = Path(sys.executable).with_name("schemathesis")
    result = subprocess.run(
        [str(cli), "run", f"{live_server.url}/api/v1/schema/", "--url", live_server.url, "--phases", "stateful",
         "--checks", "all", "--exclude-checks", "positive_data_acceptance,negative_data_rejection",
         "--mode", "positive", "-n", os.environ.get("SCHEMATHESIS_STATEFUL_EXAMPLES", "60"), "--seed", "20261204",
         "-H", f"Authorization: Token {key}", "--no-color"],
        capture_output=True, text=True, timeout=900, cwd=tmp_path,  # its cache of answers stays out of the tree
    )
    report = result.stdout[-8000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    scenarios = re.search(r"Scenarios:\s+(\d+)", result.stdout)
    covered = re.search(r"API Links:\s+(\d+) covered", result.stdout)
    assert scenarios and int(scenarios.group(1)) >= 10, report
    assert covered and int(covered.group(1)) >= 1, report  # real chains, not single calls
    assert "No issues found" in result.stdout, report
