"""Exports of a project's units: CSV, JSONL, ClaimReview and W3C Web Annotation.

The JSONL export is the project backup: `services.backup` writes it (and restores it).

Everything streams. CSV has two paths that give byte-identical files:

* PostgreSQL: one SQL query, formula neutralising included, sent through
  `COPY (query) TO STDOUT WITH (FORMAT csv, HEADER)` and psycopg's `cursor.copy()`;
  `export_sql()` prints it (``manage.py export_stances --sql``).
* Any database (SQLite): the same rows computed in Python, articles read in
  batches from `.iterator()`, and written with PostgreSQL's CSV quoting rules.
  Python's csv module is not used because it leaves a bare CR unquoted, which
  COPY quotes; matching COPY byte for byte is what the tests check.

Status of a unit: `units.unit_status` over its judgements, the article's annotators
(`units.article_annotators`: who finished the article or judged anything in it) and
its resolution. The `stance` column is filled only for a settled unit (`consensus` or
`resolved`), with the resolution's label; `settled_by` names the lead who resolved it,
`reason` gives the resolution's reason and `settled_at` when it was settled (UTC,
microseconds). Provenance: `suggested_label`, `suggestion_score` and `engine_version` say
what the machine suggested (empty for a unit added by hand); the judgements say what each
annotator gave. The same rules hold in CSV (both paths), JSONL, Web Annotation and the
API, which serves these files.

ClaimReview is not a report of units: it has one item per verdict a lead gave a tracked
claim or a claim and published (a URL and a date), see `claimreview_json`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass

from django import forms
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import StreamingHttpResponse
from django.utils.translation import gettext
from psycopg import sql

from annotations import units as unit_rules
from annotations.models import (
    Article,
    Claim,
    ClaimLink,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
)
from annotations.records import UnitRecord, VerdictRecord, chunked, iso, iter_units, iter_verdicts
from annotations.services.backup import iter_jsonl

FORMATS = ("csv", "jsonl", "claimreview", "webannotation")
LAYOUTS = ("unit", "judgement")
STATUSES = tuple(unit_rules.Status.values)
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "claimreview": "application/ld+json; charset=utf-8",
    "webannotation": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
}
EXTENSIONS = {"csv": "csv", "jsonl": "jsonl", "claimreview": "jsonld", "webannotation": "jsonld"}
BOM = "\ufeff".encode()
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
COMMON_COLUMNS = [
    "article_id", "article_title", "published", "outlet", "url", "language", "claim_id", "claim", "evidence",
    "source", "source_kind", "source_role", "affiliation", "cluster_id",
]
SETTLEMENT_COLUMNS = ["stance", "status", "settled_by", "reason"]
# Added after the others, so that older readers that count columns keep working.
PROVENANCE_COLUMNS = ["suggested_label", "suggestion_score", "engine_version", "settled_at"]
# For scripts that join: the source's id (names are not unique) and how precise `published` is.
KEY_COLUMNS = ["source_id", "published_precision"]
UNIT_COLUMNS = [*COMMON_COLUMNS, *SETTLEMENT_COLUMNS, "judgements", "n_judgements", *PROVENANCE_COLUMNS,
                *KEY_COLUMNS]
JUDGEMENT_COLUMNS = [*COMMON_COLUMNS, "annotator", "label", "note", *SETTLEMENT_COLUMNS, *PROVENANCE_COLUMNS,
                     *KEY_COLUMNS]
# Integer columns are never neutralised (and never start with a prefix character).
INT_COLUMNS = {"article_id", "claim_id", "cluster_id", "n_judgements", "source_id"}
# CSV dialects: "" is RFC 4180 (commas); "excel-nl" is what Excel expects in Dutch (and other
# comma-decimal) locales: semicolons, a BOM, and decimal commas in the score.
DIALECTS = ("", "excel-nl")


class ExportError(ValueError):
    """Bad export options: the message says which and why."""


@dataclass(frozen=True)
class ExportOptions:
    format: str = "csv"
    layout: str = "unit"
    status: str = ""
    label: str = ""
    article: int | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    bom: bool = False
    dialect: str = ""

    @property
    def delimiter(self) -> str:
        return ";" if self.dialect == "excel-nl" else ","

    @classmethod
    def from_query(cls, query, *, project: Project) -> ExportOptions:
        """Check options from a query string (or a form); raise ExportError naming the bad one."""
        form = ExportForm(query, project=project)
        if not form.is_valid():
            raise ExportError(next(iter(form.errors.values()))[0])
        return cls(**form.cleaned_data)


class ExportForm(forms.Form):
    """The export's options as a query string, a page's form or a command's flags give them."""

    format = forms.CharField(required=False)
    layout = forms.CharField(required=False)
    status = forms.CharField(required=False)
    label = forms.CharField(required=False)
    article = forms.CharField(required=False)
    published_from = forms.CharField(required=False)
    published_to = forms.CharField(required=False)
    bom = forms.CharField(required=False)
    dialect = forms.CharField(required=False)

    def __init__(self, data, *, project: Project):
        super().__init__({name: data.get(name) for name in self.base_fields if data.get(name) is not None})
        self.project = project

    @staticmethod
    def _choice(value: str, choices, message: str, default: str = "") -> str:
        if value and value not in choices:
            raise forms.ValidationError(message % {"value": repr(value), "choices": ", ".join(choices)})
        return value or default

    def clean_format(self) -> str:
        return self._choice(self.cleaned_data["format"], FORMATS,
                            gettext("Unknown format %(value)s: use one of %(choices)s."), "csv")

    def clean_layout(self) -> str:
        return self._choice(self.cleaned_data["layout"], LAYOUTS,
                            gettext("Unknown layout %(value)s: use one of %(choices)s."), "unit")

    def clean_status(self) -> str:
        return self._choice(self.cleaned_data["status"], STATUSES,
                            gettext("Unknown status %(value)s: use one of %(choices)s."))

    def clean_label(self) -> str:
        return self._choice(self.cleaned_data["label"], self.project.judgement_labels,
                            gettext("Unknown label %(value)s: this project's labels are %(choices)s."))

    def clean_article(self) -> int | None:
        value = self.cleaned_data["article"]
        if not value:
            return None
        try:
            article = int(value)
        except ValueError as exc:
            raise forms.ValidationError(
                gettext("article must be an article id, not %(value)s.") % {"value": repr(value)}) from exc
        if not 0 < article < 2**63:
            raise forms.ValidationError(gettext("article must be a positive article id."))
        return article

    def _date(self, name: str) -> dt.date | None:
        value = self.cleaned_data[name]
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError as exc:
            raise forms.ValidationError(gettext("%(name)s must be a date YYYY-MM-DD, not %(value)s.")
                                        % {"name": name, "value": repr(value)}) from exc

    def clean_published_from(self) -> dt.date | None:
        return self._date("published_from")

    def clean_published_to(self) -> dt.date | None:
        return self._date("published_to")

    def clean_bom(self) -> bool:
        return self.cleaned_data["bom"].lower() in {"1", "true", "yes", "on"} or self.data.get("dialect") == "excel-nl"

    def clean_dialect(self) -> str:
        return self._choice(self.cleaned_data["dialect"], [d for d in DIALECTS if d],
                            gettext("Unknown dialect %(value)s: use one of %(choices)s."))


