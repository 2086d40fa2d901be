"""ClaimTrack's domain: projects, articles, claims, sources and judgements.

The unit of agreement is the pair (claim, source). A `Unit` row records that the
pair exists (found by the machine or added by a person); `Stance` rows are the
human judgements on it, `Resolution` the final label, `History` every change.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import connection, models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from annotations.units import ClaimQuerySet, ResolutionQuerySet, StanceQuerySet, UnitQuerySet

DEFAULT_LABELS = ["alleges", "denies", "no_comment"]
LABEL_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
# A verdict says how true a claim is (a stance only says who alleges or denies it); the scale is
# ordered from the most true to the least, which is what ClaimReview's ratingValue follows.
DEFAULT_VERDICT_SCALE = ["true", "mostly true", "half true", "mostly false", "false", "unproven"]
VERDICT_RATING_MAX = 64


def default_labels() -> list[str]:
    return list(DEFAULT_LABELS)


def default_verdict_scale() -> list[str]:
    return list(DEFAULT_VERDICT_SCALE)


def normalise_text(text: str) -> str:
    """Fold Unicode forms, case and runs of white space, for duplicate detection."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(folded.split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def normalise_name(name: str) -> str:
    """Registry key of a source name: accents, case, punctuation and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = re.findall(r"\w+", bare.casefold())
    return " ".join(words)


# The reserved judgement "no such statement here": any annotator may give it to any unit,
# whatever the project's stance labels; it counts in agreement like a label, and a unit
# settled as rejected is no statement of its source.
REJECTED = "rejected"


def validate_labels(value) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("The label set must be a non-empty list."))
    if len(set(value)) != len(value):
        raise ValidationError(_("The label set has a label twice."))
    for label in value:
        if not isinstance(label, str) or not LABEL_RE.match(label):
            raise ValidationError(
                _("%(label)r is not a valid label: use lower-case letters, digits and _."),
                params={"label": label},
            )
        if label == REJECTED:
            raise ValidationError(_("“rejected” is reserved (every project has it); choose another name."))


def validate_verdict_scale(value) -> None:
    if not isinstance(value, list) or len(value) < 2:
        raise ValidationError(_("The verdict scale needs at least two ratings."))
    for rating in value:
        if not isinstance(rating, str) or not rating.strip() or rating != rating.strip():
            raise ValidationError(_("A rating of the verdict scale is empty."))
        if len(rating) > VERDICT_RATING_MAX:
            raise ValidationError(_("%(rating)r is too long for a rating (at most %(n)d characters)."),
                                  params={"rating": rating, "n": VERDICT_RATING_MAX})
    folded = [rating.casefold() for rating in value]
    if len(set(folded)) != len(folded):
        raise ValidationError(_("The verdict scale has a rating twice."))


# --- Projects and membership -------------------------------------------------


class ProjectQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)


class Project(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=200)
    guidelines = models.TextField(blank=True)
    labels = models.JSONField(default=default_labels, validators=[validate_labels])
    overlap = models.PositiveSmallIntegerField(default=2, validators=[MinValueValidator(1)])
    show_suggestions = models.BooleanField(
        default=True, help_text=_("Show the machine's suggested stances to annotators.")
    )
    blind = models.BooleanField(
        default=True, help_text=_("Annotators never see each other's labels or notes.")
    )
    # Verdicts and their publication as ClaimReview: the ratings, best first, and the newsroom
    # that publishes the fact-checks (ClaimReview's author).
    verdict_scale = models.JSONField(default=default_verdict_scale, validators=[validate_verdict_scale])
    publisher_name = models.CharField(max_length=200, blank=True)
    publisher_url = models.URLField(max_length=1000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(overlap__gte=1), name="project_overlap_positive"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def judgement_labels(self) -> list[str]:
        """Everything a judgement or a resolution may say: the stance labels, then `rejected`."""
        return [*self.labels, REJECTED]


class Membership(models.Model):
    class Role(models.TextChoices):
        ANNOTATOR = "annotator", _("Annotator")
        LEAD = "lead", _("Lead")
        ADMIN = "admin", _("Admin")

    project = models.ForeignKey(Project, models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices, default=Role.ANNOTATOR)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="membership_once_per_project"),
            models.CheckConstraint(
                condition=Q(role__in=["annotator", "lead", "admin"]), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.project_id} ({self.role})"

    @property
    def can_lead(self) -> bool:
        return self.role in {self.Role.LEAD, self.Role.ADMIN}


# --- Articles ----------------------------------------------------------------


class WithoutSearchVector(models.Manager):
    """Rows without their stored full-text vector, which only search reads (and which can be large)."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class ArticleQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(project__in=Project.objects.for_user(user))


