"""Read paths shared by pages and the API, with their joins baked in.

Every function here runs a fixed number of queries whatever the data size.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import connection, models
from django.db.models import Case, CharField, Count, Exists, F, IntegerField, OuterRef, Q, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from rapidfuzz import fuzz
from rest_framework.authtoken.models import Token

from annotations import prepared, units
from annotations.api.throttling import counted_read
from annotations.forms import label_name
from annotations.models import (
    ApiToken,
    Article,
    Assignment,
    Claim,
    ClaimLink,
    History,
    Job,
    JobFile,
    Membership,
    ProgressCount,
    Project,
    ProjectChange,
    Resolution,
    Source,
    SourceProject,
    Stance,
    Unit,
    Verdict,
    VerdictChange,
    is_registry_admin,
    normalise_name,
)
from annotations.permissions import LEAD_ROLES, sees_others_judgements
from annotations.similarity import fold
from annotations.suggestions import UnitFacts
from annotations.units import Viewer
from annotations.worker import end_orphaned_jobs

LIVE_STATUSES = [Assignment.Status.ACTIVE, Assignment.Status.DONE]


def _count_subquery(queryset, field_name: str = "pk"):
    """A correlated COUNT(*) usable in annotate(), without join fan-out."""
    counted = (
        queryset.order_by()
        .values(field_name)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


@dataclass
class ProjectProgress:
    project: Project
    role: str
    articles: int
    mine_done: int
    project_done: int  # finished (article, annotator) assignments, at most `overlap` per article
    can_lead: bool = False

    @property
    def needed(self) -> int:
        return self.articles * self.project.overlap

    @property
    def project_percent(self) -> int:
        return round(100 * self.project_done / self.needed) if self.needed else 100

    @property
    def mine_percent(self) -> int:
        return round(100 * self.mine_done / self.articles) if self.articles else 100


def _counted(project_ref, annotator_id):
    """The trigger-kept count (PostgreSQL) of a project, its shards added up; see models.ProgressCount."""
    return Coalesce(
        Subquery(
            ProgressCount.objects.filter(project_id=project_ref, annotator_id=annotator_id)
            .order_by().values("project_id").annotate(total=Sum("n")).values("total")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def _counts_kept() -> bool:
    # PostgreSQL keeps ProgressCount by triggers (migration 0005); elsewhere we count.
    return connection.vendor == "postgresql"


def projects_with_progress(*, user) -> list[ProjectProgress]:
    """The user's projects with their own and the project's progress. One query.

    On PostgreSQL the figures come from ProgressCount rows (one index lookup each),
    since counting a project's articles and assignments grows with the project.
    """
    memberships = Membership.objects.filter(user=user).select_related("project")
    if _counts_kept():
        memberships = memberships.annotate(
            n_articles=_counted(OuterRef("project_id"), ProgressCount.ARTICLES),
            n_mine_done=_counted(OuterRef("project_id"), user.pk),
            n_project_done=_counted(OuterRef("project_id"), ProgressCount.PROJECT_DONE),
        )
    else:
        memberships = memberships.annotate(
            n_articles=_count_subquery(
                Article.objects.filter(project=OuterRef("project")), "project"
            ),
            n_mine_done=_count_subquery(
                Assignment.objects.filter(
                    article__project=OuterRef("project"), annotator=user,
                    status=Assignment.Status.DONE,
                ),
                "annotator",
            ),
            n_project_done=_count_subquery(
                Assignment.objects.filter(
                    article__project=OuterRef("project"), status=Assignment.Status.DONE
                ),
                "article__project",
            ),
        )
    return [
        ProjectProgress(
            project=m.project, role=m.get_role_display(), articles=m.n_articles, mine_done=m.n_mine_done,
            project_done=min(m.n_project_done, m.n_articles * m.project.overlap),
            can_lead=m.can_lead,
        )
        for m in memberships.order_by("project__name")
    ]


def progress_for(*, project: Project, user) -> ProjectProgress:
    """One project's progress for one member. One query on PostgreSQL (kept counts)."""
    if _counts_kept():
        kept = dict(
            ProgressCount.objects.filter(
                project_id=project.pk,
                annotator_id__in=[ProgressCount.ARTICLES, ProgressCount.PROJECT_DONE, user.pk],
            ).order_by().values("annotator_id").annotate(total=Sum("n")).values_list("annotator_id", "total")
        )
        articles = kept.get(ProgressCount.ARTICLES, 0)
        done = {"all": kept.get(ProgressCount.PROJECT_DONE, 0), "mine": kept.get(user.pk, 0)}
    else:
        articles = Article.objects.filter(project=project).count()
        done = Assignment.objects.filter(
            article__project=project, status=Assignment.Status.DONE
        ).aggregate(all=Count("pk"), mine=Count("pk", filter=Q(annotator=user)))
    return ProjectProgress(
        project=project, role="", articles=articles, mine_done=done["mine"],
        project_done=min(done["all"], articles * project.overlap),
    )


def article_for_project(*, project: Project, article_id: int, body: bool = True) -> Article:
    """The article (without its text unless `body`), or 404 when it belongs to another project."""
    return get_object_or_404(Article.objects.all() if body else Article.objects.defer("body"),
                             pk=article_id, project=project)


def claim_for_article(*, article: Article, claim_id: int) -> Claim:
    claim = get_object_or_404(Claim, pk=claim_id, article=article)
    claim.article = article  # spare services a query for claim.article.project
    return claim