def neutralise(value: str | None) -> str | None:
    """Defuse spreadsheet formulas (OWASP CSV injection); empty text becomes NULL, as in SQL."""
    if not value:
        return None
    if value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def float_text(value: float | None) -> str | None:
    """A float as PostgreSQL's COPY writes a double (shortest exact form, no trailing ".0"),
    for the confidences in [0, 1] that the exports carry."""
    if value is None:
        return None
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    text = repr(value)
    return text[:-2] if text.endswith(".0") else text


def published_display(published: dt.date | None, precision: str) -> str | None:
    if published is None:
        return None
    if precision == Article.Precision.YEAR:
        return f"{published.year:04d}"
    if precision == Article.Precision.MONTH:
        return f"{published.year:04d}-{published.month:02d}"
    return f"{published.year:04d}-{published.month:02d}-{published.day:02d}"


# --- CSV ---------------------------------------------------------------------------------


def csv_cell(value, delimiter: str = ",") -> str:
    """One cell as PostgreSQL's COPY CSV writes it: NULL bare, '' and specials (the delimiter,
    quotes, line ends) quoted."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if value == "" or any(ch in value for ch in delimiter + '"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def csv_line(values, delimiter: str = ",") -> str:
    return delimiter.join(csv_cell(v, delimiter) for v in values) + "\n"


def _unit_cells(record: UnitRecord) -> list:
    article, claim, source = record.article, record.claim, record.source
    return [
        article.pk,
        neutralise(article.title),
        neutralise(published_display(article.published, article.published_precision)),
        neutralise(article.outlet),
        neutralise(article.url),
        neutralise(article.language),
        claim.pk,
        neutralise(claim.text),
        neutralise(article.body[claim.start:claim.end]),
        neutralise(source.name),
        neutralise(source.kind),
        neutralise(source.role),
        neutralise(source.affiliation.name if source.affiliation_id else None),
        getattr(claim, "cluster_id", None),  # the tracked claim, when a lead confirmed one
    ]


def _settlement_cells(record: UnitRecord) -> list:
    return [neutralise(record.stance), neutralise(record.status), neutralise(record.settled_by),
            neutralise(record.reason)]


def _provenance_cells(record: UnitRecord, options: ExportOptions) -> list:
    unit = record.unit
    score = float_text(unit.suggestion_score)
    if score is not None and options.dialect == "excel-nl":
        score = score.replace(".", ",")
    return [neutralise(unit.suggested_label), score, neutralise(unit.engine_version), record.settled_at,
            record.source.pk,
            neutralise(record.article.published_precision if record.article.published else None)]


def iter_csv_rows(project: Project, options: ExportOptions) -> Iterator[list]:
    """The CSV's rows (header first), computed in Python."""
    if options.layout == "judgement":
        yield list(JUDGEMENT_COLUMNS)
        for record in iter_units(project, options):
            base, settlement = _unit_cells(record), [*_settlement_cells(record), *_provenance_cells(record, options)]
            for stance in record.stances:
                yield [*base, neutralise(stance.annotator_name), neutralise(stance.label),
                       neutralise(stance.note), *settlement]
        return
    yield list(UNIT_COLUMNS)
    for record in iter_units(project, options):
        judgements = ";".join(f"{s.annotator_name}:{s.label}" for s in record.stances)
        yield [*_unit_cells(record), *_settlement_cells(record), neutralise(judgements), len(record.stances),
               *_provenance_cells(record, options)]