class Article(models.Model):
    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    class Precision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    project = models.ForeignKey(Project, models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    body = models.TextField()
    language = models.CharField(max_length=2, choices=Language.choices)
    outlet = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    content_hash = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    # Title (weight A) and body (B) as PostgreSQL full text in the article's language, kept by a
    # trigger on every write (migration 0017), so a search never reads the bodies; unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector.from_queryset(ArticleQuerySet)()

    class Meta:
        ordering = ["id"]
        constraints = [
            # Re-importing the same (normalised) text into a project is a no-op.
            models.UniqueConstraint(
                fields=["project", "content_hash"], name="article_unique_text_per_project"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_nonempty"),
            models.CheckConstraint(
                condition=Q(language__in=["nl", "en"]), name="article_language_valid"
            ),
        ]
        indexes = [
            # Queue: next article of a project in id order; export: by published range.
            models.Index(fields=["project", "published"], name="article_project_published"),
            # API: a project's articles page by page in id order (cursor pagination).
            models.Index(fields=["project", "id"], name="article_project_id"),
        ]

    def __str__(self) -> str:
        return self.title

    def published_display(self) -> str:
        if self.published is None:
            return ""
        if self.published_precision == self.Precision.YEAR:
            return f"{self.published:%Y}"
        if self.published_precision == self.Precision.MONTH:
            return f"{self.published:%Y-%m}"
        return self.published.isoformat()


# --- Sources -----------------------------------------------------------------


def is_registry_admin(user) -> bool:
    """Whether the user administers the source registry (shared by every project): staff only."""
    return bool(user is not None and user.is_authenticated and (user.is_staff or user.is_superuser))


class SourceQuerySet(models.QuerySet):
    def heard_in(self, project_ids) -> SourceQuerySet:
        """Sources with a unit in one of `project_ids` (ids or a values() subquery)."""
        return self.filter(pk__in=SourceProject.objects.filter(project_id__in=project_ids).values("source_id"))

    def visible_to(self, user) -> SourceQuerySet:
        """The part of the registry a user may see: one rule for every page, fragment and endpoint.

        Registry admins see it all. Everyone else sees the sources heard (a unit) in a
        project they are a member of, the organisations those speak for, and the sources
        they created themselves that no project uses yet. "Heard" is read from
        `SourceProject`, which the database keeps, so the cost follows the number of
        sources the member's projects hear, not their units and judgements.
        """
        if is_registry_admin(user):
            return self
        if user is None or not user.is_authenticated:
            return self.none()
        heard = SourceProject.objects.filter(project__memberships__user=user).values("source_id")
        speaks_for = Source.objects.filter(pk__in=heard, affiliation__isnull=False).values("affiliation_id")
        return self.filter(Q(pk__in=heard) | Q(pk__in=speaks_for) | Q(created_by=user))

    def visible_to_each(self, user) -> SourceQuerySet:
        """`visible_to`'s rule asked of each source on its own: for finding one source, or a few, by id.

        `visible_to` states the rule as sets, which PostgreSQL builds once per query (a hash of
        every source the member's projects hear): right for a list or a search, but looking
        one source up that way cost 15 ms at 1M judgements. Here each source is tested by index
        lookups (is it heard in a project of theirs; does a source heard there speak for it),
        which costs the same whatever the registry holds, and far more than the sets for a
        long list, so lists keep `visible_to`.
        """
        if is_registry_admin(user):
            return self
        if user is None or not user.is_authenticated:
            return self.none()
        heard = Exists(SourceProject.objects.filter(project__memberships__user=user, source_id=OuterRef("pk")))
        speaks_for = Exists(Source.objects.filter(heard, affiliation_id=OuterRef("pk")))
        return self.filter(heard | speaks_for | Q(created_by=user))

    def visible_to_in_id_order(self, user) -> SourceQuerySet:
        """`visible_to`'s rule asked of each source as the registry is read in id order (the API's list).

        As sets, every source the member's projects hear is hashed before the first row comes
        back: 35 ms for a member who hears 29,000 sources. Asked of each source in turn, a page
        costs a lookup or two per source read, so it pays when the member hears a good part of
        the registry (the list bounds how far it reads this way, `SourceViewSet`). The lookups
        are fenced (`OFFSET 0`): PostgreSQL would otherwise turn them back into the same hashes.
        PostgreSQL only; elsewhere, and for registry administrators, this is `visible_to`.
        """
        if is_registry_admin(user) or user is None or not user.is_authenticated or connection.vendor != "postgresql":
            return self.visible_to(user)
        source, heard, member = Source._meta.db_table, SourceProject._meta.db_table, Membership._meta.db_table
        row = f'"{source}"."id"'
        # The member's projects, found once per query (an InitPlan); each source is then one lookup.
        asked = (f"SELECT 1 FROM {heard} WHERE source_id = {{of}} "
                 f"AND project_id = ANY(ARRAY(SELECT project_id FROM {member} WHERE user_id = %s)) OFFSET 0")
        rule = (f'("{source}"."created_by_id" = %s OR EXISTS ({asked.format(of=row)}) '
                f"OR EXISTS (SELECT 1 FROM {source} sm WHERE sm.affiliation_id = {row} "
                f"AND EXISTS ({asked.format(of='sm.id')}) OFFSET 0))")
        return self.filter(RawSQL(rule, [user.pk, user.pk, user.pk], output_field=models.BooleanField()))


class Source(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", _("Person")
        ORGANISATION = "organisation", _("Organisation")
        GOVERNMENT = "government", _("Government")
        MEDIA = "media", _("Media")
        GROUP = "group", _("Group")
        UNKNOWN = "unknown", _("Unknown")

    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.UNKNOWN)
    affiliation = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="members",
        help_text=_("The organisation a person speaks for."),
    )
    role = models.CharField(max_length=200, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    merged_into = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="merged_sources"
    )
    # Who added it by hand (page or API); empty for sources found by extraction or imports.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    kind__in=["person", "organisation", "government", "media", "group", "unknown"]
                ),
                name="source_kind_valid",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="source_name_nonempty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Derived key only; no other logic belongs here.
        self.normalized_name = normalise_name(self.name)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.normalized_name = normalise_name(self.name)
        if not isinstance(self.aliases, list) or not all(isinstance(a, str) for a in self.aliases):
            raise ValidationError({"aliases": _("Aliases must be a list of names.")})


