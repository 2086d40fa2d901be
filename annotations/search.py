"""One search box over a project's articles, claims and sources.

On PostgreSQL, articles and claims are matched with full-text search on vectors stored
when they are written (a trigger; GIN-indexed), in the configuration of the article's
language (`dutch` stems "onderzoeken" and "onderzoek" alike, `english` "investigating"
and "investigation"), ranked by `ts_rank`; a search never reads the texts. Source names
are matched on their folded name and aliases. On other databases a plain case-insensitive
substring match stands in."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Exists, F, OuterRef, Q, TextField, Value, When
from django.db.models.functions import Cast

from annotations.models import Article, Claim, Source, Unit, normalise_name
from annotations.units import Viewer

MAX_QUERY_LENGTH = 200
LIMIT = 25

#: PostgreSQL text-search configuration per article language.
CONFIGS = {"nl": "dutch", "en": "english"}


@dataclass
class SearchResults:
    query: str
    articles: list = field(default_factory=list)
    claims: list = field(default_factory=list)
    sources: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.articles) + len(self.claims) + len(self.sources)


def _config(language_path: str):
    """The text-search configuration named by each row's article language."""
    whens = [When(**{language_path: lang}, then=Value(config)) for lang, config in CONFIGS.items()]
    return Case(*whens, default=Value("simple"))


def _fulltext(queryset, language_path: str, query: str):
    """Rows whose stored vector (`search_vector`, kept by a trigger) matches, best first.

    The query is parsed in each row's language, as its vector was made; the GIN index
    answers the match, so no text is read at search time.
    """
    search = SearchQuery(query, config=_config(language_path), search_type="websearch")
    return (
        queryset.filter(search_vector=search)
        .annotate(rank=SearchRank(F("search_vector"), search))
        .order_by("-rank", "id")
    )


def search_project(
    *, project, query: str, limit: int = LIMIT, user=None, sees_others: bool = True
) -> SearchResults:
    """Articles, claims and sources of the project matching `query`: three queries.

    With `sees_others` false (an annotator in blind mode) claims and sources that
    only another annotator added by hand stay hidden: `units.Viewer`, as on the article page.
    """
    viewer = Viewer(user_id=user.pk if user is not None else None, sees_others=sees_others or user is None)
    query = " ".join((query or "").split())[:MAX_QUERY_LENGTH]
    results = SearchResults(query=query)
    if not query:
        return results
    articles = Article.objects.filter(project=project)
    claims = Claim.objects.filter(article__project=project).visible_to(viewer).select_related("article")
    if connection.vendor == "postgresql":
        articles = _fulltext(articles, "language", query)
        claims = _fulltext(claims, "article__language", query)
    else:
        articles = articles.filter(Q(title__icontains=query) | Q(body__icontains=query)).order_by("id")
        claims = claims.filter(text__icontains=query).order_by("id")
    results.articles = list(articles.defer("body")[:limit])
    results.claims = list(claims[:limit])
    results.sources = list(_sources(project, query, Unit.objects.visible_to(viewer))[:limit])
    return results


def _sources(project, query: str, units):
    """Sources heard in the project whose name or an alias contains the query (folded)."""
    key = normalise_name(query)
    in_project = Exists(units.filter(source=OuterRef("pk"), claim__article__project=project))
    match = Q(name__icontains=query) | Q(aliases_text__icontains=query)
    if key:
        match |= Q(normalized_name__contains=key)
    return (
        Source.objects.filter(merged_into__isnull=True)
        .annotate(aliases_text=Cast("aliases", TextField()))
        .filter(in_project)
        .filter(match)
        .select_related("affiliation")
        .order_by("normalized_name", "id")
    )
