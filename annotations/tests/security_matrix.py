"""The expected outcome of every URL for every role, and the world the matrix runs in.

The URL list comes from Django's resolver (pages, fragments, API router, admin),
so a new route is covered the day it is added. What a route needs from this file:

* its URL kwargs, filled by name from `KWARGS` (or `PK_BY_ROUTE` for the
  router's `pk`); a kwarg nobody filled fails the matrix with a request to add it;
* nothing else, if it follows the default rules below. Only exceptions are listed:
  lead-only views (`LEAD_ONLY`), public routes (`PUBLIC`), the owner-only stance
  detail (`OWN_ONLY`), the shared source registry (`REGISTRY`) and the request
  bodies of API collections (`BODIES`).

Default rules, by role (anonymous, outsider = logged in but a member of nothing,
annotator, lead, owner = the project's admin, other_lead = lead of another project):

* project pages and fragments: anonymous → redirect to the login page; outsider
  and other_lead → 404; annotator → allowed unless lead-only (then 403); lead and
  owner → allowed;
* API: the same, except anonymous → 401/403;
* admin: only staff; none of these roles is staff, so every admin URL but its
  login page redirects to the admin login;
* "allowed" is 2xx/3xx for GET and 2xx/3xx or a validation answer (400, 409, 428)
  for an empty-bodied POST/PUT/PATCH/DELETE; a method the view does not support
  (405 for the lead) must never succeed for anyone.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from annotations import services
from annotations.models import (
    Article,
    Claim,
    ClaimCluster,
    ClaimLink,
    Membership,
    Project,
    Source,
    Unit,
    Webhook,
    content_hash,
)

ROLES = ("anonymous", "outsider", "annotator", "lead", "owner", "other_lead")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
MEMBER_ROLES = {"annotator": Membership.Role.ANNOTATOR, "lead": Membership.Role.LEAD, "owner": Membership.Role.ADMIN}

# --- The explicit table ----------------------------------------------------------------

# Views only a project's leads and admins may use, per method ("*" = every method).
# Annotators get 403 there; everything else of a project is open to all its members.
LEAD_ONLY: dict[str, set[str]] = {
    # API
    "article-detail": {"PUT", "PATCH", "DELETE"},
    "claim-detail": {"PUT", "PATCH", "DELETE"},
    "review-disagreements": {"*"},
    # The world is in blind mode: exports and agreement figures would show others' labels.
    "api-export": {"*"},
    "review-agreement": {"*"},
    "api-suggestions": {"*"},  # the figures count every annotator's labels
    "review-resolutions": {"*"},
    "api-service-accounts": {"*"},
    "api-webhooks": {"*"},
    "api-webhook-detail": {"*"},
    "api-webhook-deliveries": {"*"},
    "api-import": {"*"},
    "api-import-files": {"*"},
    "claim-cluster-links": {"*"},
    "claim-cluster-merge": {"*"},
    "claim-cluster-split": {"*"},
    "claim-cluster-suggest": {"*"},
    # pages
    "annotations:import": {"*"},
    "annotations:export": {"POST"},  # blind mode: queuing an export is for leads
    "annotations:review": {"*"},
    "annotations:review-resolve": {"*"},
    "annotations:review-agreement": {"*"},
    "annotations:suggestions": {"*"},
    "annotations:cluster-create": {"*"},
    "annotations:cluster-links": {"*"},
    "annotations:cluster-suggest": {"*"},
    "annotations:cluster-merge": {"*"},
    "annotations:cluster-split": {"*"},
    "annotations:source-aliases": {"*"},
    "annotations:source-merge": {"*"},
    "annotations:claim-text": {"*"},  # a claim's text is the project's, not one annotator's
    "api-verdicts": {"POST"},  # members read verdicts; leads give them
    "api-verdict-detail": {"PATCH"},
    "annotations:claim-verdict": {"POST"},  # members read a verdict; leads give it
    "annotations:cluster-verdict": {"*"},
    "annotations:guidelines": {"POST"},
    "annotations:project-settings": {"*"},
    "annotations:member-set": {"*"},
    "annotations:member-remove": {"*"},
}
# Routes that answer everyone the same way, by design: name -> {method: allowed statuses}.
PUBLIC: dict[str, dict[str, set[int]]] = {
    "healthz": {"GET": {200}},
    "annotations:projects-index": {"GET": {302}, "POST": {405}, "PUT": {405}, "PATCH": {405},
                                   "DELETE": {405}},  # to the project list at /
    # to the project's articles, whose page checks membership; any slug, so it tells nothing
    "annotations:project-home": {"GET": {302}, "POST": {405}, "PUT": {405}, "PATCH": {405}, "DELETE": {405}},
    "login": {"GET": {200}, "POST": {200}, "PUT": {200}},  # an empty form re-renders with errors
    "logout": {"POST": {302}},
    "set_language": {"POST": {302}, "GET": {302}},
    "api-token": {"POST": {400}},  # no credentials in the body
    "api-schema": {"GET": {200}},  # describes the API, holds no data
    "api-docs": {"GET": {200}},
    "api-not-found": {method: {404} for method in METHODS},  # any other address under /api/v1/
    "admin:login": {"GET": {200}, "POST": {200}},
    "admin:logout": {"GET": {302, 405}, "POST": {302}},
}
# Only its own annotator may see or change a stance (or a job); everyone else gets 404.
OWN_ONLY = {"stance-detail", "api-tokens-detail", "annotations:job-detail", "annotations:job-download",
            "api-job-detail"}
# The source registry is shared by all projects and owned by its administrators (staff, none
# of these roles): members read the sources heard in their projects and add sources; nobody
# here edits one (403); someone who is a member of nothing gets 403.
REGISTRY = {"source-list": {"PUT", "PATCH"}, "source-detail": {"PUT", "PATCH"}}
# Views only a project's admins (the `owner` here) may use: annotators and leads get 403.
ADMIN_ONLY = {"api-restore"}
# Pages for site staff (none of these roles): everyone signed in gets 403.
STAFF_ONLY = {"annotations:project-new"}
# Collections whose POST names its project in the body: role -> allowed statuses.
CREATED = {200, 201}
NOT_THEIRS = {400, 403, 404}
COLLECTION_POST: dict[str, dict[str, set[int]]] = {
    "article-list": {"annotator": {403}, "lead": CREATED, "owner": CREATED,
                     "outsider": NOT_THEIRS, "other_lead": NOT_THEIRS},
    "claim-list": {"annotator": CREATED, "lead": CREATED, "owner": CREATED,
                   "outsider": NOT_THEIRS, "other_lead": NOT_THEIRS},
    "source-list": {"annotator": CREATED, "lead": CREATED, "owner": CREATED,
                    "outsider": {403}, "other_lead": CREATED},
    "stance-list": {"annotator": CREATED, "lead": CREATED, "owner": CREATED,
                    "outsider": NOT_THEIRS, "other_lead": NOT_THEIRS},
    "claim-cluster-list": {"annotator": {403}, "lead": CREATED, "owner": CREATED,
                           "outsider": NOT_THEIRS, "other_lead": NOT_THEIRS},
    # Everyone signed in makes tokens for themselves (each role's name is its own).
    "api-tokens-list": {role: CREATED for role in ("annotator", "lead", "owner", "outsider", "other_lead")},
}


def _bodies(w: World) -> dict[str, dict]:
    """Valid bodies for the API collections, all about the main project."""
    return {
        "article-list": {"project": w.project.slug, "title": "New", "body": "A new text here.", "language": "en"},
        "claim-list": {"article": w.article.pk, "start": 0, "end": 5},
        "source-list": {"name": f"New source {secrets.token_hex(3)}", "kind": "person"},
        "stance-list": {"claim": w.claim.pk, "source": w.fresh_source.pk, "label": "alleges"},
        "claim-cluster-list": {"claim": w.claim.pk, "title": "Tracked"},
        "api-tokens-list": {"name": f"matrix {secrets.token_hex(4)}"},
    }


# URL kwargs by name: the main project's objects.
def kwargs_table(w: World) -> dict[str, object]:
    return {
        "slug": w.project.slug,
        "article_id": w.article.pk,
        "claim_id": w.claim.pk,
        "source_id": w.source.pk,
        "unit": f"{w.claim.pk}-{w.source.pk}",
        "cluster_id": w.cluster.pk,
        "membership_id": Membership.objects.get(project=w.project, user=w.peer).pk,
        "webhook_id": w.webhook.pk,
        "verdict_id": apps.get_model("annotations", "Verdict").objects.get(cluster=w.cluster).pk,
        "format": "json",
        # admin
        "app_label": "annotations",
        "object_id": "1",
        "content_type_id": "1",
        "id": "1",
        "url": "no-such-page/",
    }


def _annotator_token(w: World) -> int:
    from annotations.models import ApiToken
    from annotations.services import tokens

    found = ApiToken.objects.filter(user=w.users["annotator"]).first()
    return (found or tokens.token_create(user=w.users["annotator"], name="matrix")[0]).pk


# The router's `pk`, by route name.
PK_BY_ROUTE = {
    "article-detail": lambda w: w.article.pk,
    "claim-detail": lambda w: w.claim.pk,
    "source-detail": lambda w: w.source.pk,
    "stance-detail": lambda w: w.own_stance.pk,
    "claim-cluster-detail": lambda w: w.cluster.pk,
    "claim-cluster-links": lambda w: w.cluster.pk,
    "claim-cluster-merge": lambda w: w.cluster.pk,
    "claim-cluster-split": lambda w: w.cluster.pk,
    "claim-cluster-suggest": lambda w: w.cluster.pk,
    "claim-cluster-timeline": lambda w: w.cluster.pk,
    "source-timeline": lambda w: w.source.pk,
    "article-done": lambda w: w.article.pk,
    "api-tokens-detail": lambda w: _annotator_token(w),
    "unit-detail": lambda w: Unit.objects.get(claim=w.claim, source=w.source).pk,
    "unit-undo": lambda w: Unit.objects.get(claim=w.claim, source=w.source).pk,
    "annotations:job-detail": lambda w: w.job.pk,
    "annotations:job-download": lambda w: w.job.pk,
    "api-job-detail": lambda w: w.job.pk,
}
# Kwargs that point into the main project: a route with one of them is project-scoped.
SCOPED_KWARGS = {"slug", "article_id", "claim_id", "unit", "membership_id", "webhook_id", "verdict_id"}
SCOPED_PK = {"article-detail", "article-done", "unit-detail", "unit-undo", "claim-detail", "source-timeline",
             "claim-cluster-detail", "claim-cluster-links",
             "claim-cluster-merge", "claim-cluster-split", "claim-cluster-suggest", "claim-cluster-timeline"}
# Routes that name their project in the query string.
QUERY = {"source-timeline": "?project=sec-main"}


# --- The world -----------------------------------------------------------------------------


@dataclass
class World:
    project: Project
    other: Project
    users: dict[str, object]
    peer: object
    article: Article
    claim: Claim
    source: Source
    fresh_source: Source
    own_stance: object
    peer_stance: object
    other_article: Article
    other_claim: Claim
    cluster: object
    job: object
    webhook: object
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def project_tokens(self) -> list[str]:
        """Text of the main project that no non-member may ever read."""
        return [self.tokens[k] for k in ("project", "title", "body", "claim", "note_own", "note_peer", "guide")]

    @property
    def peer_tokens(self) -> list[str]:
        """What the peer annotator wrote: blind mode hides it from other annotators."""
        return [self.tokens["note_peer"], self.tokens["note_peer2"], self.peer.get_username()]


def token(kind: str) -> str:
    return f"zq{kind}{secrets.token_hex(5)}"


def build_world(*, blind: bool = True, payload: str = "", url: str = "") -> World:
    """The matrix's world; `payload` is added to every text a user can write (for the escaping tests)."""
    x = f" {payload}" if payload else ""
    User = get_user_model()
    tok = {k: token(k[:4]) for k in ("project", "title", "body", "claim", "note_own", "note_peer",
                                      "note_peer2", "guide", "peer")}
    project = Project.objects.create(slug="sec-main", name=f"Main {tok['project']}{x}"[:200],
                                     guidelines=tok["guide"] + x, blind=blind)
    other = services.project_create(slug="sec-other", name="Other project")
    users: dict[str, object] = {"anonymous": None}
    for role in ("outsider", "annotator", "lead", "owner", "other_lead"):
        users[role] = User.objects.create_user(username=f"sec-{role}")  # no password: hashing is slow
    for role, member_role in MEMBER_ROLES.items():
        Membership.objects.create(project=project, user=users[role], role=member_role)
    Membership.objects.create(project=other, user=users["other_lead"], role=Membership.Role.LEAD)
    peer = User.objects.create_user(username=f"peer{tok['peer']}")
    Membership.objects.create(project=project, user=peer, role=Membership.Role.ANNOTATOR)

    body = f"{payload} The minister said {tok['claim']} works.{x} The union denied it. Written {tok['body']}.{x}"
    article = Article.objects.create(project=project, title=f"Title {tok['title']}{x}"[:500], body=body,
                                     language="en", content_hash=content_hash(body), outlet=payload[:200],
                                     url=url)
    start = body.index("The minister")
    end = body.index(" works.") + len(" works")
    claim = Claim.objects.create(article=article, text=body[start:end] + x, start=start, end=end)
    source2 = Source.objects.create(name=f"Union Example{x}"[:300], kind=Source.Kind.ORGANISATION,
                                    aliases=[payload] if payload else [])
    source = Source.objects.create(name=f"Minister Example{x}"[:300], kind=Source.Kind.PERSON,
                                   role=payload[:200], affiliation=source2)
    fresh = Source.objects.create(name=f"Fresh Example{x}"[:300], kind=Source.Kind.PERSON)
    # `fresh` has no judgement yet but is heard here (a unit), so the project's members may judge it.
    for s in (source, source2, fresh):
        Unit.objects.create(claim=claim, source=s, origin=Claim.Origin.EXTRACTED, suggested_label="alleges")
    own = services.stance_record(claim=claim, source=source, annotator=users["annotator"], label="alleges",
                                 note=tok["note_own"] + x, via="page")
    peer_stance = services.stance_record(claim=claim, source=source, annotator=peer, label="denies",
                                         note=tok["note_peer"] + x, via="page")
    # A unit only the peer judged: the annotator must not learn its label either.
    services.stance_record(claim=claim, source=source2, annotator=peer, label="no_comment",
                           note=tok["note_peer2"] + x, via="page")

    other_body = "Someone said another thing. Nobody denied it."
    other_article = Article.objects.create(project=other, title="Other article", body=other_body,
                                           language="en", content_hash=content_hash(other_body))
    other_claim = Claim.objects.create(article=other_article, text=other_body[:12], start=0, end=12)
    services.stance_record(claim=other_claim, source=source2, annotator=users["other_lead"], label="alleges",
                           via="page")
    cluster = ClaimCluster.objects.create(project=project, title=f"Cluster {tok['title']}{x}"[:500],
                                          created_by=users["lead"])
    ClaimCluster.objects.create(project=other, title="Other cluster", created_by=users["other_lead"])
    ClaimLink.objects.create(cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED)
    job = None
    try:
        Job = apps.get_model("annotations", "Job")
    except LookupError:  # background jobs not built yet
        Job = None
    if Job is not None:
        job = Job.objects.create(project=project, user=users["annotator"], kind="export", status="done",
                                 params={"format": "csv"},
                                 result={"content_type": "text/csv", "filename": "export.csv"})
        apps.get_model("annotations", "JobFile").objects.create(job=job, direction="out", seq=0, data=b"a,b\n")
    webhook = Webhook.objects.create(project=project, url="https://hooks.example.org/ct", secret="s" * 64,
                                     events=["judgement.saved"], created_by=users["lead"])
    apps.get_model("annotations", "Verdict").objects.create(project=project, cluster=cluster, rating="false",
                                                            reviewer=users["lead"])
    return World(project=project, other=other, users=users, peer=peer, article=article, claim=claim,
                 source=source, fresh_source=fresh, own_stance=own, peer_stance=peer_stance,
                 other_article=other_article, other_claim=other_claim, cluster=cluster, job=job, webhook=webhook,
                 tokens=tok)


