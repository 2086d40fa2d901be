"""Fill a project with realistic synthetic data for benchmarks and load tests.

    bench_data SLUG --articles N --annotators K

Articles get invented bodies (a few sentences, Dutch and English), claims whose
spans are sentences of the body, sources drawn from one registry with a Zipf-like
skew (a few sources speak in many articles), units with machine suggestions, and
judgements by K annotators who agree about four times in five; some units are
judged by one annotator only. Done articles carry assignments, history rows for
every judgement and some resolutions; the last `--pending` share of articles is
left unjudged so the queue has work.

On PostgreSQL the rows go in with COPY FROM STDIN (psycopg 3), elsewhere with
bulk_create. Ids of articles, claims and sources are drawn from their sequences,
so the sequences stay right without a reset. The database triggers (claim spans
inside the body, labels inside the label set) stay on: the data satisfies them.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import json
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from psycopg import sql

from annotations.models import (
    Article,
    Assignment,
    Claim,
    History,
    Membership,
    Project,
    Resolution,
    Source,
    Stance,
    Unit,
    content_hash,
    normalise_name,
)

# --- Invented vocabulary (no real people, quotes or events) -----------------------------

FIRST = ["Anna", "Bram", "Chloé", "Daan", "Eva", "Finn", "Gwen", "Hugo", "Ilse", "Joris", "Karin",
         "Lars", "Maya", "Noor", "Otto", "Petra", "Ruben", "Sanne", "Tijs", "Uma", "Vera", "Wout",
         "Yara", "Zeno", "Amir", "Beatriz", "Chen", "Dmitri", "Esra", "Farah", "Grace", "Hamid"]
LAST = ["de Wit", "Jansen", "Okafor", "Bakker", "Visser", "Smit", "Mulder", "de Boer", "Peters",
        "Hendriks", "van Dijk", "Koster", "Brouwer", "Lindqvist", "Moreau", "Novak", "Silva",
        "Tanaka", "Yilmaz", "Haddad", "O'Neill", "Kowalski", "Rossi", "Fischer", "Dubois"]
PLACES = ["Waterdam", "Lindehoven", "Eastmouth", "Noordveen", "Brackwater", "Oudestad", "Kelby",
          "Riverton", "Zandvoort-Noord", "Millbrook", "Havendorp", "Ashford", "Glenholm", "Dorpswijk"]
ORG_FORMS = [
    ("organisation", "{p} Holding"), ("organisation", "Bouwbedrijf {p}"), ("organisation", "{p} Energy"),
    ("organisation", "{p} Tankers"), ("government", "Gemeente {p}"), ("government", "City of {p}"),
    ("government", "Waterschap {p}"), ("government", "Provincie {p}"), ("media", "Dagblad {p}"),
    ("media", "{p} Herald"), ("media", "Omroep {p}"), ("group", "Bewonersvereniging {p}"),
    ("group", "{p} Residents' Association"), ("organisation", "Ziekenhuis {p}"),
    ("organisation", "Port of {p}"), ("group", "Vakbond {p}"),
]
ROLES = {"nl": ["woordvoerder", "directeur", "wethouder", "voorzitter"],
         "en": ["spokesperson", "director", "councillor", "chair"]}
TOPICS = {
    "nl": ["de renovatie van de dijk", "de nieuwe vergunning", "het onderzoek naar de lekkage",
           "de bezuinigingen op de zorg", "de aanbesteding van de brug", "de cijfers over de wachtlijsten",
           "de uitbreiding van de haven", "de sluiting van de school", "het geluid van de windmolens"],
    "en": ["the harbour expansion", "the flood defences", "the hospital waiting lists",
           "the bridge contract", "the school closure", "the oil spill figures", "the new permit",
           "the wind farm noise", "the council's budget"],
}
CLAIMS = {
    "nl": ["{o} zou goedkoper materiaal hebben gebruikt bij {t}",
           "{o} heeft de risico's van {t} verzwegen",
           "{o} wist al maanden van de problemen met {t}",
           "de kosten van {t} zijn verdubbeld",
           "{o} heeft bij {t} de regels overtreden"],
    "en": ["{o} used cheaper materials for {t}",
           "{o} hid the risks of {t} from the public",
           "{o} knew for months about the problems with {t}",
           "the cost of {t} has doubled",
           "{o} broke the rules over {t}"],
}
STANCE_PHRASES = {
    "nl": {"alleges": "Dat stelt {s}.", "denies": "{s} ontkent dat.",
           "no_comment": "{s} wil niet reageren.", "other": "{s} laat zich er voorzichtig over uit."},
    "en": {"alleges": "That is what {s} says.", "denies": "{s} denies it.",
           "no_comment": "{s} declined to comment.", "other": "{s} was cautious about it."},
}
FILLER = {
    "nl": ["Het onderzoek loopt nog.", "De gemeenteraad bespreekt de zaak volgende week.",
           "Bewoners maken zich zorgen.", "Volgens deskundigen is meer onderzoek nodig.",
           "De kwestie speelt al sinds vorig jaar."],
    "en": ["The inquiry is still under way.", "The council will discuss the matter next week.",
           "Residents are worried.", "Experts say more research is needed.",
           "The issue has been running since last year."],
}
NOTES = ["quote is indirect", "hedged wording", "second paragraph", "unclear who speaks", "check source"]


@dataclass
class Totals:
    articles: int = 0
    sources: int = 0
    claims: int = 0
    units: int = 0
    stances: int = 0
    resolutions: int = 0
    history: int = 0
    assignments: int = 0
    agreeing_pairs: int = 0
    pairs: int = 0
    rows: dict = field(default_factory=dict)


# --- Writers: COPY on PostgreSQL, bulk_create elsewhere ----------------------------------


class CopyWriter:
    """Stream rows into PostgreSQL with COPY FROM STDIN."""

    def __init__(self):
        self.cursor = connection.cursor()
        self.pg = self.cursor.connection  # the psycopg connection

    def ids(self, model, n: int) -> list[int]:
        if n == 0:
            return []
        table = model._meta.db_table
        with self.pg.cursor() as cur:
            cur.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [table, n],
            )
            return [row[0] for row in cur.fetchall()]

    def write(self, model, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        with self.pg.cursor() as cur, cur.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)


class BulkWriter:
    """Portable fallback: bulk_create with explicit ids (the caller holds the write lock)."""

    def __init__(self):
        self.next_id: dict = {}

    def ids(self, model, n: int) -> list[int]:
        if model not in self.next_id:
            last = model.objects.order_by("-id").values_list("id", flat=True).first() or 0
            self.next_id[model] = last + 1
        start = self.next_id[model]
        self.next_id[model] = start + n
        return list(range(start, start + n))

    def write(self, model, columns: list[str], rows: list[tuple]) -> None:
        json_fields = {f.attname for f in model._meta.concrete_fields if f.get_internal_type() == "JSONField"}
        objs = []
        for row in rows:
            values = dict(zip(columns, row, strict=True))
            for name in json_fields & values.keys():
                values[name] = json.loads(values[name])
            objs.append(model(**values))
        model.objects.bulk_create(objs, batch_size=2000)


# --- The generator -------------------------------------------------------------------


class Generator:
    def __init__(self, *, project, annotators, lead, rng, writer, now):
        self.project = project
        self.labels = list(project.labels)
        self.annotators = annotators
        self.lead = lead
        self.rng = rng
        self.writer = writer
        self.now = now
        self.totals = Totals()
        self.sources: list[tuple[int, str, str]] = []  # (id, name, kind)
        self.cum_weights: list[float] = []
        # Each annotator has their own reliability: how often they pick the unit's true label.
        self.reliability = {a.id: rng.uniform(0.84, 0.95) for a in annotators}
        self.seen_hashes: set[str] = set()

    # Registry ------------------------------------------------------------------------

    def build_registry(self, size: int) -> None:
        """Create `size` sources: organisations first, then people speaking for them."""
        rng = self.rng
        n_orgs = max(1, size // 3)
        org_ids = self.writer.ids(Source, n_orgs)
        person_ids = self.writer.ids(Source, size - n_orgs)
        rows, names = [], set()
        created = self.now.isoformat()
        orgs = []
        for sid in org_ids:
            for _ in range(20):
                kind, form = rng.choice(ORG_FORMS)
                name = form.format(p=rng.choice(PLACES))
                if name not in names:
                    break
                name = f"{name} {rng.choice(['Noord', 'Zuid', 'East', 'West', 'Centraal'])} {sid}"
            names.add(name)
            orgs.append((sid, name, kind))
            rows.append((sid, name, normalise_name(name), kind, None, "", "[]", None, created))
        people = []
        for sid in person_ids:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            org = rng.choice(orgs)
            role = rng.choice(ROLES["nl" if rng.random() < 0.5 else "en"])
            people.append((sid, name, "person"))
            rows.append((sid, name, normalise_name(name), "person", org[0], role, "[]", None, created))
        self.writer.write(
            Source,
            ["id", "name", "normalized_name", "kind", "affiliation_id", "role", "aliases",
             "merged_into_id", "created_at"],
            rows,
        )
        self.totals.sources += len(rows)
        # Interleave so the most-cited sources are a mix of people and organisations.
        mixed = [s for pair in itertools.zip_longest(orgs, people) for s in pair if s]
        rng.shuffle(mixed)
        self.sources = mixed
        self.cum_weights = list(itertools.accumulate(1.0 / (i + 1) ** 1.07 for i in range(len(mixed))))

    def pick_sources(self, k: int) -> list[tuple[int, str, str]]:
        picked: dict[int, tuple] = {}
        total = self.cum_weights[-1]
        while len(picked) < min(k, len(self.sources)):
            i = bisect.bisect_left(self.cum_weights, self.rng.random() * total)
            src = self.sources[min(i, len(self.sources) - 1)]
            picked[src[0]] = src
        return list(picked.values())

    # Articles ------------------------------------------------------------------------

    def true_label(self) -> str:
        # alleges is the commonest stance in news, then denies, then no comment.
        weights = [0.45, 0.3, 0.25] + [0.08] * (len(self.labels) - 3)
        return self.rng.choices(self.labels, weights=weights[: len(self.labels)])[0]

    def judged(self, annotator_id: int, truth: str) -> str:
        if self.rng.random() < self.reliability[annotator_id]:
            return truth
        return self.rng.choice([x for x in self.labels if x != truth] or [truth])

    def compose(self, lang: str):
        """Return (title, body, claims), claims = [(start, end, text, [(source, label)])]."""
        rng = self.rng
        topic = rng.choice(TOPICS[lang])
        place = rng.choice(PLACES)
        parts: list[str] = []
        pos = 0
        claims = []

        def add(sentence: str) -> tuple[int, int]:
            nonlocal pos
            sep = "" if not parts else ("\n\n" if rng.random() < 0.35 else " ")
            parts.append(sep + sentence)
            start = pos + len(sep)
            pos = start + len(sentence)
            return start, pos

        day = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(2900))
        add(f"{place.upper()}, {day:%d-%m-%Y} —")
        for _ in range(rng.randint(2, 4)):
            sources = self.pick_sources(rng.choices([1, 2, 3], weights=[0.3, 0.45, 0.25])[0])
            who = sources[0][1]
            text = rng.choice(CLAIMS[lang]).format(o=who, t=topic)
            sentence = text[0].upper() + text[1:] + "."
            start, end = add(sentence)
            end -= 1  # the proposition, without its full stop
            units = []
            for src in sources:
                truth = self.true_label()
                phrase = STANCE_PHRASES[lang].get(truth, STANCE_PHRASES[lang]["other"])
                add(phrase.format(s=src[1]))
                units.append((src, truth))
            claims.append((start, end, sentence[:-1], units))
            if rng.random() < 0.5:
                add(rng.choice(FILLER[lang]))
        title = (claims[0][2][:1].upper() + claims[0][2][1:])[:200]
        return title, "".join(parts), claims, day

    def batch(self, n: int, done_until: int, offset: int) -> None:
        """Generate and write `n` articles; those with index < done_until get judgements."""
        rng, w, t = self.rng, self.writer, self.totals
        article_ids = w.ids(Article, n)
        articles, claim_specs = [], []
        for k, aid in enumerate(article_ids):
            lang = "nl" if rng.random() < 0.55 else "en"
            for _ in range(5):
                title, body, claims, day = self.compose(lang)
                digest = content_hash(body)
                if digest not in self.seen_hashes:
                    break
            else:
                body = f"{body} ({aid})"
                digest = content_hash(body)
            self.seen_hashes.add(digest)
            created = self.now - dt.timedelta(days=rng.randrange(900), minutes=rng.randrange(1440))
            precision = rng.choices(["day", "month", "year"], weights=[0.85, 0.1, 0.05])[0]
            articles.append((
                aid, self.project.id, title, body, lang,
                rng.choice(["Dagblad Demo", "Demo Herald", "Omroep Waterdam", "The Eastmouth Post"]),
                f"https://news.example.org/{aid}", day.isoformat(), precision, digest,
                created.isoformat(),
            ))
            claim_specs.append((aid, offset + k < done_until, created, claims))
        w.write(Article, ["id", "project_id", "title", "body", "language", "outlet", "url", "published",
                          "published_precision", "content_hash", "created_at"], articles)
        t.articles += len(articles)

        claim_ids = iter(w.ids(Claim, sum(len(c[3]) for c in claim_specs)))
        claims, units, stances, history, resolutions, assignments = [], [], [], [], [], []
        k_over = min(self.project.overlap, len(self.annotators))
        for aid, done, created, specs in claim_specs:
            team = rng.sample(self.annotators, k_over) if done else []
            ts = created + dt.timedelta(hours=rng.randint(1, 72))
            for start, end, text, unit_specs in specs:
                cid = next(claim_ids)
                claims.append((cid, aid, text, start, end, "extracted", None, created.isoformat()))
                for (sid, _name, _kind), truth in unit_specs:
                    suggestion = truth if rng.random() < 0.7 else rng.choice(self.labels)
                    units.append((cid, sid, "extracted", None, suggestion, round(rng.uniform(0.4, 0.99), 3),
                                  created.isoformat()))
                    if not team:
                        continue
                    judges = list(team)
                    if len(judges) > 1 and rng.random() < 0.08:
                        judges.remove(rng.choice(judges))  # one annotator left this unit out
                    given = []
                    for ann in judges:
                        label = self.judged(ann.id, truth)
                        given.append(label)
                        note = rng.choice(NOTES) if rng.random() < 0.05 else ""
                        when = ts + dt.timedelta(seconds=rng.randint(5, 3600))
                        changed = rng.random() < 0.06
                        stances.append((cid, sid, ann.id, label, note, None, None, 2 if changed else 1,
                                        when.isoformat(), when.isoformat()))
                        first = rng.choice([x for x in self.labels if x != label]) if changed else label
                        history.append(("stance", "create", cid, sid, ann.id, ann.id, "", first, "",
                                        "" if changed else note, "", "page", False, when.isoformat()))
                        if changed:
                            history.append(("stance", "update", cid, sid, ann.id, ann.id, first, label,
                                            "", note, "", "page", False, when.isoformat()))
                    if len(given) > 1:
                        t.pairs += 1
                        t.agreeing_pairs += given[0] == given[1]
                    resolved = None
                    if len(given) > 1 and len(set(given)) == 1 and rng.random() < 0.6:
                        resolved = (given[0], "consensus", "", None)
                    elif len(set(given)) > 1 and rng.random() < 0.4:
                        resolved = (truth, "resolved", "per the guidelines", self.lead.id)
                    if resolved:
                        label, status, reason, by = resolved
                        when = (ts + dt.timedelta(days=2)).isoformat()
                        resolutions.append((cid, sid, label, status, reason, by, 1, when, when))
                        history.append(("resolution", "create", cid, sid, None, by, "", label, "", "",
                                        reason, "page", False, when))
            for ann in team:
                finished = ts + dt.timedelta(hours=1)
                assignments.append((aid, ann.id, "done", ts.isoformat(), finished.isoformat(),
                                    finished.isoformat()))
        w.write(Claim, ["id", "article_id", "text", "start", "end", "origin", "created_by_id",
                        "created_at"], claims)
        w.write(Unit, ["claim_id", "source_id", "origin", "added_by_id", "suggested_label",
                       "suggestion_score", "created_at"], units)
        w.write(Stance, ["claim_id", "source_id", "annotator_id", "label", "note", "start", "end",
                         "version", "created_at", "updated_at"], stances)
        w.write(Resolution, ["claim_id", "source_id", "label", "status", "reason", "resolved_by_id",
                             "version", "created_at", "updated_at"], resolutions)
        w.write(History, ["kind", "action", "claim_id", "source_id", "annotator_id", "actor_id",
                          "old_label", "new_label", "old_note", "new_note", "reason", "via", "reverted",
                          "created_at"], history)
        w.write(Assignment, ["article_id", "annotator_id", "status", "started_at", "last_seen",
                             "finished_at"], assignments)
        t.claims += len(claims)
        t.units += len(units)
        t.stances += len(stances)
        t.resolutions += len(resolutions)
        t.history += len(history)
        t.assignments += len(assignments)


class Command(BaseCommand):
    help = "Fill a project with synthetic articles, sources, units and judgements of K annotators, fast."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--articles", type=int, required=True, help="number of articles to add")
        parser.add_argument("--annotators", type=int, required=True,
                            help="annotators (created as members, role annotator)")
        parser.add_argument("--sources", type=int, default=None,
                            help="size of the source registry to add (default: articles/3, at least 30)")
        parser.add_argument("--pending", type=float, default=0.1,
                            help="share of the new articles left unjudged for the queue (default 0.1)")
        parser.add_argument("--password", default=None,
                            help="password of the created users (default: unusable)")
        parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
        parser.add_argument("--batch", type=int, default=2000, help="articles per COPY batch")
        parser.add_argument("--no-copy", action="store_true",
                            help="use bulk_create even on PostgreSQL (the portable path)")

    def handle(self, *args, slug, articles, annotators, sources, pending, password, seed, batch,
               no_copy, **options):
        if articles < 1 or annotators < 1:
            raise CommandError("--articles and --annotators must be at least 1.")
        if not 0 <= pending <= 1:
            raise CommandError("--pending is a share between 0 and 1.")
        started = time.perf_counter()
        use_copy = connection.vendor == "postgresql" and not no_copy
        with transaction.atomic():
            project, created = Project.objects.get_or_create(
                slug=slug, defaults={"name": f"Benchmark {slug}"}
            )
            existing = set(Article.objects.filter(project=project).values_list("content_hash", flat=True))
            # A second run with the same seed adds different articles, not duplicates.
            rng = random.Random(f"{seed if seed is not None else time.time_ns()}:{len(existing)}")
            users = self._members(project, annotators, password)
            lead = users.pop()
            writer = CopyWriter() if use_copy else BulkWriter()
            if not use_copy:
                # The portable writer picks ids itself: keep other writers out meanwhile.
                for model in (Article, Claim, Source):
                    model.objects.select_for_update().order_by("-id").first()
            gen = Generator(project=project, annotators=users, lead=lead, rng=rng, writer=writer,
                            now=timezone.now())
            gen.seen_hashes |= existing
            gen.build_registry(sources if sources is not None else max(30, articles // 3))
            done_until = round(articles * (1 - pending))
            for offset in range(0, articles, batch):
                gen.batch(min(batch, articles - offset), done_until, offset)
                if options["verbosity"] > 1:
                    self.stdout.write(f"  {offset + batch} articles, {gen.totals.stances} judgements")
        seconds = time.perf_counter() - started
        if use_copy:
            with connection.cursor() as cur:
                for model in (Article, Claim, Unit, Stance, History, Resolution, Assignment):
                    cur.execute(f"ANALYZE {model._meta.db_table}")
        t = gen.totals
        rows = (t.articles + t.sources + t.claims + t.units + t.stances + t.resolutions + t.history
                + t.assignments)
        agreement = t.agreeing_pairs / t.pairs if t.pairs else 0.0
        self.stdout.write(
            f"{'Created' if created else 'Filled'} project {slug!r} ({'COPY' if use_copy else 'bulk_create'}): "
            f"{t.articles} articles, {t.sources} sources, {t.claims} claims, {t.units} units, "
            f"{t.stances} judgements by {len(users)} annotators (pairwise agreement {agreement:.0%}), "
            f"{t.resolutions} resolutions, {t.history} history rows, {t.assignments} assignments "
            f"in {seconds:.1f} s ({rows / seconds:,.0f} rows/s, {t.stances / seconds:,.0f} judgements/s)."
        )

    def _members(self, project, k: int, password: str | None):
        """Get or create K annotators and one lead (last in the list), all members."""
        User = get_user_model()
        hashed = make_password(password)  # one hash for all: hashing is slow by design
        names = [f"{project.slug}-ann{i:03d}" for i in range(1, k + 1)] + [f"{project.slug}-lead"]
        existing = {u.username: u for u in User.objects.filter(username__in=names)}
        missing = [User(username=n, password=hashed) for n in names if n not in existing]
        for user in User.objects.bulk_create(missing):
            existing[user.username] = user
        users = [existing[n] if existing[n].pk else User.objects.get(username=n) for n in names]
        roles = {u.id: Membership.Role.ANNOTATOR for u in users[:-1]}
        roles[users[-1].id] = Membership.Role.LEAD
        have = set(Membership.objects.filter(project=project, user__in=users).values_list("user_id", flat=True))
        Membership.objects.bulk_create(
            [Membership(project=project, user_id=uid, role=role) for uid, role in roles.items()
             if uid not in have]
        )
        return users