@dataclass
class UnitView:
    """One (claim, source) unit as one annotator sees it."""

    unit: Unit
    mine: Stance | None = None
    others: list[Stance] = field(default_factory=list)
    error: str = ""
    saved: bool = False
    # The stance buttons as the card shows them: (key, label, name, chosen, suggested) each, and
    # the machine's suggestion when it is shown; set by `offer` for the project's labels.
    buttons: list = field(default_factory=list)
    suggestion: str = ""

    def offer(self, labels: list[tuple[str, str, str]], show_suggestions: bool) -> UnitView:
        """Work out the card's buttons once, in Python: a template testing the suggestion and the
        caller's label on every button of every card paid for it on each page and save."""
        self.suggestion = self.unit.suggested_label if show_suggestions and not self.mine else ""
        mine = self.label
        self.buttons = [(n, label, name, label == mine, label == self.suggestion) for n, label, name in labels]
        return self

    @property
    def key(self) -> str:
        return self.unit.key

    # The ids as the page writes them, already text: a template localizes every number it prints
    # (locale, separators), a dozen times a card, on every page and every save's answer.
    @property
    def dom(self) -> str:
        return f"{self.unit.claim_id}-{self.unit.source_id}"

    @property
    def claim_ref(self) -> str:
        return str(self.unit.claim_id)

    @property
    def source_ref(self) -> str:
        return str(self.unit.source_id)

    @property
    def version_ref(self) -> str:
        return str(self.version)

    @property
    def version(self) -> int:
        return self.mine.version if self.mine else 0

    # The caller's label and note, "" before they judge (a template looking them up on a missing
    # judgement pays for an exception each time).
    @property
    def label(self) -> str:
        return self.mine.label if self.mine else ""

    @property
    def note(self) -> str:
        return self.mine.note if self.mine else ""


@dataclass
class ClaimView:
    claim: Claim
    units: list[UnitView] = field(default_factory=list)


def claims_for_annotation(*, article: Article, user, sees_others: bool) -> list[ClaimView]:
    """The article's claims and units as `user` may see them, in reading order.

    Blind mode (`units.Viewer`): units another annotator added by hand, and others'
    stances, stay hidden unless `sees_others`. Four queries at most, whatever the size.
    """
    viewer = Viewer(user_id=user.pk, sees_others=sees_others)
    units = list(
        Unit.objects.filter(claim__article=article).visible_to(viewer)
        .select_related("source", "source__affiliation")
        .order_by("claim_id", "id")
    )
    claims = list(Claim.objects.filter(article=article)
                  .visible_to(viewer, seen_claim_ids={u.claim_id for u in units}).order_by("start", "id"))
    mine = {
        (s.claim_id, s.source_id): s
        for s in Stance.objects.filter(claim__article=article, annotator=user)
    }
    others: dict[tuple[int, int], list[Stance]] = {}
    if sees_others:
        for s in _others(Stance.objects.filter(claim__article=article), user, viewer):
            others.setdefault((s.claim_id, s.source_id), []).append(s)
    by_claim: dict[int, list[UnitView]] = {}
    for unit in units:
        k = (unit.claim_id, unit.source_id)
        by_claim.setdefault(unit.claim_id, []).append(
            UnitView(unit=unit, mine=mine.get(k), others=others.get(k, []))
        )
    views = []
    for claim in claims:
        claim.article = article
        views.append(ClaimView(claim=claim, units=by_claim.get(claim.id, [])))
    return views


def _others(stances, user, viewer: Viewer) -> list[Stance]:
    """Other annotators' judgements among `stances` that the viewer may see, by username."""
    found = list(
        stances.visible_to(viewer).exclude(annotator=user).select_related("annotator").order_by("annotator__username")
    )
    for s in found:
        s.label_display = label_name(s.label)
    return found


def unit_for_annotation(*, claim: Claim, source_id: int, user, sees_others: bool) -> UnitView:
    """One unit visible to `user`, or 404 (also for units hidden by blind mode). Two queries."""
    viewer = Viewer(user_id=user.pk, sees_others=sees_others)
    unit = get_object_or_404(
        Unit.objects.visible_to(viewer).select_related("source", "source__affiliation"),
        claim=claim, source_id=source_id,
    )
    unit.claim = claim
    return _unit_view(unit, user=user, sees_others=sees_others)


def _unit_view(unit: Unit, *, user, sees_others: bool) -> UnitView:
    """The unit with the caller's judgement and, where they may see them, the others', in one query."""
    sql, (stance_part, user_part) = _unit_stances_sql(connection.vendor, mine_only=not sees_others)
    with prepared.cursor() as cursor:  # every save and unit fragment runs it
        cursor.execute(sql, {"claim": unit.claim_id, "source": unit.source_id, "user": user.pk})
        rows = cursor.fetchall()
    mine, others = None, []
    for row in rows:
        stance = stance_part.instance(row)
        stance.annotator = user_part.instance(row)
        if stance.annotator_id == user.pk:
            mine = stance
        else:
            stance.label_display = label_name(stance.label)
            others.append(stance)
    return UnitView(unit=unit, mine=mine, others=others)


@dataclass(frozen=True)
class _RawPart:
    """One model's columns in a hand-written query: where they are in the row, how to convert them."""

    model: type
    attnames: list[str]
    converters: list[tuple]  # per field that has any: (its index, column expression, its converters)
    at: slice

    def instance(self, row) -> models.Model:
        values = row[self.at]
        if self.converters:
            values = list(values)
            for i, col, converters in self.converters:
                for convert in converters:
                    values[i] = convert(values[i], col, connection)
        return self.model.from_db(connection.alias, self.attnames, values)