# --- Routes from the resolver -------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # namespaced name, e.g. "annotations:article", "admin:index", "article-detail"
    pattern: str  # the full pattern text, for messages and ids
    parts: tuple  # (pattern objects from root to leaf)
    callback: object

    @property
    def kwargs(self) -> list[str]:
        names: list[str] = []
        for p in self.parts:
            if isinstance(p, RoutePattern):
                names += re.findall(r"<(?:[^>:]+:)?([^>]+)>", p._route)
            elif isinstance(p, RegexPattern):
                names += re.findall(r"\(\?P<([^>]+)>", p._regex)
        return names

    @property
    def is_admin(self) -> bool:
        return self.name.startswith("admin:")

    @property
    def is_api(self) -> bool:
        return self.pattern.startswith("api/v1/")

    def build(self, values: dict[str, object]) -> str:
        out = "/"
        for p in self.parts:
            if isinstance(p, RoutePattern):
                # DRF's format-suffix converter carries its dot.
                text = p._route.replace("<drf_format_suffix:format>", ".json")
                out += re.sub(r"<(?:[^>:]+:)?([^>]+)>", lambda m: str(values[m.group(1)]), text)
            else:
                text = p._regex
                text = re.sub(r"\(\?P<([^>]+)>(?:[^()]|\([^()]*\))*\)", lambda m: str(values[m.group(1)]), text)
                text = text.lstrip("^").rstrip("$").replace("/?", "/").replace("\\.", ".")
                out += text
        return out


