"""Personas and shared fixtures.

Tests that need PostgreSQL, Chromium or ../shared/ skip on a laptop without them,
but under CI=true their absence fails the run instead.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.core.cache import cache, caches
from django.db import connection

from annotations.models import Membership
from annotations.tests.factories import MembershipFactory, ProjectFactory, UserFactory
from annotations.tests.processes import scratch_database  # noqa: F401 - a fixture for deployment and fault tests

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
SHARED_DIR = Path(__file__).resolve().parents[2].parent / "shared"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def pytest_configure(config):
    """Each test process (pytest-xdist worker) collects static files for the servers its tests start
    into a directory of its own: collectstatic deletes and rewrites every hashed file, and a server
    starting meanwhile in another process would list a file that is gone."""
    root = tempfile.mkdtemp(prefix=f"claimtrack-static-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-")
    os.environ["STATIC_ROOT"] = root
    atexit.register(shutil.rmtree, root, ignore_errors=True)


def skip_or_fail(reason: str):
    """Skip on a developer's machine; fail under CI, where everything must be present."""
    if IN_CI:
        pytest.fail(f"{reason} (required under CI=true)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        skip_or_fail(f"{SHARED_DIR} is absent")
    return SHARED_DIR


@pytest.fixture
def seed_path(shared_dir) -> Path:
    path = shared_dir / "seeds" / "000_e6122cd7ab354781.txt"
    if not path.is_file():
        skip_or_fail(f"{path} is absent")
    return path


@pytest.fixture
def require_postgres(db):
    if connection.vendor != "postgresql":
        skip_or_fail("needs PostgreSQL (set DATABASE_URL)")


@pytest.fixture
def chromium_path() -> str:
    if not (os.path.exists(CHROMIUM) or shutil.which("chromium")):
        skip_or_fail("needs Chromium (apt-get install chromium)")
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")


@pytest.fixture
def project(db):
    return ProjectFactory(slug="huawei", name="Huawei 5G")


def _member(project, username, role):
    user = UserFactory(username=username)
    MembershipFactory(project=project, user=user, role=role)
    return user


@pytest.fixture
def owner(project):
    """A project admin."""
    return _member(project, "owner", Membership.Role.ADMIN)


@pytest.fixture
def lead(project):
    return _member(project, "lead", Membership.Role.LEAD)


@pytest.fixture
def annotator(project):
    return _member(project, "ann1", Membership.Role.ANNOTATOR)


@pytest.fixture
def annotator2(project):
    return _member(project, "ann2", Membership.Role.ANNOTATOR)


@pytest.fixture
def registry_admin(project):
    """Staff: an administrator of the source registry, here also a lead of the project."""
    user = _member(project, "registrar", Membership.Role.LEAD)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    return user


@pytest.fixture
def outsider(db):
    """Authenticated, but a member of no project of these tests."""
    return UserFactory(username="outsider")


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in Dutch leaves its language active in the thread; messages built later must not inherit it."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def fresh_cache(db):
    """An empty cache before and after the test: figures and failed-login counts live there (and the
    rendered fragments of the lead's pages, kept per process)."""
    cache.clear()
    caches["fragments"].clear()
    yield
    cache.clear()
    caches["fragments"].clear()