def _raw_parts(spec) -> tuple[str, list[_RawPart]]:
    """The select list of `spec` ((model, alias, fields not read) each) and where each model's are.
    An alias of None leaves the columns unqualified (a query of one table)."""
    selected, parts, at = [], [], 0
    for model, alias, skip in spec:
        fields = [f for f in model._meta.concrete_fields if f.name not in skip]
        prefix = f"{alias}." if alias else ""
        selected += [f"{prefix}{connection.ops.quote_name(f.column)}" for f in fields]
        cols = [f.get_col(model._meta.db_table) for f in fields]
        converters = [(i, col, found) for i, (f, col) in enumerate(zip(fields, cols, strict=True))
                      if (found := [*connection.ops.get_db_converters(col), *f.get_db_converters(connection)])]
        parts.append(_RawPart(model, [f.attname for f in fields], converters, slice(at, at + len(fields))))
        at += len(fields)
    return ", ".join(selected), parts


def _tables() -> dict[type, str]:
    return {model: connection.ops.quote_name(model._meta.db_table)
            for model in (Unit, Claim, Article, Project, Source, Membership, Stance, SourceProject)}


def _to_project(table: dict[type, str]) -> str:
    """The joins from a claim `c` to its article `a` and project `p`, as every hand-written read has them."""
    return f"JOIN {table[Article]} a ON a.id = c.article_id JOIN {table[Project]} p ON p.id = a.project_id"


# One unit with everything its URL names. Written by hand: it runs for every save, and the ORM
# spent more time compiling this six-table join than PostgreSQL spent running it.
_UNIT_PARTS = [  # (model, alias, fields not read)
    (Unit, "u", ()), (Claim, "c", ()), (Article, "a", ("body",)), (Project, "p", ()), (Source, "src", ()),
    (Source, "aff", ()),
]


@functools.cache
def _unit_in_context_sql(vendor: str) -> tuple[str, list[_RawPart]]:
    selected, parts = _raw_parts(_UNIT_PARTS)
    table = _tables()
    # The last column is the blind-mode rule of `UnitQuerySet.visible_to`: the machine's units,
    # the user's own, and those they judged.
    sql = f"""
        SELECT {selected}, m.id, m.role,
               u.origin = %(extracted)s OR u.added_by_id = %(user)s OR EXISTS (
                   SELECT 1 FROM {table[Stance]} s WHERE s.claim_id = u.claim_id AND s.source_id = u.source_id
                      AND s.annotator_id = %(user)s)
          FROM {table[Unit]} u
          JOIN {table[Claim]} c ON c.id = u.claim_id
          {_to_project(table)}
          JOIN {table[Source]} src ON src.id = u.source_id
          LEFT JOIN {table[Source]} aff ON aff.id = src.affiliation_id
          LEFT JOIN {table[Membership]} m ON m.project_id = p.id AND m.user_id = %(user)s
         WHERE u.claim_id = %(claim)s AND u.source_id = %(source)s AND c.article_id = %(article)s
           AND p.slug = %(slug)s"""
    return sql, parts


@functools.cache
def _unit_stances_sql(vendor: str, *, mine_only: bool) -> tuple[str, list[_RawPart]]:
    """A unit's judgements (only the user's when `mine_only`) with their annotators' names, in the
    names' order; written by hand, as `_unit_in_context_sql`."""
    user = get_user_model()  # a judgement's annotator shows by name only
    unread = tuple(f.name for f in user._meta.concrete_fields if f.name not in ("id", user.USERNAME_FIELD))
    selected, parts = _raw_parts([(Stance, "s", ()), (user, "usr", unread)])
    stances, users = (connection.ops.quote_name(m._meta.db_table) for m in (Stance, user))
    mine = " AND s.annotator_id = %(user)s" if mine_only else ""
    return (f"SELECT {selected} FROM {stances} s JOIN {users} usr ON usr.id = s.annotator_id "
            f"WHERE s.claim_id = %(claim)s AND s.source_id = %(source)s{mine} "
            f"ORDER BY usr.{connection.ops.quote_name(user.USERNAME_FIELD)}"), parts


def unit_in_context(*, user, slug: str, article_id: int, claim_id: int, source_id: int):
    """What a unit's URL names, as `user` may see it: (project, membership, article, UnitView), in
    two queries (the unit with its claim, article, project, source and the user's role; then the
    judgements). The article's body is not read. 404 when the user is not a member, the unit is
    not the article's or the project's, or blind mode hides it from them.
    """
    sql, parts = _unit_in_context_sql(connection.vendor)
    with prepared.cursor() as cursor:
        cursor.execute(sql, {"user": user.pk, "claim": claim_id, "source": source_id, "article": article_id,
                             "slug": slug, "extracted": units.EXTRACTED})
        row = cursor.fetchone()
    if row is None or row[-3] is None:
        raise Http404("No such unit.")
    unit, claim, article, project, source, affiliation = (part.instance(row) for part in parts)
    source.affiliation = affiliation if affiliation.pk is not None else None
    article.project, claim.article, unit.claim, unit.source = project, article, claim, source
    member = Membership(pk=row[-3], project=project, user=user, role=row[-2])
    sees_others = sees_others_judgements(project, member)
    if not (sees_others or row[-1]):
        raise Http404("No such unit.")
    return project, member, article, _unit_view(unit, user=user, sees_others=sees_others)


