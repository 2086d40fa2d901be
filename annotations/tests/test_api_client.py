"""Clients a data team would generate: the schema validates, openapi-python-client builds a client
whose every module imports, and that client runs a create / list / conflict round trip over HTTP."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from openapi_spec_validator import validate
from rest_framework.authtoken.models import Token

from annotations.tests.factories import ArticleFactory, ClaimFactory, UnitFactory

pytestmark = pytest.mark.usefixtures("fresh_cache")
PACKAGE = "claimtrack_generated_client"


def _schema(base: str) -> dict:
    request = urllib.request.Request(base + "/api/v1/schema/", headers={"Accept": "application/vnd.oai.openapi+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def _generate(schema: dict, where: Path) -> None:
    (where / "schema.json").write_text(json.dumps(schema))
    bin_dir = Path(sys.executable).parent
    generator = bin_dir / "openapi-python-client"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(
        [str(generator), "generate", "--path", "schema.json", "--meta", "none", "--output-path", PACKAGE],
        cwd=where, env=env, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # A warning means some operation or model was left out of the client.
    assert "Warning" not in done.stdout + done.stderr, done.stdout + done.stderr


def test_a_generated_client_imports_and_round_trips(live_server, project, lead, annotator, tmp_path):
    article = ArticleFactory(project=project)
    unit = UnitFactory(claim=ClaimFactory(article=article))
    schema = _schema(live_server.url)
    validate(schema)  # openapi-spec-validator: raises on any violation of OpenAPI 3.1
    _generate(schema, tmp_path)

    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module(PACKAGE)
        modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(package.__path__, PACKAGE + ".")]
        assert len(modules) > 100
        client_module = importlib.import_module(f"{PACKAGE}.client")
        api = f"{PACKAGE}.api"
        stances_create = importlib.import_module(f"{api}.stances.stances_create")
        stances_list = importlib.import_module(f"{api}.stances.stances_list")
        stances_patch = importlib.import_module(f"{api}.stances.stances_partial_update")
        articles_create = importlib.import_module(f"{api}.articles.articles_create")
        models = importlib.import_module(f"{PACKAGE}.models")

        def client_for(user):
            token = Token.objects.get_or_create(user=user)[0].key
            return client_module.AuthenticatedClient(base_url=live_server.url, token=token, prefix="Token")

        client = client_for(annotator)
        created = stances_create.sync_detailed(
            client=client, body=models.StanceRequest(claim=unit.claim_id, source=unit.source_id, label="alleges"))
        assert created.status_code == 201 and isinstance(created.parsed, models.Stance)
        stance = created.parsed
        assert (stance.label, stance.version) == ("alleges", 1)

        page = stances_list.sync(client=client, page_size=10, ordering=models.StancesListOrdering.UPDATED_AT_DESC)
        assert isinstance(page, models.PaginatedStanceList) and [s.id for s in page.results] == [stance.id]

        stale = stances_patch.sync_detailed(
            stance.id, client=client, body=models.PatchedStanceRequest(label="denies", version=stance.version + 5))
        assert stale.status_code == 409 and isinstance(stale.parsed, models.StanceConflict)
        assert stale.parsed.current.label == "alleges" and stale.parsed.current.version == 1

        bad = stances_list.sync_detailed(client=client, page_size=501)
        assert bad.status_code == 400 and isinstance(bad.parsed, models.ValidationError)
        assert "page_size" in bad.parsed.additional_properties

        made = articles_create.sync_detailed(client=client_for(lead), body=models.ArticleRequest(
            project="huawei", title="Generated", body="Made through the generated client.",
            language=models.LanguageEnum.EN, url=""))
        assert made.status_code == 201 and made.parsed.url == "" and made.parsed.project == "huawei"
        denied = articles_create.sync_detailed(client=client, body=models.ArticleRequest(
            project="huawei", title="No", body="An annotator may not add articles.", language=models.LanguageEnum.EN))
        assert denied.status_code == 403 and isinstance(denied.parsed, models.Error)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
            del sys.modules[name]