def iter_csv_python(project: Project, options: ExportOptions) -> Iterator[bytes]:
    def pieces():
        if options.bom:
            yield BOM
        for row in iter_csv_rows(project, options):
            yield csv_line(row, options.delimiter).encode("utf-8")

    return chunked(pieces())


def _sql_neutralise(expr: str) -> str:
    # Mirrors neutralise(): '' → NULL, then a quote before a formula prefix.
    return (
        f"CASE WHEN left(NULLIF({expr}, ''), 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') "
        f"THEN '''' || {expr} ELSE NULLIF({expr}, '') END"
    )


def export_sql(project: Project, options: ExportOptions) -> str:
    """The runnable PostgreSQL query of the CSV export, with its values inlined as literals."""
    t = {
        model.__name__.lower(): model._meta.db_table
        for model in (Article, Claim, ClaimLink, Source, Stance, Resolution, Unit)
    }
    t["user"] = get_user_model()._meta.db_table
    where = ["a.project_id = {project}"]
    values: dict[str, object] = {"project": project.pk}
    if options.article is not None:
        where.append("a.id = {article}")
        values["article"] = options.article
    if options.published_from is not None:
        where.append("a.published >= {published_from}")
        values["published_from"] = options.published_from
    if options.published_to is not None:
        where.append("a.published <= {published_to}")
        values["published_to"] = options.published_to
    outer = []
    if options.status:
        outer.append("units.status = {status}")
        values["status"] = options.status
    if options.label:
        outer.append("units.stance = {label}")
        values["label"] = options.label
    n = _sql_neutralise
    common = ", ".join([
        "units.article_id", f"{n('units.title')} AS article_title", f"{n('units.published')} AS published",
        f"{n('units.outlet')} AS outlet", f"{n('units.url')} AS url", f"{n('units.language')} AS language",
        "units.claim_id", f"{n('units.claim')} AS claim", f"{n('units.evidence')} AS evidence",
        f"{n('units.source')} AS source", f"{n('units.source_kind')} AS source_kind",
        f"{n('units.source_role')} AS source_role", f"{n('units.affiliation')} AS affiliation",
        "units.cluster_id",
    ])
    settlement = ", ".join(f"{n('units.' + name)} AS {name}" for name in SETTLEMENT_COLUMNS)
    # The score is a number (never neutralised); COPY writes a double as float_text does.
    score = ("replace(units.suggestion_score::text, '.', ',')" if options.dialect == "excel-nl"
             else "units.suggestion_score")
    provenance = (f"{n('units.suggested_label')} AS suggested_label, {score} AS suggestion_score, "
                  f"{n('units.engine_version')} AS engine_version, units.settled_at, units.source_id, "
                  f"{n('units.published_precision')} AS published_precision")
    if options.layout == "judgement":
        select = (
            f"SELECT {common}, {n('ju.username')} AS annotator, {n('js.label')} AS label, "
            f"{n('js.note')} AS note, {settlement}, {provenance} "
            f"FROM units JOIN {t['stance']} js ON js.claim_id = units.claim_id AND js.source_id = units.source_id "
            f"JOIN {t['user']} ju ON ju.id = js.annotator_id"
        )
        order = "ORDER BY units.article_id, units.claim_id, units.source_id, js.annotator_id"
    else:
        select = (
            f"SELECT {common}, {settlement}, {n('judgements')} AS judgements, n_judgements, {provenance} FROM units"
        )
        order = "ORDER BY article_id, claim_id, units.source_id"
    status = unit_rules.status_sql("j.n_labels > 1", "coalesce(j.n, 0)", "coalesce(aa.n, 0)", "r.status")
    settled = ", ".join(f"'{s}'" for s in sorted(unit_rules.SETTLED))
    text = f"""WITH arts AS (
    SELECT a.id FROM {t['article']} a WHERE {' AND '.join(where)}
), article_annotators AS (
    SELECT p.article_id, count(*) AS n FROM ({unit_rules.annotators_sql("SELECT id FROM arts")}) p
    GROUP BY p.article_id
), judgements AS (
    SELECT st.claim_id, st.source_id, count(*) AS n, count(DISTINCT st.label) AS n_labels,
           string_agg(u.username || ':' || st.label, ';' ORDER BY st.annotator_id) AS judgements
    FROM {t['stance']} st JOIN {t['claim']} c ON c.id = st.claim_id JOIN arts a ON a.id = c.article_id
    JOIN {t['user']} u ON u.id = st.annotator_id
    GROUP BY st.claim_id, st.source_id
), unit_rows AS (
    SELECT a.id AS article_id, a.title,
           CASE a.published_precision WHEN 'year' THEN to_char(a.published, 'YYYY')
                WHEN 'month' THEN to_char(a.published, 'YYYY-MM')
                ELSE to_char(a.published, 'YYYY-MM-DD') END AS published,
           CASE WHEN a.published IS NOT NULL THEN a.published_precision END AS published_precision,
           a.outlet, a.url, a.language, c.id AS claim_id, cl.cluster_id, c.text AS claim,
           substr(a.body, c.start + 1, c."end" - c.start) AS evidence,
           un.source_id, s.name AS source, s.kind AS source_kind, s.role AS source_role,
           af.name AS affiliation, {status} AS status,
           r.label AS r_label, r.reason AS r_reason, ru.username AS resolver, r.updated_at AS r_updated_at,
           un.suggested_label, un.suggestion_score, un.engine_version,
           j.judgements, coalesce(j.n, 0) AS n_judgements
    FROM {t['unit']} un
    JOIN {t['claim']} c ON c.id = un.claim_id
    JOIN {t['article']} a ON a.id = c.article_id
    JOIN {t['source']} s ON s.id = un.source_id
    LEFT JOIN {t['claimlink']} cl ON cl.claim_id = c.id AND cl.status = 'confirmed'
    LEFT JOIN {t['source']} af ON af.id = s.affiliation_id
    LEFT JOIN {t['resolution']} r ON r.claim_id = un.claim_id AND r.source_id = un.source_id
    LEFT JOIN {t['user']} ru ON ru.id = r.resolved_by_id
    LEFT JOIN judgements j ON j.claim_id = un.claim_id AND j.source_id = un.source_id
    LEFT JOIN article_annotators aa ON aa.article_id = a.id
    WHERE {' AND '.join(where)}
), units AS (
    SELECT unit_rows.*,
           CASE WHEN status IN ({settled}) THEN r_label END AS stance,
           CASE WHEN status = '{unit_rules.Status.RESOLVED}' THEN resolver END AS settled_by,
           CASE WHEN status IN ({settled}) THEN r_reason END AS reason,
           CASE WHEN status IN ({settled}) THEN
                to_char(r_updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') END AS settled_at
    FROM unit_rows
)
{select}
{('WHERE ' + ' AND '.join(outer)) if outer else ''}
{order}"""
    composed = sql.SQL(text).format(**{k: sql.Literal(v) for k, v in values.items()})
    connection.ensure_connection()
    return composed.as_string(connection.connection)