@functools.cache
def _user_sql(vendor: str) -> tuple[str, _RawPart]:
    selected, (part,) = _raw_parts([(get_user_model(), None, ())])
    users = connection.ops.quote_name(get_user_model()._meta.db_table)
    return f"SELECT {selected} FROM {users} WHERE id = %(pk)s", part


def user_by_pk(pk) -> models.Model | None:
    """The user of a primary key, or None: what every page request reads after its session
    (`annotations.auth`), by hand and prepared (see `unit_in_context`)."""
    sql, part = _user_sql(connection.vendor)
    with prepared.cursor() as cursor:
        cursor.execute(sql, {"pk": pk})
        row = cursor.fetchone()
    return None if row is None else part.instance(row)


@functools.cache
def _token_sql(model, vendor: str) -> tuple[str, list[_RawPart]]:
    """The read of a token of `model` (DRF's `Token` by its key, `ApiToken` by its key's digest) with its user."""
    selected, parts = _raw_parts([(model, "t", ()), (get_user_model(), "usr", ())])
    tokens, users = (connection.ops.quote_name(m._meta.db_table) for m in (model, get_user_model()))
    column = "key" if model is Token else "key_hash"
    return (f"SELECT {selected} FROM {tokens} t JOIN {users} usr ON usr.id = t.user_id WHERE t.{column} = %(key)s",
            parts)


# Whose requests a counted read counts: an active user's, by a named token that is neither revoked nor expired
# (a revoked key must not spend its owner's budget).
_LOGIN_TOKEN_COUNTS = "r.is_active"
_NAMED_TOKEN_COUNTS = "r.is_active AND r.revoked_at IS NULL AND (r.expires_at IS NULL OR r.expires_at > now())"


def login_token(key: str, *, counting: tuple[str, int] | None = None) -> tuple[Token | None, int | None]:
    """The sign-in token (DRF's `Token`) of a key, with its user: what every API request with one reads
    first, by hand and prepared (see `unit_in_context`); (None, None) for an unknown key. With `counting`
    (client prefix, window start; PostgreSQL) the same statement counts a hit of the token's user in their
    rate limit's window, and the pair's second is the window's count (None without `counting`)."""
    return _read_token(Token, key, counting, _LOGIN_TOKEN_COUNTS)


def named_token(key_hash: str, *, counting: tuple[str, int] | None = None) -> tuple[ApiToken | None, int | None]:
    """The named token (`ApiToken`) of a key's digest with its user, as `login_token`; a hit is counted only
    when the token may be used."""
    return _read_token(ApiToken, key_hash, counting, _NAMED_TOKEN_COUNTS)


def _read_token(model, key: str, counting: tuple[str, int] | None, counts: str) -> tuple:
    sql, (token_part, user_part) = _token_sql(model, connection.vendor)
    params = {"key": key}
    if counting is not None:
        sql = counted_read(sql, counts)
        params.update(client_prefix=counting[0], window_start=counting[1])
    with prepared.cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None, None
    token = token_part.instance(row)
    token.user = user_part.instance(row)
    return token, (row[-1] if counting is not None else None)


# What an API save names, read by hand for the same reason: the ORM compiled the claim's join,
# the source registry's rule and the judgement's lookup in more time than the three queries ran.
_STANCE_PARTS = [(Stance, "st", ()), (Claim, "c", ()), (Article, "a", ("body",)), (Project, "p", ()),
                 (Source, "src", ())]


def _stance_instances(row, parts: list[_RawPart]) -> tuple[Stance | None, Claim | None, Source | None]:
    """The judgement (its claim with article and project, and source attached), the claim and the source
    of a row of `_STANCE_PARTS`; None for each the row has not."""
    stance, claim, article, project, source = (part.instance(row) for part in parts)
    if claim.pk is None:
        claim = None
    else:
        article.project, claim.article = project, article
    source = source if source.pk is not None else None
    if stance.pk is None:
        return None, claim, source
    stance.claim, stance.source = claim, source
    return stance, claim, source


@functools.cache
def _stance_target_sql(vendor: str) -> tuple[str, list[_RawPart]]:
    selected, parts = _raw_parts(_STANCE_PARTS)
    table = _tables()
    # The rule of `Source.objects.visible_to` (tested against it), asked of the one source: is it
    # heard in a project of the user's, or does a source heard there speak for it? As `IN (every
    # source heard)` PostgreSQL hashed the member's whole registry on every save (6 ms at 1M
    # judgements); asked per source, each is an index lookup.
    heard = (f"SELECT 1 FROM {table[SourceProject]} sp JOIN {table[Membership]} hm "
             "ON hm.project_id = sp.project_id WHERE hm.user_id = %(user)s AND sp.source_id = {of}")
    sql = f"""
        SELECT {selected}
          FROM (SELECT 1 AS one) k
          LEFT JOIN ({table[Claim]} c
                     {_to_project(table)}
                     JOIN {table[Membership]} m ON m.project_id = p.id AND m.user_id = %(user)s)
            ON c.id = %(claim)s
          LEFT JOIN {table[Source]} src ON src.id = %(source)s AND src.merged_into_id IS NULL
               AND (%(registry_admin)s OR src.created_by_id = %(user)s OR EXISTS ({heard.format(of="src.id")})
                    OR EXISTS (SELECT 1 FROM {table[Source]} s2 WHERE s2.affiliation_id = src.id
                                  AND EXISTS ({heard.format(of="s2.id")})))
          LEFT JOIN {table[Stance]} st ON st.claim_id = c.id AND st.source_id = src.id AND st.annotator_id = %(user)s"""
    return sql, parts


