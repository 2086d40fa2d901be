"""Concurrent annotators and leads against three app servers and two task workers on one PostgreSQL.

Run:

    .venv/bin/python bench/load_test.py                      # 50 annotators, 30 s
    .venv/bin/python bench/load_test.py --annotators 6 --seconds 5 --ceiling-seconds 3   # smoke
    .venv/bin/python bench/load_test.py --fresh              # on a database made anew (runs to compare)

The script creates (once) and fills a database with `bench_data`, starts three
gunicorn servers on 127.0.0.1:8101-8103 and two `manage.py db_worker` processes,
all production-like (DEBUG off) and sharing nothing but PostgreSQL, then:

1. ceiling: every simulated annotator requests the no-op view (/healthz) in a loop
   for `--ceiling-seconds`, before the work and again after it (the machine's speed drifts; the
   ratios are against the mean of the two, each printed);
2. work: every annotator logs in (once, before timing), then for `--seconds` opens
   the queue, opens the article it is sent to, tags each unit through the page's
   own stance endpoint (htmx POST with the CSRF token, round-robin over the three
   servers, so the session, the queue and the versions must live in the database),
   sometimes changes its mind on a unit, and marks the article done, following where that
   sends it (the next article, or the queue when none is left) as htmx does; meanwhile
   `--leads` leads (default 3) reload the disagreement queue and the agreement
   dashboard in turn, each request the first after some judgement changed, as a
   lead's view of a busy project always is, and settle one unit of each queue page;
   with `--imports`, a newsroom feed imports 25 articles at a time (extraction included,
   `manage.py import_articles`) until the end. With `--pace S`, everyone works at a person's
   pace instead of as fast as the servers answer: an annotator reads a new article for
   4·S seconds and takes S seconds (±50%) before each keystroke, a lead 2·S seconds on
   each page, and they start as many seconds apart; the saves per second are then the
   team's pace, not the servers' capacity, and what the run measures is how long each
   save and page takes at that pace. The workers are `manage.py worker` (with its
   heartbeat), so the dashboard's recomputations run in the background.

It prints stance saves per second relative to the ceiling, p50/p95 latencies (the
leads' pages apart: budget p95 under 1 s), the cores the app servers, the task workers
and itself used while working (the rest of the machine's busy time is PostgreSQL's, mostly),
errors (budget: 0) and checks, after stopping everything, that every acknowledged
judgement is in the database exactly once with its last acknowledged label, with
one history row per acknowledged change. Every loop is bounded by the deadline
and each request by a timeout, so the script always ends and stops its servers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _common  # noqa: E402

PORTS = [8101, 8102, 8103]
PASSWORD = "load-test-password-1"
UNIT_RE = re.compile(r'data-unit="(\d+):(\d+)"')
VERSION_RE = re.compile(r'name="version" value="(\d+)"')
CHOSEN_RE = re.compile(r'data-label="([a-z0-9_]+)"[^>]*class="stance is-chosen')
ARTICLE_RE = re.compile(r"/projects/[\w-]+/articles/(\d+)/")
SETTLE_RE = re.compile(r'name="claim" value="(\d+)">\s*<input type="hidden" name="source" value="(\d+)">\s*'
                       r'<input type="hidden" name="version" value="(\d*)">')


# --- A minimal HTTP/1.1 client (one connection per request, as sync gunicorn workers close) ---


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: str


async def request(port: int, method: str, path: str, *, cookies: dict[str, str], data: dict | None = None,
                  headers: dict[str, str] | None = None, timeout: float = 30.0, json_body=None) -> Response:
    body = urlencode(data).encode() if data is not None else b""
    if json_body is not None:
        body = json.dumps(json_body).encode()
    lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Connection: close",
             "User-Agent: claimtrack-load-test"]
    if cookies:
        lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
    if data is not None:
        lines += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    elif json_body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    for k, v in (headers or {}).items():
        lines.append(f"{k}: {v}")
    raw = ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    async def exchange() -> bytes:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            writer.write(raw)
            await writer.drain()
            return await reader.read(-1)
        finally:
            writer.close()

    answer = await asyncio.wait_for(exchange(), timeout)
    head, _, content = answer.partition(b"\r\n\r\n")
    head_lines = head.decode("latin-1").split("\r\n")
    status = int(head_lines[0].split()[1])
    out_headers, out_cookies = {}, {}
    for line in head_lines[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            jar = SimpleCookie()
            jar.load(value.strip())
            out_cookies.update({k: m.value for k, m in jar.items()})
        else:
            out_headers[name.lower()] = value.strip()
    return Response(status, out_headers, out_cookies, content.decode("utf-8", "replace"))


# --- Simulated annotators ----------------------------------------------------------------


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: Counter = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    # (username, claim, source) -> labels acknowledged, in order
    acked: dict[tuple[str, int, int], list[str]] = field(default_factory=lambda: defaultdict(list))
    # Units this run found already judged (an article held over from an earlier run).
    judged_before: set[tuple[str, int, int]] = field(default_factory=set)
    articles_done: int = 0
    settle_conflicts: int = 0

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] += 1
        if len(self.error_samples) < 10:
            self.error_samples.append(f"{kind}: {detail[:300]}")


class Annotator:
    def __init__(self, username: str, slug: str, labels: list[str], stats: Stats, rng: random.Random):
        self.username, self.slug, self.labels, self.stats, self.rng = username, slug, labels, stats, rng
        self.cookies: dict[str, str] = {}
        self.token = ""
        self.turn = rng.randrange(len(PORTS))
        self.pace = 0.0  # seconds a person takes per keystroke (0: as fast as the servers answer)

    async def think(self, deadline: float, times: float = 1.0) -> None:
        """A person's pause before their next action, never past the deadline."""
        if self.pace:
            pause = self.pace * times * self.rng.uniform(0.5, 1.5)
            await asyncio.sleep(max(0.0, min(pause, deadline - time.monotonic())))

    def port(self) -> int:
        # Round-robin over the servers: no request may rely on the previous one's process.
        self.turn = (self.turn + 1) % len(PORTS)
        return PORTS[self.turn]

    async def call(self, kind: str, method: str, path: str, **kw) -> Response:
        began = time.perf_counter()
        response = await request(self.port(), method, path, cookies=self.cookies, **kw)
        self.stats.latencies[kind].append(time.perf_counter() - began)
        self.cookies.update(response.cookies)
        return response

    async def login(self) -> None:
        page = await self.call("login", "GET", "/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        if page.status != 200 or token is None:
            raise RuntimeError(f"login page answered {page.status}: {page.body[:300]}")
        token = token.group(1)
        done = await self.call("login", "POST", "/accounts/login/", data={
            "username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token})
        if done.status != 302:
            raise RuntimeError(f"login of {self.username} answered {done.status}: {done.body[:300]}")
        if done.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login of {self.username} failed: {done.status}")

    def htmx_headers(self) -> dict[str, str]:
        return {"X-CSRFToken": self.cookies["csrftoken"], "HX-Request": "true",
                "Referer": "http://127.0.0.1/"}

    async def work(self, deadline: float) -> None:
        location = ""  # where "done" sent the browser: the next article, or the queue
        await self.think(deadline, 4)  # at a person's pace a team does not start in the same second
        while time.monotonic() < deadline:
            if not ARTICLE_RE.search(location):
                queue = await self.call("queue", "GET", f"/projects/{self.slug}/queue/")
                if queue.status != 302:
                    if queue.status == 200:  # nothing left to do: the queue is empty
                        return
                    self.stats.error(f"queue {queue.status}", queue.body)
                    continue
                location = queue.headers.get("location", "")
            match = ARTICLE_RE.search(location)
            if not match:
                self.stats.error("queue redirect", location)
                continue
            article_id = int(match.group(1))
            page = await self.call("article", "GET", location)
            location = ""  # after this article, the queue unless "done" says otherwise
            if page.status != 200:
                self.stats.error(f"article {page.status}", page.body)
                continue
            units, versions, shown = self.read_units(page.body)
            plan = units + self.rng.sample(units, k=min(len(units), 1 if self.rng.random() < 0.3 else 0))
            await self.think(deadline, 4)  # reading the article
            for claim, source in plan:
                await self.think(deadline)
                if time.monotonic() >= deadline:
                    return
                key = (self.username, claim, source)
                seen = self.stats.acked.get(key)
                previous = seen[-1] if seen else shown.get((claim, source))
                if versions[(claim, source)] and not seen:
                    self.stats.judged_before.add(key)
                label = self.rng.choice([x for x in self.labels if x != previous])
                path = f"/projects/{self.slug}/articles/{article_id}/units/{claim}-{source}/"
                saved = await self.call("stance save", "POST", path, headers=self.htmx_headers(),
                                        data={"label": label, "version": versions[(claim, source)]})
                if saved.status != 200 or 'data-error="1"' in saved.body:
                    self.stats.error(f"stance save {saved.status}", saved.body)
                    continue
                self.stats.acked[key].append(label)
                version = VERSION_RE.search(saved.body)
                versions[(claim, source)] = int(version.group(1)) if version else versions[(claim, source)] + 1
            if time.monotonic() >= deadline:
                return
            done = await self.call("article done", "POST", f"/projects/{self.slug}/articles/{article_id}/done/",
                                   headers=self.htmx_headers(), data={})
            if done.status != 200 or "hx-redirect" not in done.headers:
                self.stats.error(f"article done {done.status}", done.body)
                continue
            location = done.headers["hx-redirect"]  # htmx follows it
            self.stats.articles_done += 1

    @staticmethod
    def read_units(html: str):
        """The page's units in order, with the version and my label each shows."""
        units, versions, shown = [], {}, {}
        chunks = html.split('data-unit="')[1:]
        for chunk in chunks:
            match = re.match(r"(\d+):(\d+)", chunk)
            unit = (int(match.group(1)), int(match.group(2)))
            units.append(unit)
            version = VERSION_RE.search(chunk)
            versions[unit] = int(version.group(1)) if version else 0
            chosen = CHOSEN_RE.search(chunk)
            if chosen:
                shown[unit] = chosen.group(1)
        return units, versions, shown

    async def api_login(self) -> None:
        answer = await self.call("login", "POST", "/api/v1/auth/token/",
                                 json_body={"username": self.username, "password": PASSWORD})
        if answer.status != 200:
            raise RuntimeError(f"token of {self.username}: {answer.status} {answer.body[:300]}")
        self.token = json.loads(answer.body)["token"]

    async def api_work(self, deadline: float) -> None:
        """The API client's loop: an article's units, then a judgement on each (created, or
        changed with the version the unit list gave), as a newsroom script would."""
        auth = {"Authorization": f"Token {self.token}"}
        await self.think(deadline, 4)
        listing = await self.call("api articles", "GET", f"/api/v1/articles/?project={self.slug}&page_size=100",
                                  headers=auth)
        articles = [item["id"] for item in json.loads(listing.body)["results"]]
        self.rng.shuffle(articles)
        for article_id in articles:
            if time.monotonic() >= deadline:
                return
            page = await self.call("api units", "GET", f"/api/v1/units/?project={self.slug}&article={article_id}",
                                   headers=auth)
            if page.status != 200:
                self.stats.error(f"api units {page.status}", page.body)
                continue
            for unit in json.loads(page.body)["results"]:
                await self.think(deadline)
                if time.monotonic() >= deadline:
                    return
                key = (self.username, unit["claim"], unit["source"])
                mine = unit["mine"]
                seen = self.stats.acked.get(key)
                if mine and not seen:
                    self.stats.judged_before.add(key)
                label = self.rng.choice([x for x in self.labels if x != (mine or {}).get("label")])
                if mine:
                    saved = await self.call("stance save", "PATCH", f"/api/v1/stances/{mine['stance']}/",
                                            headers=auth, json_body={"label": label, "version": mine["version"]})
                else:
                    saved = await self.call("stance save", "POST", "/api/v1/stances/", headers=auth,
                                            json_body={"claim": unit["claim"], "source": unit["source"],
                                                       "label": label})
                if saved.status not in (200, 201):
                    self.stats.error(f"api stance save {saved.status}", saved.body)
                    continue
                self.stats.acked[key].append(label)

    async def review(self, deadline: float) -> None:
        """A lead's loop: the disagreement queue (settling one of its units), then the agreement
        dashboard, again and again."""
        pages = [("lead queue", f"/projects/{self.slug}/review/"),
                 ("lead dashboard", f"/projects/{self.slug}/review/agreement/")]
        turn = 0
        await self.think(deadline, 2)
        while time.monotonic() < deadline:
            kind, path = pages[turn % 2]
            turn += 1
            if turn > 1:
                await self.think(deadline, 2)
                if time.monotonic() >= deadline:
                    return
            response = await self.call(kind, "GET", path)
            if response.status != 200:
                self.stats.error(f"{kind} {response.status}", response.body)
            elif kind == "lead queue" and time.monotonic() < deadline:
                await self.settle(response.body)

    async def settle(self, queue_page: str) -> None:
        """Settle one unit of the queue page, as a lead does while the annotators keep saving.
        Another lead settling it first is a conflict the page shows (409), not an error."""
        forms = SETTLE_RE.findall(queue_page)
        if not forms:
            return
        claim, source, version = self.rng.choice(forms)
        answer = await self.call("lead settle", "POST", f"/projects/{self.slug}/review/resolve/",
                                 headers=self.htmx_headers(),
                                 data={"claim": claim, "source": source, "version": version,
                                       "label": self.rng.choice(self.labels), "reason": "Settled under load."})
        if answer.status == 409:
            self.stats.settle_conflicts += 1
        elif answer.status != 200:
            self.stats.error(f"lead settle {answer.status}", answer.body)

    async def ping(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            response = await self.call("no-op", "GET", "/healthz")
            if response.status != 200:
                self.stats.error(f"healthz {response.status}", response.body)


async def guarded(stats: Stats, coro) -> None:
    try:
        await coro
    except Exception as exc:  # counted, never silent
        stats.error(type(exc).__name__, str(exc))


# --- Processes ---------------------------------------------------------------------------


class Fleet:
    """The app servers and task workers this script starts, and stops, itself."""

    def __init__(self, url: str, workers_per_server: int):
        self.url, self.workers_per_server = url, workers_per_server
        self.procs: list[subprocess.Popen] = []
        self.logs = []

    def start(self) -> None:
        env = _common.env_for(self.url, CONN_MAX_AGE="60")
        gunicorn = str(Path(_common.PYTHON).with_name("gunicorn"))
        for port in PORTS:
            self._spawn([gunicorn, "claimtrack.wsgi:application", "--bind", f"127.0.0.1:{port}",
                         "--workers", str(self.workers_per_server), "--timeout", "60",
                         "--backlog", "256"], env, f"gunicorn-{port}")
        for n in (1, 2):
            self._spawn([_common.PYTHON, "manage.py", "worker"], env, f"worker-{n}")
        self._wait_ready()

    def _spawn(self, argv, env, name) -> None:
        log = open(_common.ROOT / "bench" / "out" / f"{name}.log", "w")
        self.logs.append(log)
        self.procs.append(subprocess.Popen(argv, env=env, cwd=_common.ROOT, stdout=log, stderr=log,
                                           start_new_session=True))

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 60
        for port in PORTS:
            while True:
                try:
                    if asyncio.run(request(port, "GET", "/healthz", cookies={}, timeout=5)).status == 200:
                        break
                except OSError:
                    pass
                if time.monotonic() > deadline or any(p.poll() is not None for p in self.procs):
                    self.stop()
                    raise SystemExit(f"server on {port} did not start; see bench/out/gunicorn-{port}.log")
                time.sleep(0.3)

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.procs)

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for log in self.logs:
            log.close()


# --- Checks --------------------------------------------------------------------------------


def verify(url: str, slug: str, stats: Stats, since) -> dict:
    """Every acknowledged judgement exactly once, with its last label and its history."""
    import psycopg

    with psycopg.connect(url) as conn:
        rows = conn.execute(
            """SELECT u.username, s.claim_id, s.source_id, s.label, s.version
                 FROM annotations_stance s JOIN auth_user u ON u.id = s.annotator_id
                WHERE u.username LIKE %s AND s.updated_at >= %s""",
            [f"{slug}-ann%", since],
        ).fetchall()
        history = conn.execute(
            """SELECT u.username, h.claim_id, h.source_id, count(*), count(*) FILTER (WHERE h.action = 'create')
                 FROM annotations_history h JOIN auth_user u ON u.id = h.annotator_id
                WHERE u.username LIKE %s AND h.created_at >= %s AND h.kind = 'stance'
                GROUP BY 1, 2, 3""",
            [f"{slug}-ann%", since],
        ).fetchall()
    stored = Counter((r[0], r[1], r[2]) for r in rows)
    labels = {(r[0], r[1], r[2]): r[3] for r in rows}
    versions = {(r[0], r[1], r[2]): r[4] for r in rows}
    changes = {(r[0], r[1], r[2]): (r[3], r[4]) for r in history}
    lost = [k for k in stats.acked if k not in stored]
    duplicated = [k for k, n in stored.items() if n > 1]
    wrong_label = [k for k, seq in stats.acked.items() if k in labels and labels[k] != seq[-1]]
    wrong_history = [k for k, seq in stats.acked.items()
                     if changes.get(k) != (len(seq), 0 if k in stats.judged_before else 1)]
    wrong_version = [k for k, seq in stats.acked.items()
                     if k not in stats.judged_before and versions.get(k, len(seq)) != len(seq)]
    unacknowledged = [k for k in stored if k not in stats.acked]
    return {"acknowledged_saves": sum(len(v) for v in stats.acked.values()),
            "acknowledged_units": len(stats.acked), "stored_units": len(stored), "lost": len(lost),
            "duplicated": len(duplicated), "wrong_label": len(wrong_label),
            "wrong_history": len(wrong_history), "wrong_version": len(wrong_version),
            "stored_without_ack": len(unacknowledged)}


# --- Main --------------------------------------------------------------------------------------


# --- A newsroom feed importing articles meanwhile (--imports) -------------------------------

FEED_PEOPLE = [("Marta Visser", "the water board"), ("Daniel Okafor", "the transport ministry"),
               ("Ines Brandt", "the city council"), ("Tom Hale", "the harbour authority")]


def feed_file(path: Path, serial: int, articles: int) -> None:
    """A JSONL file of news-like articles, each with a claim, a denial and a quotation."""
    with path.open("w", encoding="utf-8") as out:
        for k in range(articles):
            n = serial * articles + k
            (who, org), (other, other_org) = FEED_PEOPLE[n % 4], FEED_PEOPLE[(n + 1) % 4]
            body = (f"{who} of {org} said on Monday that the dyke repairs would cost {n % 90 + 10} million euros. "
                    f"{other} denied that the repairs had been delayed. "
                    f"\"We have not seen the final figures,\" a spokeswoman for {other_org} said. "
                    f"This is feed article {serial}-{k}.")
            out.write(json.dumps({"title": f"Feed {serial}-{k}", "body": body, "language": "en"}) + "\n")


async def import_feed(url: str, slug: str, deadline: float, stats: Stats, articles: int = 25,
                      timeout: float = 120.0) -> None:
    """Import file after file through `manage.py import_articles` (extraction included) until the
    deadline, as a newsroom's feed does while the team annotates. A failed import is an error."""
    serial = int(time.time())
    while time.monotonic() < deadline:
        serial += 1
        path = _common.ROOT / "bench" / "out" / f"feed-{serial}.jsonl"
        feed_file(path, serial, articles)
        began = time.perf_counter()
        proc = await asyncio.create_subprocess_exec(
            _common.PYTHON, "manage.py", "import_articles", slug, str(path), cwd=_common.ROOT,
            env=_common.env_for(url), stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        try:
            output, _ = await asyncio.wait_for(proc.communicate(), timeout)
        except TimeoutError:  # bounded like every request: the script always ends
            proc.kill()
            await proc.wait()
            output = f"no answer within {timeout:g} s".encode()
        finally:
            path.unlink()
        stats.latencies["feed import"].append(time.perf_counter() - began)
        if proc.returncode != 0 or f"{articles} created" not in output.decode(errors="replace"):
            stats.error("feed import", output.decode(errors="replace")[-300:])


async def phase(users: list[Annotator], seconds: float, what: str, leads: list[Annotator] = (),
                side: list = ()) -> float:
    deadline = time.monotonic() + seconds
    began = time.perf_counter()
    stats = users[0].stats
    work = {"ping": Annotator.ping, "work": Annotator.work, "api": Annotator.api_work}[what]
    coros = [work(u, deadline) for u in users]
    coros += [lead.review(deadline) for lead in leads]
    coros += [task(deadline) for task in side]
    await asyncio.gather(*(guarded(stats, c) for c in coros))
    return time.perf_counter() - began


def ms(values: list[float], p: float) -> float:
    return _common.percentile(values, p) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="ct_load", help="database (created and filled when missing)")
    parser.add_argument("--fresh", action="store_true",
                        help="drop the database first: every run adds judgements, and the leads' pages grow with "
                             "them, so runs to compare start from a fresh one")
    parser.add_argument("--slug", default="load")
    parser.add_argument("--annotators", type=int, default=50)
    parser.add_argument("--articles", type=int, default=3000, help="articles of the project when created")
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--ceiling-seconds", type=float, default=10)
    parser.add_argument("--workers-per-server", type=int, default=2)
    parser.add_argument("--leads", type=int, default=3, help="leads reloading the review pages meanwhile")
    parser.add_argument("--imports", action="store_true",
                        help="a newsroom feed imports 25 articles at a time (with extraction) meanwhile")
    parser.add_argument("--api", action="store_true",
                        help="the annotators save through the REST API (token, unit list, POST/PATCH) instead")
    parser.add_argument("--pace", type=float, default=0.0,
                        help="seconds a person takes per keystroke (default 0: as fast as the servers answer)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-port", type=int, default=PORTS[0],
                        help="the three servers listen on this port and the next two (default 8101)")
    args = parser.parse_args()
    PORTS[:] = [args.first_port + i for i in range(3)]

    url = _common.database_url(args.db)
    (_common.ROOT / "bench" / "out").mkdir(exist_ok=True)
    if args.fresh and _common.drop_database(url):
        print(f"dropped {args.db} (--fresh)")
    _common.prepare(url)
    import psycopg

    with psycopg.connect(url) as conn:
        project = conn.execute("SELECT labels FROM annotations_project WHERE slug = %s", [args.slug]).fetchone()
        members = conn.execute(
            "SELECT count(*) FROM annotations_membership m JOIN annotations_project p ON p.id = m.project_id "
            "WHERE p.slug = %s AND m.role = 'annotator'", [args.slug]).fetchone()[0]
    if project is None or members < args.annotators:
        print(f"filling {args.db}: bench_data {args.slug} --articles {args.articles} --annotators {args.annotators}")
        _common.manage(url, "bench_data", args.slug, "--articles", str(args.articles), "--annotators",
                       str(args.annotators), "--pending", "0.9", "--password", PASSWORD, "--seed", str(args.seed))
        with psycopg.connect(url) as conn:
            project = conn.execute("SELECT labels FROM annotations_project WHERE slug = %s",
                                   [args.slug]).fetchone()
    labels = project[0]
    # Every run finishes hundreds of articles: a project whose open work runs out mid-run
    # measures an idle queue, not saves. Top it up with fresh articles first.
    with psycopg.connect(url) as conn:
        open_articles = conn.execute(
            "SELECT count(*) FROM annotations_queueslot q JOIN annotations_project p ON p.id = q.project_id "
            "WHERE p.slug = %s AND q.open", [args.slug]).fetchone()[0]
    if open_articles < args.annotators * 40:
        print(f"topping up {args.db}: {open_articles} open articles; bench_data {args.slug} --articles {args.articles}")
        _common.manage(url, "bench_data", args.slug, "--articles", str(args.articles), "--annotators",
                       str(args.annotators), "--pending", "1", "--password", PASSWORD, "--seed", str(args.seed))

    rng = random.Random(args.seed)
    ceiling_stats, stats, after_stats = Stats(), Stats(), Stats()
    names = [f"{args.slug}-ann{i:03d}" for i in range(1, args.annotators + 1)]

    def ceiling(into: Stats) -> float:
        """Every annotator requests the no-op view for `--ceiling-seconds`; the seconds it took."""
        pingers = [Annotator(n, args.slug, labels, into, random.Random(rng.random())) for n in names]
        return asyncio.run(phase(pingers, args.ceiling_seconds, "ping"))

    fleet = Fleet(url, args.workers_per_server)
    fleet.start()
    try:
        ceiling_time = ceiling(ceiling_stats)
        users = [Annotator(n, args.slug, labels, stats, random.Random(rng.random())) for n in names]
        # Three sessions of the project's lead, each reloading the review pages.
        leads = [Annotator(f"{args.slug}-lead", args.slug, labels, stats, random.Random(rng.random()))
                 for _ in range(args.leads)]
        for person in users + leads:
            person.pace = args.pace

        async def login_all():
            await asyncio.gather(*(u.api_login() if args.api else u.login() for u in users),
                                 *(lead.login() for lead in leads))

        asyncio.run(login_all())
        stats.latencies.clear()
        with psycopg.connect(url) as conn:
            since = conn.execute("SELECT now()").fetchone()[0]
        cpu_before = _common.cpu_snapshot()
        side = [lambda deadline: import_feed(url, args.slug, deadline, stats)] if args.imports else []
        work_time = asyncio.run(phase(users, args.seconds, "api" if args.api else "work", leads, side))
        cpu = _common.cpu_share(cpu_before, _common.cpu_snapshot(), work_time, [
            ("app servers", "gunicorn"), ("task workers", "manage.py worker"), ("load generator", "load_test.py")])
        # The ceiling again after the work: the machine's speed drifts between runs and within one, and the
        # ratio is against the mean of the two, each printed.
        after_time = ceiling(after_stats)
        servers_alive = fleet.alive()
    finally:
        fleet.stop()

    check = verify(url, args.slug, stats, since)
    noop = ceiling_stats.latencies["no-op"]
    noop_after = after_stats.latencies["no-op"]
    saves = stats.latencies["stance save"]
    all_work = [x for kind, v in stats.latencies.items() if not kind.startswith("lead") for x in v]
    rate_before, rate_after = len(noop) / ceiling_time, len(noop_after) / after_time
    noop_rate = (rate_before + rate_after) / 2
    save_rate = len(saves) / work_time
    req_rate = len(all_work) / work_time
    runs = (stats, ceiling_stats, after_stats)
    errors = sum(sum(run.errors.values()) for run in runs)
    print(f"machine: {_common.machine()}")
    path = "REST API" if args.api else "pages"
    print(f"set-up: {args.annotators} annotators ({path}), 3 gunicorn servers × {args.workers_per_server} sync workers "
          f"(ports {PORTS[0]}-{PORTS[-1]}), 2 task workers, one PostgreSQL; {args.leads} leads; "
          f"{args.seconds:g} s of work"
          + (f", at a person's pace ({args.pace:g} s per keystroke)" if args.pace else ""))
    print(f"ceiling (no-op /healthz): {noop_rate:,.1f} req/s, the mean of {rate_before:,.1f} before the work "
          f"(p50 {ms(noop, 50):.1f} ms, p95 {ms(noop, 95):.1f} ms) and {rate_after:,.1f} after it")
    print(f"stance saves: {save_rate:,.1f} /s = {save_rate / noop_rate:.2f} × ceiling; "
          f"all annotation requests {req_rate:,.1f} /s = {req_rate / noop_rate:.2f} × ceiling")
    for kind in ["queue", "article", "api articles", "api units", "stance save", "article done", "lead queue",
                 "lead settle", "lead dashboard", "feed import"]:
        values = stats.latencies.get(kind, [])
        if values:
            print(f"  {kind:14} {len(values):6} requests  p50 {ms(values, 50):7.1f} ms  p95 {ms(values, 95):7.1f} ms")
    lead_pages = stats.latencies.get("lead queue", []) + stats.latencies.get("lead dashboard", [])
    if "lead settle" in stats.latencies:
        print(f"units settled by the leads: {len(stats.latencies['lead settle']) - stats.settle_conflicts}, "
              f"{stats.settle_conflicts} refused as conflicts (another lead settled the unit first)")
    print(f"articles done: {stats.articles_done}")
    if cpu:
        print("cores used while working: " + ", ".join(f"{name} {cores:.2f}" for name, cores in cpu)
              + " (the rest: PostgreSQL, mostly)")
    print(f"errors: {errors} {dict(sum((run.errors for run in runs), Counter())) if errors else ''}")
    for sample in [sample for run in runs for sample in run.error_samples]:
        print("   ", sample)
    print("judgements: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in check.items()))
    # The budgets are printed, as every benchmark's; the exit status says whether anything was
    # lost or failed, which no machine's load excuses.
    # At a person's pace the saves per second are the team's pace, not what the servers can do.
    budgets = [] if args.pace else [("saves vs no-op ≥ 0.25", save_rate / noop_rate >= 0.25,
                                     f"{save_rate / noop_rate:.2f}")]
    if args.leads:
        p95 = ms(lead_pages, 95) if lead_pages else float("nan")
        budgets.append(("leads' p95 < 1000 ms", bool(lead_pages) and p95 < 1000, f"{p95:.1f} ms"))
    print("budgets: " + "; ".join(f"{name}: {value} {'ok' if met else 'MISSES'}" for name, met, value in budgets))
    ok = (errors == 0 and servers_alive and check["lost"] == 0 and check["duplicated"] == 0
          and check["wrong_label"] == 0 and check["wrong_history"] == 0 and check["wrong_version"] == 0
          and check["acknowledged_saves"] > 0)
    print("verdict: " + ("ok — no error, no lost or duplicated judgement" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
