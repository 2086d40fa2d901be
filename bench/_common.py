"""Shared helpers of the benchmark scripts: environment, databases, Django set-up."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").is_dir() else sys.executable
DEFAULT_SERVER = "postgres://claimtrack:claimtrack@127.0.0.1:5432/"

# Production-like settings on plain http over loopback: DEBUG off, no HTTPS redirects.
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "bench-only-secret-key-not-for-deployment-0123456789abcdef",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SESSION_COOKIE_SECURE": "0",
    "CSRF_COOKIE_SECURE": "0",
    "SECURE_HSTS_SECONDS": "0",
    "AXES_ENABLED": "0",
    "LOG_LEVEL": "ERROR",
}


def database_url(name: str, server: str | None = None) -> str:
    """The URL of database `name` on the server of $DATABASE_URL (or the local default)."""
    base = server or os.environ.get("DATABASE_URL") or DEFAULT_SERVER
    parts = urlsplit(base)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit("The benchmarks run on PostgreSQL: set DATABASE_URL to a postgres:// URL.")
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, "", ""))


def env_for(url: str, **extra: str) -> dict[str, str]:
    env = {**os.environ, **PRODUCTION_ENV, "DATABASE_URL": url, **extra}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def manage(url: str, *args: str, quiet: bool = False) -> str:
    """Run manage.py against the database at `url`; return its output."""
    result = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args], env=env_for(url), cwd=ROOT,
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    if not quiet and result.stdout.strip():
        print(result.stdout.strip())
    return result.stdout


def _name_and_admin(url: str) -> tuple[str, str]:
    """The database's name in `url`, and the URL of the server's `postgres` database to manage it from."""
    parts = urlsplit(url)
    return parts.path.lstrip("/"), urlunsplit(parts._replace(path="/postgres"))


def ensure_database(url: str) -> bool:
    """Create the database if it is missing (True when created)."""
    import psycopg

    name, admin = _name_and_admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
    return True


def drop_database(url: str) -> bool:
    """Drop the database if it exists (True when it did), closing its connections first."""
    import psycopg

    name, admin = _name_and_admin(url)
    with psycopg.connect(admin, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    return True


def prepare(url: str) -> None:
    """Migrate the database, create the cache table and collect static files."""
    ensure_database(url)
    manage(url, "migrate", "--noinput", "-v0", quiet=True)
    manage(url, "createcachetable", quiet=True)
    # DEBUG off serves hashed static names from the manifest: keep it current.
    manage(url, "collectstatic", "--noinput", "-v0", quiet=True)



def ensure_project(url: str, slug: str, articles: int, annotators: int, *options: str) -> None:
    """Prepare the database and fill project `slug` (`manage.py bench_data`, with `options`) when it has none."""
    prepare(url)
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT 1 FROM annotations_project WHERE slug = %s", [slug]).fetchone()
    if row is None:
        print(f"filling {url.rsplit('/', 1)[1]}: bench_data {slug} --articles {articles} --annotators {annotators}")
        manage(url, "bench_data", slug, "--articles", str(articles), "--annotators", str(annotators),
               "--seed", "1", *options)

def setup_django(url: str) -> None:
    """Configure Django in this process against `url`, production-like."""
    os.environ.update({**PRODUCTION_ENV, "DATABASE_URL": url})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "claimtrack.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]



def cpu_snapshot() -> tuple[float, dict[int, tuple[str, float]]]:
    """The machine's busy CPU seconds so far, and each process's command line and CPU seconds
    (user + system). Linux /proc; elsewhere nothing."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except OSError:
        return 0.0, {}
    busy = (sum(fields[:8]) - fields[3] - fields[4]) / ticks  # all but idle and iowait
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        parts = stat[stat.rindex(")") + 2:].split()
        found[int(entry.name)] = (cmdline, (int(parts[11]) + int(parts[12])) / ticks)
    return busy, found


def cpu_share(before, after, seconds: float, groups: list[tuple[str, str]]) -> list[tuple[str, float]]:
    """Cores used between two `cpu_snapshot`s: per group of processes that live throughout (the
    first (name, command line part) a command line contains names its group), and the rest of
    the machine's busy time (PostgreSQL's backends, which come and go, among it)."""
    if not before[1]:
        return []
    used = {name: 0.0 for name, _ in groups}
    for pid, (cmdline, total) in after[1].items():
        name = next((name for name, part in groups if part in cmdline), None)
        if name is not None:
            used[name] += total - before[1].get(pid, (cmdline, 0.0))[1]
    rest = (after[0] - before[0]) - sum(used.values())
    return [(name, spent / seconds) for name, spent in used.items()] + [("the rest", rest / seconds)]