class SourceProject(models.Model):
    """A source heard in a project (a unit there, now or once): the registry as the project's members see it.

    Written by the database (statement-level triggers on units, migration 0015), so
    bulk loads, merges and corrections keep it without a line of Python; read by
    `Source.objects.visible_to`. A source stays heard after its units move away.
    """

    source = models.ForeignKey(Source, models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "project"], name="source_heard_once_per_project"),
        ]
        indexes = [
            # visible_to: the sources heard in the member's projects.
            models.Index(fields=["project", "source"], name="sourceproject_by_project"),
        ]

    def __str__(self) -> str:
        return f"{self.source_id}@{self.project_id}"


# --- Claims and units ----------------------------------------------------------


class Claim(models.Model):
    class Origin(models.TextChoices):
        EXTRACTED = "extracted", _("Extracted")
        MANUAL = "manual", _("Manual")

    article = models.ForeignKey(Article, models.CASCADE, related_name="claims")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.MANUAL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The text as full text in its article's language, kept by a trigger (migration 0017).
    search_vector = SearchVectorField(null=True, editable=False)

    objects = WithoutSearchVector.from_queryset(ClaimQuerySet)()

    class Meta:
        ordering = ["article_id", "start", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="claim_span_nonempty"),
            models.CheckConstraint(condition=~Q(text=""), name="claim_text_nonempty"),
            # The span lying inside the article body is checked by a trigger on PostgreSQL
            # (migration 0002) and by services.claim_create everywhere.
        ]
        indexes = [
            # Article page: claims of one article in reading order.
            models.Index(fields=["article", "start"], name="claim_article_start"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.start is None or self.end is None:
            return
        if self.start >= self.end:
            raise ValidationError(_("The evidence span is empty."))
        if self.article_id and self.end > len(self.article.body):
            raise ValidationError(_("The evidence span ends outside the article text."))


class Unit(models.Model):
    """A (claim, source) pair: the unit that annotators label and agreement counts.

    The machine's suggested stance lives here, apart from any human's judgement.
    """

    claim = models.ForeignKey(Claim, models.CASCADE, related_name="units")
    source = models.ForeignKey(Source, models.PROTECT, related_name="units")
    origin = models.CharField(
        max_length=16, choices=Claim.Origin.choices, default=Claim.Origin.MANUAL
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    suggested_label = models.CharField(max_length=32, blank=True)
    suggestion_score = models.FloatField(null=True, blank=True)
    # Where this source takes its stance. Several sources answer one claim in different
    # sentences (an allegation here, the denial further down), so the evidence belongs to
    # the unit; empty means the claim's own span.
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    # The extraction engine that made the suggestion (see extraction/version.py); empty for manual units.
    engine_version = models.CharField(max_length=32, blank=True, default="", db_default="")
    created_at = models.DateTimeField(default=timezone.now)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["claim_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "source"], name="unit_once_per_claim_source"),
            models.CheckConstraint(
                condition=Q(evidence_start__isnull=True, evidence_end__isnull=True)
                | Q(evidence_start__lt=F("evidence_end")),
                name="unit_evidence_span_nonempty",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}:{self.source_id}"

    @property
    def key(self) -> str:
        return f"{self.claim_id}:{self.source_id}"

    def evidence_span(self, claim: Claim) -> tuple[int, int]:
        """The unit's evidence, falling back to its claim's span."""
        if self.evidence_start is not None and self.evidence_end is not None:
            return self.evidence_start, self.evidence_end
        return claim.start, claim.end


# --- Judgements ----------------------------------------------------------------


class Stance(models.Model):
    """One annotator's judgement of one unit. Never a machine's."""

    claim = models.ForeignKey(Claim, models.CASCADE, related_name="stances")
    source = models.ForeignKey(Source, models.PROTECT, related_name="stances")
    annotator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="stances")
    label = models.CharField(max_length=32)  # one of the project's label set
    note = models.TextField(blank=True)
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    # Optimistic concurrency: a write names the version it saw; a stale one is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = StanceQuerySet.as_manager()

    class Meta:
        ordering = ["claim_id", "source_id", "annotator_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["claim", "source", "annotator"], name="stance_one_per_annotator"
            ),
            models.CheckConstraint(condition=~Q(label=""), name="stance_label_nonempty"),
            models.CheckConstraint(
                condition=(Q(start__isnull=True) & Q(end__isnull=True))
                | (Q(start__isnull=False) & Q(end__isnull=False) & Q(start__lt=F("end"))),
                name="stance_span_valid",
            ),
        ]
        indexes = [
            # Queue and progress: an annotator's judgements.
            models.Index(fields=["annotator", "claim"], name="stance_annotator_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}:{self.source_id} {self.label}"


class Resolution(models.Model):
    """The final label of a unit: by consensus, or set by a lead."""

    class Status(models.TextChoices):
        CONSENSUS = "consensus", _("Consensus")
        RESOLVED = "resolved", _("Resolved")

    claim = models.ForeignKey(Claim, models.CASCADE, related_name="resolutions")
    source = models.ForeignKey(Source, models.PROTECT, related_name="resolutions")
    label = models.CharField(max_length=32)
    status = models.CharField(max_length=16, choices=Status.choices)
    reason = models.TextField(blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["claim", "source"], name="resolution_once_per_unit"),
            models.CheckConstraint(
                condition=Q(status__in=["consensus", "resolved"]), name="resolution_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}:{self.source_id} → {self.label}"


class History(models.Model):
    """Every change to a stance, a resolution or a registry source: who, when, old → new, and through what."""

    class Kind(models.TextChoices):
        STANCE = "stance", _("Stance")
        RESOLUTION = "resolution", _("Resolution")
        CLAIM = "claim", _("Claim text")
        # A registry entry (name, kind, role, affiliation, aliases, merge): no claim; the
        # field in `reason`, old → new in old/new_note.
        SOURCE = "source", _("Source")

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")
        DELETE = "delete", _("Deleted")
        UNDO = "undo", _("Undone")
        MERGE = "merge", _("Merged")  # kind "source": a duplicate folded into this source
        PROPOSE = "propose", _("Proposed")  # kind "source": a lead's wish, for the registry's administrators

    kind = models.CharField(max_length=16, choices=Kind.choices)
    action = models.CharField(max_length=16, choices=Action.choices)
    # Empty only for a change of a registry source (kind "source").
    claim = models.ForeignKey(Claim, models.CASCADE, null=True, blank=True, related_name="history")
    # Empty for a change of the claim itself (kind "claim": its text, in old/new_note).
    source = models.ForeignKey(Source, models.PROTECT, null=True, blank=True, related_name="+")
    # Whose judgement it is (stances); empty for resolutions.
    annotator = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    old_label = models.CharField(max_length=32, blank=True)
    new_label = models.CharField(max_length=32, blank=True)
    old_note = models.TextField(blank=True)
    new_note = models.TextField(blank=True)
    reason = models.TextField(blank=True)
    via = models.CharField(max_length=16, default="page")  # page, api, admin, command, import
    # Set when an undo reverted this change, so the next undo steps further back.
    reverted = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name_plural = "history"
        indexes = [
            # Undo and the unit's history: newest change of a unit by one annotator.
            models.Index(fields=["claim", "source", "annotator", "-id"], name="history_unit"),
            # A registry source's own changes, newest first.
            models.Index(fields=["source", "-id"], condition=Q(kind="source"), name="history_registry"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(claim__isnull=False) | Q(kind="source"),
                                   name="history_claim_unless_source"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.action} {self.old_label}→{self.new_label}"


# --- Work queue ----------------------------------------------------------------------------


class ProjectChange(models.Model):
    """A change to a project's set-up (guidelines, name, labels, members…): who, when, old → new.

    The guidelines' versions are the rows with field "guidelines", newest last.
    """

    project = models.ForeignKey(Project, models.CASCADE, related_name="changes")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+")
    field = models.CharField(max_length=32)
    old = models.TextField(blank=True)
    new = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            # The guidelines' versions and a project's set-up history, newest first.
            models.Index(fields=["project", "field", "-id"], name="projectchange_field"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id} {self.field}"


class Assignment(models.Model):
    """An annotator holding (or having finished) an article from the queue."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In progress")
        DONE = "done", _("Done")
        RELEASED = "released", _("Released")

    article = models.ForeignKey(Article, models.CASCADE, related_name="assignments")
    annotator = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="assignments")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE)
    started_at = models.DateTimeField(default=timezone.now)
    last_seen = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "annotator"], name="assignment_once"),
            models.CheckConstraint(
                condition=Q(status__in=["active", "done", "released"]),
                name="assignment_status_valid",
            ),
        ]
        indexes = [
            # Queue: live assignments of an article; progress: an annotator's done articles.
            models.Index(fields=["article", "status"], name="assignment_article_status"),
            models.Index(fields=["annotator", "status"], name="assignment_annotator_status"),
            # The article page's "previous article": the annotator's latest before this one.
            models.Index(fields=["annotator", "-started_at", "-id"], name="assignment_annotator_started"),
            # Queue: assignments_release_stale finds idle active ones without reading the done.
            models.Index(fields=["last_seen"], condition=Q(status="active"), name="assignment_active_seen"),
        ]

    def __str__(self) -> str:
        return f"{self.annotator_id} on {self.article_id} ({self.status})"



# --- Tracking across articles ------------------------------------------------------------


class ClaimCluster(models.Model):
    """A tracked claim: claims of different articles that state one proposition."""

    project = models.ForeignKey(Project, models.CASCADE, related_name="claim_clusters")
    title = models.CharField(max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Set when a lead merged this cluster into another; its links moved there.
    merged_into = models.ForeignKey(
        "self", models.SET_NULL, null=True, blank=True, related_name="merged_clusters"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # Cluster list: a project's live clusters, newest first.
            models.Index(fields=["project", "merged_into"], name="cluster_project_live"),
        ]

    def __str__(self) -> str:
        return self.title[:80]


class ClaimLink(models.Model):
    """A claim's membership of a cluster: suggested by the machine, decided by a lead."""

    class Status(models.TextChoices):
        SUGGESTED = "suggested", _("Suggested")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")

    cluster = models.ForeignKey(ClaimCluster, models.CASCADE, related_name="links")
    claim = models.ForeignKey(Claim, models.CASCADE, related_name="cluster_links")
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.SUGGESTED)
    score = models.FloatField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["cluster_id", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "claim"], name="claimlink_once_per_cluster"),
            # A claim belongs to at most one tracked claim.
            models.UniqueConstraint(
                fields=["claim"], condition=Q(status="confirmed"), name="claimlink_one_confirmed"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["suggested", "confirmed", "rejected"]),
                name="claimlink_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cluster_id}:{self.claim_id} ({self.status})"


class ClusterEvent(models.Model):
    """What a lead (or the machine) did to a cluster: who, when, which claims."""

    class Kind(models.TextChoices):
        CREATE = "create", _("Created")
        SUGGEST = "suggest", _("Suggested links")
        CONFIRM = "confirm", _("Confirmed")
        REJECT = "reject", _("Rejected")
        MERGE = "merge", _("Merged")
        SPLIT = "split", _("Split")

    cluster = models.ForeignKey(ClaimCluster, models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    claim_ids = models.JSONField(default=list, blank=True)
    other_cluster = models.ForeignKey(
        ClaimCluster, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.cluster_id} {self.kind}"


# --- Verdicts ------------------------------------------------------------------------------------


class Verdict(models.Model):
    """A lead's verdict on a tracked claim or on a claim: how true it is, for the public.

    Exactly one of `cluster` and `claim` is set. A verdict with a `url` (the published
    fact-check) and a `date_published` is exported as ClaimReview. Every change is a
    VerdictChange row; writes name the `version` they saw (services.verdicts).
    """

    project = models.ForeignKey(Project, models.CASCADE, related_name="verdicts")
    cluster = models.ForeignKey(ClaimCluster, models.CASCADE, null=True, blank=True, related_name="verdicts")
    claim = models.ForeignKey(Claim, models.CASCADE, null=True, blank=True, related_name="verdicts")
    rating = models.CharField(max_length=VERDICT_RATING_MAX)  # one of the project's verdict scale
    explanation = models.TextField(blank=True)  # for the public
    url = models.URLField(max_length=1000, blank=True)  # the published fact-check
    date_published = models.DateField(null=True, blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cluster__isnull=False, claim__isnull=True) | Q(cluster__isnull=True, claim__isnull=False),
                name="verdict_on_cluster_or_claim",
            ),
            models.UniqueConstraint(fields=["cluster"], name="verdict_once_per_cluster"),
            models.UniqueConstraint(fields=["claim"], name="verdict_once_per_claim"),
            models.CheckConstraint(condition=~Q(rating=""), name="verdict_rating_nonempty"),
        ]
        indexes = [
            # ClaimReview export and the API's list: a project's verdicts in id order.
            models.Index(fields=["project", "id"], name="verdict_project_id"),
        ]

    def __str__(self) -> str:
        target = f"cluster {self.cluster_id}" if self.cluster_id else f"claim {self.claim_id}"
        return f"{self.rating} ({target})"

    @property
    def publishable(self) -> bool:
        """Whether ClaimReview can carry it: a newsroom publishes a fact-check at a URL on a date."""
        return bool(self.url) and self.date_published is not None


class VerdictChange(models.Model):
    """Every change of a verdict: who, when, through what, and the fields before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("Created")
        UPDATE = "update", _("Updated")

    verdict = models.ForeignKey(Verdict, models.CASCADE, related_name="changes")
    action = models.CharField(max_length=16, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    old = models.JSONField(default=dict, blank=True)
    new = models.JSONField(default=dict)
    via = models.CharField(max_length=16, default="page")  # page, api
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["verdict_id", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(action__in=["create", "update"]), name="verdictchange_action_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.verdict_id} {self.action}"


# --- Background jobs -------------------------------------------------------------------------


class Job(models.Model):
    """A long import or export run by the task worker; the page polls its progress."""

    class Kind(models.TextChoices):
        IMPORT = "import", _("Import")
        EXPORT = "export", _("Export")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    project = models.ForeignKey(Project, models.CASCADE, related_name="jobs")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    params = models.JSONField(default=dict, blank=True)
    progress = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=["import", "export"]), name="job_kind_valid"),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]), name="job_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} job {self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.progress / self.total)) if self.total else 0


class JobFile(models.Model):
    """Bytes a job reads (uploaded files) or writes (export chunks), kept in the database
    so that the web and worker processes need no shared disk."""

    class Direction(models.TextChoices):
        INPUT = "in", _("Input")
        OUTPUT = "out", _("Output")

    job = models.ForeignKey(Job, models.CASCADE, related_name="files")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    seq = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=255, blank=True)
    data = models.BinaryField()

    class Meta:
        ordering = ["job_id", "direction", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["job", "direction", "seq"], name="jobfile_once_per_seq"),
        ]

    def __str__(self) -> str:
        return f"{self.job_id}/{self.direction}/{self.seq}"


class WorkerBeat(models.Model):
    """A running task worker's heartbeat (`manage.py worker`), written every few seconds.

    A job claimed by a worker whose beat has gone stale was left behind by a worker that
    died; it is ended as failed, see `annotations.worker`.
    """

    worker_id = models.CharField(max_length=64, primary_key=True)
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=255, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"worker {self.worker_id} (pid {self.pid} on {self.host})"


# --- Progress counts -------------------------------------------------------------------------


class ProgressCount(models.Model):
    """A running count behind the progress bars, kept by PostgreSQL triggers.

    Counting a project's articles and finished assignments takes time in proportion to
    the project; one of these rows answers in an index lookup. `annotator_id` -1 counts
    the project's articles, 0 its done assignments, a user's id that user's done ones.
    Plain integers, not foreign keys: the triggers run while rows are being deleted.
    A count is the sum of its shards: each database connection adds to the row of its own
    `shard` (the column's default, migration 0026), so concurrent saves seldom wait on a row.
    """

    ARTICLES = -1
    PROJECT_DONE = 0
    HISTORY_CHANGES = -2  # History rows inserted or deleted: the review cache's version

    project_id = models.BigIntegerField()
    annotator_id = models.BigIntegerField()
    n = models.BigIntegerField(default=0)
    shard = models.SmallIntegerField(default=0)

    class Meta:
        constraints = [
            # Progress bars: one project's counts (and the upserts of the triggers).
            models.UniqueConstraint(fields=["project_id", "annotator_id", "shard"], name="progress_count_shard_once"),
        ]

    def __str__(self) -> str:
        return f"{self.project_id}/{self.annotator_id}: {self.n}"


class QueueSlot(models.Model):
    """Whether an article still has room in the queue, kept by PostgreSQL triggers.

    `live` counts its active and done assignments; `open` is live < the project's
    overlap. The queue walks the open slots of a project in article order through a
    partial index instead of counting assignments for every article of the project.
    A hint only: assignment_next still locks the article and recounts.
    """

    article_id = models.BigIntegerField(primary_key=True)
    project_id = models.BigIntegerField()
    live = models.IntegerField(default=0)
    open = models.BooleanField(default=True)

    class Meta:
        indexes = [
            # Queue: the first open article of a project, in id order.
            models.Index(fields=["project_id", "article_id"], condition=Q(open=True), name="queue_slot_open"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.live} live"


class ReviewSnapshot(models.Model):
    """A project's agreement report as last computed, with the project version it describes.

    The coefficients need every judgement of the project at once (seconds at 1M), so the
    dashboard shows the latest snapshot, says how fresh it is, and asks the task worker
    for a new one when the project has changed since (`annotations.review.agreement_figures`).
    `requested_at` is set while a recomputation is queued, so a burst of page views queues one.
    """

    project = models.OneToOneField(Project, models.CASCADE, primary_key=True, related_name="review_snapshot")
    version = models.CharField(max_length=64)
    figures = models.JSONField()
    # What the dashboard shows of the figures (`review_pairs.page_summary` and the medians): a
    # visit reads this column alone, not the report with every pair of annotators (1.3 MB at 100).
    page = models.JSONField(null=True, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0, help_text="How long the computation took.")
    requested_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.project_id} at {self.version}"


# --- API tokens ----------------------------------------------------------------------------


class ApiToken(models.Model):
    """A named API token of a user: several per user, each revocable, with an optional expiry
    and a read-only scope. Only the key's SHA-256 is stored; the key is shown once."""

    PREFIX = "ct_"  # tells a named token from the classic per-user token (40 hex digits)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    read_only = models.BooleanField(default=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "name"], condition=Q(revoked_at__isnull=True),
                                    name="api_token_live_name_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.name}"

    def usable(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


# --- API rate limiting ---------------------------------------------------------------------------


class ThrottleCount(models.Model):
    """Requests of one client in one fixed time window: the API's rate limit.

    One upsert per request counts and reads it (`annotations.api.throttling`), instead of
    the cache table's read, cull count and write. Rows of ended windows are removed when
    the client's next window starts.
    """

    client = models.CharField(max_length=200)
    window_start = models.BigIntegerField(help_text="The window's start, in seconds since the epoch.")
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["client", "window_start"], name="throttle_count_once")]

    def __str__(self) -> str:
        return f"{self.client} @ {self.window_start}: {self.hits}"


# --- Webhooks ------------------------------------------------------------------------------------


class Webhook(models.Model):
    """A project's webhook: signed POSTs to `url` on the events it names (see docs/webhooks.md).

    Leads make them; only staff may set `allow_private` (delivery to loopback and private
    addresses, refused otherwise when the hook is saved and again at each delivery).
    """

    class Event(models.TextChoices):
        JUDGEMENT_SAVED = "judgement.saved", _("Judgement saved")
        UNIT_SETTLED = "unit.settled", _("Unit settled")
        ARTICLE_DONE = "article.done", _("Article done")
        IMPORT_FINISHED = "import.finished", _("Import finished")

    project = models.ForeignKey(Project, models.CASCADE, related_name="webhooks")
    url = models.URLField(max_length=2000)
    secret = models.CharField(max_length=100, editable=False)
    events = models.JSONField(default=list)
    active = models.BooleanField(default=True)
    allow_private = models.BooleanField(
        default=False, help_text=_("Deliver to loopback and private addresses (staff only).")
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["project"], condition=Q(active=True), name="webhook_active_project")]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.url}"


class WebhookDelivery(models.Model):
    """One event to send to one webhook, and what came of it (the delivery log)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(Webhook, models.CASCADE, related_name="deliveries")
    event = models.CharField(max_length=32)
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["next_attempt_at"], condition=Q(status="pending"),
                                name="webhook_delivery_due")]

    def __str__(self) -> str:
        return f"{self.webhook_id}: {self.event} ({self.status})"
