"""Real processes for deployment and fault tests: scratch databases, servers, workers, HTTP.

Each scratch database is created empty on the test's PostgreSQL server and dropped after.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "test-only-key-with-enough-length-and-variety-0123456789-abcdefghij",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "AXES_ENABLED": "1",
    "LOG_LEVEL": "WARNING",
}


def server_url() -> str:
    """postgres://user:pass@host:port/ of the test database's server (no database name)."""
    p = connection.settings_dict
    return f"postgres://{p['USER']}:{p['PASSWORD']}@{p['HOST'] or '127.0.0.1'}:{p['PORT'] or 5432}/"


def child_env(database_url: str, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "DJANGO_SETTINGS"))}
    env.pop("DEBUG", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests in this process; never in production
    return {**env, **PRODUCTION_ENV, "DATABASE_URL": database_url, **extra}


@pytest.fixture
def scratch_database(require_postgres):
    """make(label) -> URL of a new, empty database; all are dropped after the test."""
    base = server_url()
    names: list[str] = []

    def make(label: str) -> str:
        name = f"ct_{label}_{os.getpid()}"
        with psycopg.connect(base + "postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"')
        names.append(name)
        return base + name

    yield make
    with psycopg.connect(base + "postgres", autocommit=True) as conn:
        for name in names:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(args: list[str], env: dict, timeout: float = 300, python: str = PYTHON, cwd: Path = ROOT):
    out = subprocess.run([python, "manage.py", *args], cwd=cwd, env=env, capture_output=True, text=True,
                         timeout=timeout)
    assert out.returncode == 0, f"manage.py {' '.join(args)}:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out.stdout


def start(args: list[str], env: dict, cwd: Path = ROOT, log: Path | None = None) -> subprocess.Popen:
    """Start a process in its own process group (so signals reach it and its children only)."""
    stream = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115 - closed with the process
    return subprocess.Popen(args, cwd=cwd, env=env, stdout=stream, stderr=subprocess.STDOUT, start_new_session=True,
                            preexec_fn=_terminal_signals)


def _terminal_signals() -> None:
    # A test runner started in the background ignores SIGINT and SIGQUIT, and children inherit
    # that; a terminal's process does not. Ctrl-C tests need the terminal's behaviour.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def stop(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 20) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)


def wait_until(check, timeout: float = 60, interval: float = 0.2, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class Browser:
    """A minimal HTTP client with a cookie jar, speaking to a server behind a TLS proxy.

    `X-Forwarded-Proto: https` is what the proxy in front of gunicorn sends; the cookies
    are kept whatever their Secure flag.
    """

    def __init__(self, port: int, https: bool = True):
        self.port = port
        self.https = https
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None, headers: dict | None = None,
                json_body: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        head = {"Host": f"127.0.0.1:{self.port}", **(headers or {})}
        origin = f"{'https' if self.https else 'http'}://127.0.0.1:{self.port}"
        if self.https:
            head["X-Forwarded-Proto"] = "https"
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if json_body is not None:  # the API takes JSON only
            body = json.dumps(json_body)
            head["Content-Type"] = "application/json"
        elif data is not None:
            body = urlencode(data)
            head.update({"Content-Type": "application/x-www-form-urlencoded", "Origin": origin,
                         "Referer": origin + path})
            if "csrftoken" in self.cookies:
                head["X-CSRFToken"] = self.cookies["csrftoken"]
        conn.request(method, path, body=body, headers=head)
        response = conn.getresponse()
        payload = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key.strip()] = rest.split(";", 1)[0]
        conn.close()
        return response.status, dict(response.getheaders()), payload.decode("utf-8", "replace")

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, data: dict):
        return self.request("POST", path, data=dict(data, csrfmiddlewaretoken=self.cookies.get("csrftoken", "")))

    def log_in(self, username: str, password: str) -> tuple[int, str]:
        status, _, page = self.get("/accounts/login/")
        assert status == 200, page[-2000:]
        status, headers, page = self.post("/accounts/login/", {"username": username, "password": password})
        return status, headers.get("Location", "") or page


def up(port: int) -> bool:
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        conn.request("GET", "/healthz", headers={"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{port}"})
        ok = conn.getresponse().status == 200
        conn.close()
        return ok
    except OSError:
        return False


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def static_paths(page: str) -> list[str]:
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', page)