def stance_target(*, user, claim_id: int, source_id: int) -> tuple[Claim | None, Source | None, Stance | None]:
    """What a new judgement names, in one query: the claim (with its article, without the body, and
    project) if the user is a member of its project, the source if they see it in the registry
    (`Source.objects.visible_to`, not merged away), and their judgement of the pair if they have one.
    None for each that is not so."""
    sql, parts = _stance_target_sql(connection.vendor)
    with prepared.cursor() as cursor:
        cursor.execute(sql, {"user": user.pk, "claim": claim_id, "source": source_id,
                             "registry_admin": is_registry_admin(user)})
        row = cursor.fetchone()
    stance, claim, source = _stance_instances(row, parts)
    return claim, source, stance


@functools.cache
def _own_stance_sql(vendor: str) -> tuple[str, list[_RawPart]]:
    selected, parts = _raw_parts(_STANCE_PARTS)
    table = _tables()
    sql = f"""
        SELECT {selected}
          FROM {table[Stance]} st
          JOIN {table[Claim]} c ON c.id = st.claim_id
          {_to_project(table)}
          JOIN {table[Source]} src ON src.id = st.source_id
         WHERE st.id = %(stance)s AND st.annotator_id = %(user)s
           AND EXISTS (SELECT 1 FROM {table[Membership]} m WHERE m.project_id = p.id AND m.user_id = %(user)s)"""
    return sql, parts


def own_stance(*, user, stance_id: int) -> Stance | None:
    """One of the user's judgements in a project they are still a member of (`own_stances`), with its
    claim, article (without the body), project and source, in one query; None when there is none."""
    sql, parts = _own_stance_sql(connection.vendor)
    with prepared.cursor() as cursor:
        cursor.execute(sql, {"user": user.pk, "stance": stance_id})
        row = cursor.fetchone()
    return None if row is None else _stance_instances(row, parts)[0]


@dataclass
class Segment:
    start: int
    text: str
    claims: list[int]
    units: list[str] = field(default_factory=list)


def article_segments(body: str, claims: list[ClaimView]) -> list[Segment]:
    """Cut the body at every claim and evidence boundary; each piece knows what covers it.

    `claims` lists the claims whose span covers the piece, `units` the units whose evidence
    does (a denial further down the text is evidence of its unit, not of the claim's span).
    The template escapes each piece, so highlights never come from raw HTML.
    """
    size = len(body)
    claim_spans = [(cv.claim.start, cv.claim.end, cv.claim.id) for cv in claims]
    unit_spans = [
        (*uv.unit.evidence_span(cv.claim), uv.key) for cv in claims for uv in cv.units
    ]
    cuts = {0, size}
    for start, end, _ in claim_spans + unit_spans:
        if 0 <= start < end <= size:
            cuts.update((start, end))
    points = sorted(cuts)
    segments = []
    for a, b in zip(points, points[1:], strict=False):
        segments.append(Segment(
            start=a, text=body[a:b],
            claims=[c for start, end, c in claim_spans if start <= a and b <= end],
            units=[k for start, end, k in unit_spans if start <= a and b <= end],
        ))
    return segments


def sources_search(*, query: str, user, limit: int = 8):
    """Sources the user sees whose name starts with, then contains, the query. One query."""
    key = normalise_name(query)
    if not key:
        return []
    return list(
        Source.objects.visible_to(user).filter(merged_into__isnull=True)
        .filter(Q(normalized_name__startswith=key) | Q(normalized_name__contains=f" {key}")
                | Q(name__icontains=query.strip()))
        .select_related("affiliation")
        .order_by("normalized_name", "id")[:limit]
    )


def similar_sources(*, project, source, limit: int = 5, cutoff: float = 80.0) -> list:
    """Sources heard in the project whose name (or an alias) is close to this one's: merge candidates.

    One query; names are compared folded (case, accents, punctuation) with rapidfuzz.
    """

    heard = Exists(Unit.objects.filter(source=OuterRef("pk"), claim__article__project=project))
    others = list(
        Source.objects.filter(heard, merged_into__isnull=True).exclude(pk=source.pk).select_related("affiliation")
    )
    mine = [fold(n) for n in [source.name, *source.aliases] if fold(n)]
    scored = []
    for other in others:
        theirs = [fold(n) for n in [other.name, *other.aliases] if fold(n)]
        best = max((fuzz.token_sort_ratio(a, b) for a in mine for b in theirs), default=0.0)
        if best >= cutoff:
            scored.append((best, other))
    scored.sort(key=lambda pair: (-pair[0], pair[1].name))
    return [other for _score, other in scored[:limit]]


# --- The project's articles, with each one's status -------------------------------------------

ARTICLE_STATUSES = ("not_started", "in_progress", "done")
ARTICLES_PAGE = 50


@dataclass
class ArticleRow:
    article: Article
    mine: str  # one of ARTICLE_STATUSES
    annotators: list[tuple[str, str]] = field(default_factory=list)  # (username, status), leads only
    disputed: int = 0  # units still in dispute (not settled), leads only


@dataclass
class ArticlePage:
    rows: list[ArticleRow]
    after: int | None  # cursor of the next page
    before: int | None  # cursor of the previous page