def copy_statement(query: str, delimiter: str = ",") -> str:
    return f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER, DELIMITER '{delimiter}')"


def iter_csv_copy(project: Project, options: ExportOptions) -> Iterator[bytes]:
    """Stream the CSV straight from PostgreSQL's COPY, in ~64 KiB chunks."""
    statement = copy_statement(export_sql(project, options), options.delimiter)

    def pieces():
        if options.bom:
            yield BOM
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for data in copy:
                yield bytes(data)

    return chunked(pieces())


def iter_csv(project: Project, options: ExportOptions, *, method: str = "auto") -> Iterator[bytes]:
    """The CSV bytes: COPY on PostgreSQL, Python elsewhere (or as `method` says)."""
    if method == "auto":
        method = "copy" if connection.vendor == "postgresql" else "python"
    if method == "copy":
        return iter_csv_copy(project, options)
    return iter_csv_python(project, options)


# --- ClaimReview -----------------------------------------------------------------------------

SOURCE_TYPES = {"person": "Person"}
# Newsrooms paste ClaimReview into <script type="application/ld+json">: with <, > and & written as
# JSON escapes, an article's text ("</script>…") cannot end the script early. The JSON is the same.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def _appearance_json(article: Article) -> dict:
    """An article in which the claim appears, as a schema.org CreativeWork."""
    work = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        work["url"] = article.url
    # schema.org dates are full dates: an article dated to the month or year gives none.
    if article.published and article.published_precision == Article.Precision.DAY:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def claimreview_rating(scale: list[str], rating: str) -> dict:
    """A verdict as a schema.org Rating on the project's scale, listed best first:
    the best rating is len(scale), the worst 1."""
    best = len(scale)
    value = best - scale.index(rating) if rating in scale else None
    result = {"@type": "Rating", "alternateName": rating, "name": rating}
    if value is not None:
        result.update({"ratingValue": value, "bestRating": best, "worstRating": 1})
    return result