def all_routes() -> list[Route]:
    routes: list[Route] = []

    def walk(patterns, parts, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                walk(p.url_patterns, (*parts, p.pattern), ns)
            elif isinstance(p, URLPattern):
                name = p.name or "<unnamed>"
                full = f"{namespace}:{name}" if namespace else name
                text = "".join(str(x) for x in (*parts, p.pattern))
                routes.append(Route(full, text, (*parts, p.pattern), p.callback))

    walk(get_resolver().url_patterns, (), "")
    return routes


def route_id(route: Route) -> str:
    return f"{route.name} {route.pattern}"


def fill(route: Route, w: World) -> tuple[str, set[str]]:
    """The concrete URL of a route in the world, and the kwargs it used; fails on unknown kwargs."""
    table = kwargs_table(w)
    values: dict[str, object] = {}
    missing = []
    for kw in route.kwargs:
        if kw == "pk" and route.name in PK_BY_ROUTE:
            values[kw] = PK_BY_ROUTE[route.name](w)
        elif kw in table:
            values[kw] = table[kw]
        else:
            missing.append(kw)
    if missing:
        raise LookupError(
            f"The permission matrix cannot fill {missing} of {route.name!r} ({route.pattern}). "
            "Add the kwarg to KWARGS (or the route to PK_BY_ROUTE) in annotations/tests/security_matrix.py, "
            "and its rule if it is not a member-level project view."
        )
    return route.build(values) + QUERY.get(route.name, ""), set(values)


def is_scoped(route: Route, kwargs: set[str]) -> bool:
    return bool(kwargs & SCOPED_KWARGS) or route.name in SCOPED_PK


# --- Expected outcomes ---------------------------------------------------------------------


def login_redirect(route: Route, status: int, location: str) -> bool:
    if route.is_api:
        return status in (401, 403)
    if route.is_admin:
        return status == 302 and location.startswith("/admin/login/")
    return status == 302 and location.startswith("/accounts/login/")


def allowed(method: str, status: int) -> bool:
    if method == "GET":
        return 200 <= status < 400
    # 400 bad input, 409 changed meanwhile, 428 a change that does not name the version it replaces.
    return 200 <= status < 400 or status in (400, 409, 428)


def check(route: Route, role: str, method: str, status: int, location: str, scoped: bool,
          supported: bool) -> str | None:
    """None when the outcome is the expected one, else what was expected."""
    name = route.name
    if status >= 500:
        return "no server error"
    if name in PUBLIC:
        expected = PUBLIC[name].get(method)
        if expected is None:
            return None if status in (302, 401, 403, 404, 405) else "405 (method not offered)"
        return None if status in expected else f"one of {sorted(expected)}"
    if route.is_admin:
        return None if login_redirect(route, status, location) else "redirect to the admin login (staff only)"
    if not supported:
        if role == "anonymous":
            return None if status == 405 or login_redirect(route, status, location) else "405 or login"
        return None if status in (403, 404, 405) else "405 (method not offered)"
    if role == "anonymous":
        return None if login_redirect(route, status, location) else (
            "401/403" if route.is_api else "redirect to login")
    short = name
    if name == "annotations:job-download" and role == "annotator":
        # Blind project: a download needs today's right to export, which annotators lack.
        return None if status == 403 else "403 (blind mode: leads export)"
    if name in STAFF_ONLY:
        return None if status == 403 else "403 (site staff only)"
    if name in OWN_ONLY:
        return None if (allowed(method, status) if role == "annotator" else status == 404) else (
            "allowed" if role == "annotator" else "404 (another's stance)")
    if short in REGISTRY:
        if role == "outsider":
            return None if status in (403, 404) else "403 (member of no project)"
        if short == "source-detail" and role == "other_lead":
            # The world's source is heard in the main project only: none of another project's business.
            return None if status == 404 else "404 (a source heard only in another project)"
        if method in REGISTRY[short]:
            return None if status in (403, 405) else "403 (registry administrators only)"
        if method == "POST" and short in COLLECTION_POST:
            exp = COLLECTION_POST[short][role]
            return None if status in exp else f"one of {sorted(exp)}"
        return None if allowed(method, status) else "allowed"
    if method == "POST" and short in COLLECTION_POST:
        exp = COLLECTION_POST[short][role]
        return None if status in exp else f"one of {sorted(exp)}"
    if scoped:
        if role in ("outsider", "other_lead"):
            return None if status == 404 else "404 (not a member)"
        if short in ADMIN_ONLY and role in ("annotator", "lead"):
            return None if status == 403 else "403 (the project's admins only)"
        lead_only = LEAD_ONLY.get(short, set())
        if role == "annotator" and ("*" in lead_only or method in lead_only):
            return None if status == 403 else "403 (leads only)"
        return None if allowed(method, status) else "allowed"
    # Not tied to the project by its URL: lists scoped by membership, the project list page.
    return None if allowed(method, status) else "allowed"


# --- Walking what a role can fetch ----------------------------------------------------------


def fetch(client, url: str, *, htmx: bool = False):
    """GET a URL; the body read whole (streamed or not); writes it causes are rolled back."""
    from django.db import transaction

    headers = {"HX-Request": "true"} if htmx else {}
    with transaction.atomic():
        response = client.get(url, headers=headers)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        transaction.set_rollback(True)
    return response, content


def gettable(w: World, *, admin: bool = False) -> list[tuple[Route, str]]:
    """Every route the matrix can fill, as a concrete URL (admin routes only when asked)."""
    out = []
    for route in all_routes():
        if route.is_admin != admin:
            continue
        url, _ = fill(route, w)  # raises for an unknown kwarg, as the matrix does
        out.append((route, url))
    return out


def walk(client, w: World, *, extra: tuple[str, ...] = (), api: bool = True):
    """Yield (url, htmx, response, content) for every GET the client may make, fragments included."""
    for route, url in gettable(w):
        if route.is_api and not api:
            continue
        for htmx in (False, True) if not route.is_api else (False,):
            response, content = fetch(client, url, htmx=htmx)
            yield url, htmx, response, content
    for url in extra:
        response, content = fetch(client, url)
        yield url, False, response, content