def _my_status(user):
    """SQL for the user's status on an article: done, in progress (held or judged in), not started."""
    mine = Assignment.objects.filter(article=OuterRef("pk"), annotator=user)
    return Case(
        When(Exists(mine.filter(status=Assignment.Status.DONE)), then=Value("done")),
        When(Exists(mine) | Exists(Stance.objects.filter(claim__article=OuterRef("pk"), annotator=user)),
             then=Value("in_progress")),
        default=Value("not_started"),
        output_field=CharField(),
    )


def articles_for_list(
    *, project: Project, user, lead: bool, status: str = "", query: str = "",
    after: int | None = None, before: int | None = None, size: int | None = None,
) -> ArticlePage:
    """One cursor page of the project's articles in id order, with my status on each.

    Leads also get every annotator's status and the number of units still in dispute
    (the export's unit status, computed over the page's judgements). Three queries for
    leads, one otherwise, whatever the project's size.
    """
    size = size or ARTICLES_PAGE
    articles = (
        Article.objects.filter(project=project).annotate(mine=_my_status(user))
        .only("id", "title", "outlet", "published", "published_precision", "language")
    )
    if status in ARTICLE_STATUSES:
        articles = articles.filter(mine=status)
    if query:
        articles = articles.filter(Q(title__icontains=query) | Q(outlet__icontains=query))
    if before is not None:
        page = list(articles.filter(pk__lt=before).order_by("-pk")[: size + 1])
        more_before = len(page) > size
        page = page[:size][::-1]
        more_after = True
    else:
        if after is not None:
            articles = articles.filter(pk__gt=after)
        page = list(articles.order_by("pk")[: size + 1])
        more_after = len(page) > size
        page = page[:size]
        more_before = after is not None
    rows = [ArticleRow(article=a, mine=a.mine) for a in page]
    if lead and rows:
        ids = [r.article.pk for r in rows]
        people: dict[int, dict[str, str]] = {i: {} for i in ids}
        # The article's annotators, as the dispute rule counts them: who judged or finished it.
        everyone: dict[int, set[str]] = {i: set() for i in ids}
        judged: dict[tuple[int, int, int], list[str]] = {}
        resolutions = {}
        # One query: the page's assignments and judgements, with the units' resolutions.
        for kind, article_id, claim_id, source_id, who, value, settled in _article_people(ids):
            if kind == "assignment":
                done = value == Assignment.Status.DONE
                people[article_id][who] = "done" if done else "in_progress"
                if done:
                    everyone[article_id].add(who)
                continue
            people[article_id].setdefault(who, "in_progress")
            everyone[article_id].add(who)
            judged.setdefault((article_id, claim_id, source_id), []).append(value)
            if settled:
                resolutions[(claim_id, source_id)] = settled
        by_id = {r.article.pk: r for r in rows}
        for (article_id, claim_id, source_id), labels in judged.items():
            counted = len(everyone[article_id]) if len(everyone[article_id]) >= 2 else 0
            state = units.unit_status(labels, counted, resolutions.get((claim_id, source_id)))
            if state == units.Status.DISPUTED:
                by_id[article_id].disputed += 1
        for r in rows:
            r.annotators = sorted(people[r.article.pk].items())
    return ArticlePage(
        rows=rows,
        after=rows[-1].article.pk if rows and more_after else None,
        before=rows[0].article.pk if rows and more_before else None,
    )


def _article_people(article_ids: list[int]):
    """Rows (kind, article, claim, source, username, label or status, resolution status) of some articles."""
    assignments = (
        Assignment.objects.filter(article_id__in=article_ids)
        .exclude(status=Assignment.Status.RELEASED)
        .annotate(kind=Value("assignment"), claim_ref=Value(None, IntegerField()),
                  source_ref=Value(None, IntegerField()), settled=Value(""))
        .values_list("kind", "article_id", "claim_ref", "source_ref", "annotator__username", "status", "settled")
        .order_by()  # a part of a UNION has no order of its own (SQLite refuses one)
    )
    resolution = Resolution.objects.filter(claim_id=OuterRef("claim_id"), source_id=OuterRef("source_id"))
    stances = (
        Stance.objects.filter(claim__article_id__in=article_ids)
        .annotate(kind=Value("stance"), settled=Coalesce(Subquery(resolution.values("status")[:1]), Value("")))
        .values_list("kind", "claim__article_id", "claim_id", "source_id", "annotator__username", "label",
                     "settled")
        .order_by()
    )
    return assignments.union(stances, all=True)


@dataclass(frozen=True)
class ArticleRef:
    """An article as a link shows it."""

    pk: int
    title: str


def previous_article(*, project: Project, article: Article, user, mine: Assignment | None) -> ArticleRef | None:
    """The article the user took up before this one (by when they started `mine`, their assignment
    here). One query, of the link's two fields."""
    # Without an assignment here (a lead browsing), the latest article they took up.
    before = mine.started_at if mine is not None else timezone.now()
    row = (
        Assignment.objects.filter(annotator=user, article__project=project, started_at__lt=before)
        .exclude(article=article).order_by("-started_at", "-id").values_list("article_id", "article__title")
        .first()
    )
    return ArticleRef(*row) if row else None