def claimreview_json(project: Project, record: VerdictRecord) -> dict:
    """One verdict as a ClaimReview a newsroom can publish (Google's fact-check markup)."""
    verdict = record.verdict
    rating = claimreview_rating(project.verdict_scale, verdict.rating)
    if verdict.explanation:
        rating["ratingExplanation"] = verdict.explanation
    author = {"@type": "Organization", "name": project.publisher_name or project.name}
    if project.publisher_url:
        author["url"] = project.publisher_url
    item: dict = {"@type": "Claim"}
    appearances = [_appearance_json(article) for article in record.appearances]
    if appearances:
        item["appearance"] = appearances
        item["firstAppearance"] = appearances[0]
        if "datePublished" in appearances[0]:
            item["datePublished"] = appearances[0]["datePublished"]
    if record.author is not None:
        source = record.author
        item["author"] = {"@type": SOURCE_TYPES.get(source.kind, "Organization"), "name": source.name}
        if source.affiliation_id:
            item["author"]["affiliation"] = {"@type": "Organization", "name": source.affiliation.name}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": f"urn:claimtrack:verdict:{verdict.pk}",
        "url": verdict.url,
        "claimReviewed": record.claim_reviewed,
        "datePublished": verdict.date_published.isoformat(),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": item,
    }


def iter_claimreview(project: Project, options: ExportOptions) -> Iterator[bytes]:
    """A JSON-LD array with one ClaimReview per published verdict (one with a URL and a date).

    The stances are not here: who alleges or denies a claim is in the CSV and JSONL exports;
    a ClaimReview says how true the claim is. The unit filters do not apply.
    """

    def pieces():
        yield b"["
        first = True
        for record in iter_verdicts(project):
            item = json.dumps(claimreview_json(project, record), ensure_ascii=False).translate(SCRIPT_SAFE)
            yield (b"\n" if first else b",\n") + item.encode("utf-8")
            first = False
        yield b"\n]\n"

    return chunked(pieces())


# --- W3C Web Annotation -----------------------------------------------------------------------

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT = 32  # characters of prefix and suffix in a TextQuoteSelector


def webannotation_json(record: UnitRecord) -> dict:
    """One judged unit as a Web Annotation: the source's stance on a claim, anchored in the text.

    The target is the article (its URL when known) with the unit's evidence as a quote and
    as character offsets into the body, so any client can find the passage again; the body
    names the source, the claim and, once settled, the stance.
    """
    article, claim, unit, source = record.article, record.claim, record.unit, record.source
    start, end = unit.evidence_span(claim)
    text = article.body
    bodies = [
        {"type": "TextualBody", "purpose": "identifying", "value": source.name,
         "id": f"urn:claimtrack:source:{source.pk}"},
        {"type": "TextualBody", "purpose": "describing", "value": claim.text, "format": "text/plain"},
    ]
    if record.stance:  # filled for settled units only (units.settled_label)
        bodies.append({"type": "TextualBody", "purpose": "classifying", "value": record.stance})
    return {
        "id": f"urn:claimtrack:unit:{claim.pk}:{source.pk}",
        "type": "Annotation",
        "motivation": "classifying",
        "created": iso(unit.created_at),
        "body": bodies,
        "target": {
            "source": article.url or f"urn:claimtrack:article:{article.pk}",
            "selector": [
                {"type": "TextQuoteSelector", "exact": text[start:end],
                 "prefix": text[max(0, start - QUOTE_CONTEXT):start],
                 "suffix": text[end:end + QUOTE_CONTEXT]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
        "claimtrack:status": record.status,
        # Provenance: the machine's suggestion, each annotator's label, who settled it, when and why.
        "claimtrack:suggestion": {"label": unit.suggested_label or None, "score": unit.suggestion_score,
                                  "engine_version": unit.engine_version or None},
        "claimtrack:judgements": [{"annotator": s.annotator_name, "label": s.label} for s in record.stances],
        "claimtrack:settled_by": record.settled_by,
        "claimtrack:settled_at": record.settled_at,
        "claimtrack:reason": record.reason,
    }


def iter_webannotation(project: Project, options: ExportOptions) -> Iterator[bytes]:
    """An AnnotationPage (JSON-LD) with one annotation per judged unit, streamed."""

    def pieces():
        yield b'{"@context": %s, "type": "AnnotationPage", "items": [' % json.dumps(ANNO_CONTEXT).encode()
        first = True
        for record in iter_units(project, options):
            if not record.stances and not record.resolution:
                continue
            yield (b"\n" if first else b",\n") + json.dumps(
                webannotation_json(record), ensure_ascii=False
            ).encode("utf-8")
            first = False
        yield b"\n]}\n"

    return chunked(pieces())


# --- Entry points ------------------------------------------------------------------------------


def iter_export(project: Project, options: ExportOptions) -> Iterator[bytes]:
    if options.format == "csv":
        return iter_csv(project, options)
    if options.format == "jsonl":
        return iter_jsonl(project, options)
    if options.format == "webannotation":
        return iter_webannotation(project, options)
    return iter_claimreview(project, options)


def filename(project: Project, options: ExportOptions) -> str:
    return f"{project.slug}-stances.{EXTENSIONS[options.format]}"


def streaming_response(project: Project, options: ExportOptions) -> StreamingHttpResponse:
    response = StreamingHttpResponse(iter_export(project, options), content_type=CONTENT_TYPES[options.format])
    response["Content-Disposition"] = f'attachment; filename="{filename(project, options)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