def job_for_user(*, user, pk: int) -> tuple[Job, Membership]:
    """One of the user's own jobs, with their membership of its project (404 otherwise).

    A job whose worker died is ended here as failed, so its page says so even while no worker runs.
    """
    job = get_object_or_404(Job.objects.select_related("project"), pk=pk, user=user)
    membership = Membership.objects.filter(project=job.project, user=user).first()
    if membership is None:
        raise Http404("No such job.")
    if not job.finished and job.task_id and end_orphaned_jobs(task_ids=[job.task_id]):
        job.refresh_from_db()
    return job, membership


def recent_jobs(*, project: Project, user, kind: str, limit: int = 5) -> list[Job]:
    return list(Job.objects.filter(project=project, user=user, kind=kind)[:limit])


def job_output_chunks(job: Job):
    """The export's file, chunk by chunk: one chunk in memory at a time."""
    ids = list(job.files.filter(direction=JobFile.Direction.OUTPUT).values_list("pk", flat=True))
    for pk in ids:
        yield bytes(JobFile.objects.values_list("data", flat=True).get(pk=pk))


def suggestion_facts(project: Project) -> list[UnitFacts]:
    """Every unit of the project as `suggestions.UnitFacts`, in four queries: units,
    judgements, resolutions and finished assignments. A judged pair without its Unit row
    (older data) counts as a hand-made unit."""
    found = {
        (claim_id, source_id): {
            "article_id": article_id, "language": language, "extracted": origin == Claim.Origin.EXTRACTED,
            "suggested_label": suggested, "score": score, "engine_version": engine, "added_by": added_by,
            "unit_id": pk,
        }
        for pk, claim_id, source_id, article_id, language, origin, suggested, score, engine, added_by
        in Unit.objects.filter(claim__article__project=project).values_list(
            "pk", "claim_id", "source_id", "claim__article_id", "claim__article__language", "origin",
            "suggested_label", "suggestion_score", "engine_version", "added_by_id")
    }
    judgements: dict[tuple[int, int], list[tuple[int, str]]] = {}
    judged: list[tuple[int, int]] = []
    for claim_id, source_id, annotator_id, label, article_id, language in (
        Stance.objects.for_project(project).order_by("claim_id", "source_id", "annotator_id").values_list(
            "claim_id", "source_id", "annotator_id", "label", "claim__article_id", "claim__article__language")
    ):
        judgements.setdefault((claim_id, source_id), []).append((annotator_id, label))
        judged.append((article_id, annotator_id))
        found.setdefault((claim_id, source_id), {"article_id": article_id, "language": language, "extracted": False})
    resolutions = {
        (claim_id, source_id): (status, label)
        for claim_id, source_id, status, label in Resolution.objects.filter(claim__article__project=project)
        .values_list("claim_id", "source_id", "status", "label")
    }
    annotators = units.article_annotators(judged, units.finished(Q(article__project=project)))
    facts = []
    for key, unit in found.items():
        status, label = resolutions.get(key, (None, None))
        facts.append(UnitFacts(
            claim_id=key[0], source_id=key[1], **unit, judgements=tuple(judgements.get(key, ())),
            annotators=len(annotators.get(unit["article_id"], ())), resolution_status=status, resolution_label=label,
        ))
    return facts


# --- What a page and the API both look up ---------------------------------------------------------


def unit_of_project(*, project: Project, claim_id: int, source_id: int) -> tuple[Claim, Source] | None:
    """The claim and source of a unit of `project` (one the machine found, or one someone judged), else None."""
    claim = Claim.objects.select_related("article__project").filter(pk=claim_id, article__project=project).first()
    source = Source.objects.filter(pk=source_id).first()
    if claim is None or source is None:
        return None
    if not (Unit.objects.filter(claim=claim, source=source).exists()
            or Stance.objects.filter(claim=claim, source=source).exists()):
        return None
    return claim, source


def tracked_cluster_id(*, claim: Claim) -> int | None:
    """The tracked claim (cluster) a claim is confirmed in, if any."""
    return ClaimLink.objects.filter(claim=claim, status=ClaimLink.Status.CONFIRMED).values_list(
        "cluster_id", flat=True).first()


def source_heard_in(*, project: Project, source: Source) -> bool:
    """Whether `source` speaks in one of the project's articles: a source page and timeline exist only then."""
    return Unit.objects.filter(source=source, claim__article__project=project).exists()


# --- The API's collections: the caller's projects, the blind-mode rule of units.py ---------------


def member_project_ids(user):
    """The projects the user is a member of, as a subquery."""
    return Membership.objects.filter(user=user).values("project_id")


def projects_seeing_all_ids(user):
    """Projects in which the user sees other annotators' work: led ones, and those not blind."""
    return Membership.objects.filter(user=user).filter(
        Q(role__in=LEAD_ROLES) | Q(project__blind=False)
    ).values("project_id")


def projects_for_member(user):
    role = Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1]
    return Project.objects.filter(memberships__user=user).annotate(my_role=Subquery(role))


def articles_for_member(user):
    return Article.objects.filter(project__in=member_project_ids(user)).select_related("project")


def claims_for_member(user):
    return Claim.objects.filter(article__project__in=member_project_ids(user))


def own_stances(user):
    """The user's own judgements in the projects they are still a member of."""
    return Stance.objects.filter(annotator=user).filter(
        Exists(Membership.objects.filter(user=user, project_id=OuterRef("claim__article__project_id"))))


def units_for_member(user):
    """Units of the user's projects as they may see them, with their own judgement's fields."""
    mine = Stance.objects.filter(claim_id=OuterRef("claim_id"), source_id=OuterRef("source_id"), annotator=user)
    # The blind-mode rule of units.py where it applies; everything in the projects where it does not.
    visible = (Unit.objects.filter(claim__article__project_id__in=projects_seeing_all_ids(user))
               | Unit.objects.visible_to(Viewer(user_id=user.pk, sees_others=False)))
    return (
        visible.filter(claim__article__project_id__in=member_project_ids(user))
        .select_related("source", "claim")
        .annotate(
            article=F("claim__article_id"),
            project_id=F("claim__article__project_id"),
            show_suggestions=F("claim__article__project__show_suggestions"),
            mine_id=Subquery(mine.values("id")[:1]),
            mine_label=Subquery(mine.values("label")[:1]),
            mine_note=Subquery(mine.values("note")[:1]),
            mine_version=Subquery(mine.values("version")[:1]),
        )
    )


@functools.cache
def _article_units_sql(vendor: str) -> tuple[str, list[_RawPart]]:
    """`units_for_member` for one article of a project, by hand (see `_unit_in_context_sql`)."""
    source_unread = tuple(f.name for f in Source._meta.concrete_fields if f.name not in ("id", "name"))
    selected, parts = _raw_parts([(Unit, "u", ()), (Source, "src", source_unread)])
    table = _tables()
    # The blind-mode rule as `units_for_member` applies it: everything where the member sees others'
    # work (a lead, or a project that is not blind), else `UnitQuerySet.visible_to`.
    sql = f"""
        SELECT {selected}, c.article_id, a.project_id, p.show_suggestions, m.role,
               st.id, st.label, st.note, st.version
          FROM {table[Unit]} u
          JOIN {table[Claim]} c ON c.id = u.claim_id
          {_to_project(table)}
          JOIN {table[Membership]} m ON m.project_id = p.id AND m.user_id = %(user)s
          JOIN {table[Source]} src ON src.id = u.source_id
          LEFT JOIN {table[Stance]} st ON st.claim_id = u.claim_id AND st.source_id = u.source_id
               AND st.annotator_id = %(user)s
         WHERE c.article_id = %(article)s AND p.slug = %(slug)s
           AND (m.role IN (%(lead)s, %(admin)s) OR NOT p.blind OR u.origin = %(extracted)s
                OR u.added_by_id = %(user)s OR st.id IS NOT NULL)
         ORDER BY u.id
         LIMIT %(limit)s"""
    return sql, parts


def units_of_article(*, user, slug: str, article_id: int, limit: int) -> tuple[list[Unit], set[int]]:
    """`units_for_member(user)` of one article of the project `slug`, in id order, at most `limit`, with
    the annotations `units_for_member` adds: one hand-written query, prepared. Also the ids of the
    projects among them the user leads or administers (the API's suggestion rule)."""
    sql, (unit_part, source_part) = _article_units_sql(connection.vendor)
    with prepared.cursor() as cursor:
        cursor.execute(sql, {"user": user.pk, "article": article_id, "slug": slug, "limit": limit,
                             "lead": Membership.Role.LEAD, "admin": Membership.Role.ADMIN,
                             "extracted": units.EXTRACTED})
        rows = cursor.fetchall()
    found, lead_ids = [], set()
    for row in rows:
        unit = unit_part.instance(row)
        unit.source = source_part.instance(row)
        (unit.article, unit.project_id, unit.show_suggestions, role,
         unit.mine_id, unit.mine_label, unit.mine_note, unit.mine_version) = row[-8:]
        if role in LEAD_ROLES:
            lead_ids.add(unit.project_id)
        found.append(unit)
    return found, lead_ids


def history_for_member(*, project: Project, membership: Membership, user):
    """A project's History as the member may read it: in blind mode an annotator's own judgements only."""
    rows = History.objects.filter(claim__article__project_id=project.pk).select_related("claim", "annotator", "actor")
    if not sees_others_judgements(project, membership):
        rows = rows.filter(kind=History.Kind.STANCE, annotator=user)
    return rows


def resolutions_of_project(*, project: Project):
    return (Resolution.objects.filter(claim__article__project_id=project.pk).select_related("resolved_by")
            .annotate(article_id=F("claim__article_id")))


def project_members(*, project: Project) -> list[Membership]:
    return list(Membership.objects.filter(project=project).select_related("user").order_by("user__username"))


def project_setup_changes(*, project: Project, limit: int = 30) -> list[ProjectChange]:
    """The newest changes of a project's set-up (settings and members; the guidelines have their page)."""
    return list(ProjectChange.objects.filter(project=project).exclude(field="guidelines")
                .select_related("actor").order_by("-id")[:limit])



def verdict_of(*, cluster=None, claim=None) -> Verdict | None:
    """The verdict on a tracked claim or on a claim, with its reviewer (one query)."""
    target = {"cluster": cluster} if cluster is not None else {"claim": claim}
    return Verdict.objects.select_related("reviewer").filter(**target).first()


def verdict_changes(*, verdict: Verdict | None, limit: int = 20) -> list[VerdictChange]:
    """A verdict's changes, newest first (one query; none without a verdict)."""
    if verdict is None:
        return []
    return list(VerdictChange.objects.filter(verdict=verdict).select_related("actor").order_by("-id")[:limit])


def verdicts_of_project(*, project: Project):
    """A project's verdicts for the API, with what their output names (no query per row)."""
    return Verdict.objects.filter(project=project).select_related("reviewer").order_by("id")
