"""The source registry: matching names, creating, editing and merging entries, aliases.

The registry is shared by every project, so it has one owner: its administrators
(staff). Members see the part of it their projects use (`Source.objects.visible_to`)
and add sources; a name they already see is answered with that source. Edits and
merges are for registry administrators, and each writes History (kind "source").
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from annotations.models import History, Resolution, Source, Stance, Unit, is_registry_admin, normalise_name

# The fields of a registry entry an administrator may change.
EDITABLE = ("name", "kind", "role", "affiliation", "aliases")


def source_match_or_create(
    *, name: str, kind: str = Source.Kind.UNKNOWN, role: str = "", affiliation: Source | None = None
) -> Source:
    """Find a source in the registry by normalised name or alias, else create it.

    A person is matched together with the organisation they speak for, so two
    people of one name at different organisations stay apart.
    """
    key = normalise_name(name)
    candidates = Source.objects.filter(normalized_name=key, merged_into__isnull=True)
    if affiliation is not None:
        candidates = candidates.filter(affiliation__in=[affiliation, None])
    # Called for every statement an import extracts: on PostgreSQL an alias is matched exactly, by the
    # database, never by reading every aliased source of the registry.
    found = candidates.order_by("affiliation_id").first() or _alias_match(
        Source.objects.all(), name, folded=connection.vendor != "postgresql")
    if found is not None:
        return found
    if kind not in Source.Kind.values:
        kind = Source.Kind.UNKNOWN
    return Source.objects.create(name=name, kind=kind, role=role, affiliation=affiliation)


def _alias_match(sources, name: str, *, folded: bool = True) -> Source | None:
    """The first unmerged source among `sources` with `name` as an alias: exactly (by the database,
    on PostgreSQL), then, when `folded`, ignoring case, accents and punctuation (read in Python)."""
    sources = sources.filter(merged_into__isnull=True)
    if connection.vendor == "postgresql":
        found = sources.filter(aliases__contains=[name]).order_by("id").first()
        if found is not None or not folded:
            return found
    key = normalise_name(name)
    return next((s for s in sources.exclude(aliases=[]).order_by("id")
                 if key in {normalise_name(a) for a in s.aliases}), None)


def _lock_name(key: str) -> None:
    """Serialise creations of one (folded) name until the transaction ends, on PostgreSQL."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"source:{key}"])


def _same(a: str, b: str) -> bool:
    return normalise_name(a or "") == normalise_name(b or "")


def source_create(
    *, user, name: str, kind: str = Source.Kind.UNKNOWN, role: str = "", affiliation: Source | None = None,
    aliases: Iterable[str] = (), via: str = "page",
) -> tuple[Source, bool]:
    """Add a source by hand, unless the user already sees one of that name: `(source, created)`.

    A source the user sees whose name or alias folds to the same key (case, accents,
    punctuation, spacing) answers the request. A second source of one name needs a role
    or an affiliation that tells it apart: given either, only a source that has the same
    (the other left open) answers; otherwise a new one is created. Each creation is in
    History, and the new source is visible to its creator until a project uses it.
    """
    name = " ".join(str(name).split())
    key = normalise_name(name)
    if not key:
        raise ValidationError({"name": gettext("Give the source a name.")})
    role = " ".join(str(role or "").split())
    if affiliation is not None and affiliation.merged_into_id:
        affiliation = affiliation.merged_into
    with transaction.atomic():
        _lock_name(key)
        visible = Source.objects.visible_to(user).filter(merged_into__isnull=True)
        same_name = list(visible.filter(normalized_name=key).order_by("id"))
        alias = _alias_match(visible, name)
        if alias is not None and alias not in same_name:
            same_name.append(alias)
        for found in same_name:
            if role and not _same(found.role, role):
                continue
            if affiliation is not None and found.affiliation_id != affiliation.pk:
                continue
            return found, False
        if kind not in Source.Kind.values:
            kind = Source.Kind.UNKNOWN
        source = Source(name=name, kind=kind, role=role, affiliation=affiliation, created_by=user)
        source.aliases = _aliases_merged(source, aliases)
        source.save()
        History.objects.create(
            kind=History.Kind.SOURCE, action=History.Action.CREATE, source=source, actor=user,
            reason="name", new_note=_describe(source), via=via,
        )
    return source, True


def _describe(source: Source) -> str:
    """One line naming a registry entry for History: name, role, affiliation."""
    parts = [source.name]
    if source.role:
        parts.append(source.role)
    if source.affiliation_id:
        parts.append(f"→ #{source.affiliation_id}")
    return ", ".join(parts)


def _value(source: Source, field: str) -> str:
    value = getattr(source, "affiliation_id" if field == "affiliation" else field)
    if field == "aliases":
        return "\n".join(value)
    return "" if value is None else str(value)


def registry_admin_required(user) -> None:
    """Refuse a registry edit or merge to anyone but a registry administrator (staff)."""
    if not is_registry_admin(user):
        raise PermissionDenied(gettext(
            "The source registry is shared by every project: only its administrators edit and merge "
            "sources. Tell an administrator what should change."
        ))


def source_change_propose(*, source: Source, user, proposal: str, project, via: str = "page") -> History:
    """Record a lead's wish to change a registry entry, for its administrators (History, action "propose")."""
    return History.objects.create(
        kind=History.Kind.SOURCE, action=History.Action.PROPOSE, source=source, actor=user,
        reason=f"{proposal[:2000]} (asked in project {project.slug})", via=via,
    )


def source_update(*, source: Source, user, via: str = "page", **changes) -> Source:
    """Change a registry entry (name, kind, role, affiliation, aliases); each changed field in History.

    For registry administrators only (PermissionDenied otherwise), since every project
    that hears the source sees the change.
    """
    registry_admin_required(user)
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(gettext("These fields of a source cannot be changed: %(fields)s.")
                              % {"fields": ", ".join(sorted(unknown))})
    with transaction.atomic():
        source = Source.objects.select_for_update().get(pk=source.pk)
        if "name" in changes:
            changes["name"] = " ".join(str(changes["name"]).split())
            if not normalise_name(changes["name"]):
                raise ValidationError({"name": gettext("Give the source a name.")})
        if "aliases" in changes:
            changes["aliases"] = _aliases_cleaned(changes["aliases"], name=changes.get("name", source.name))
        affiliation = changes.get("affiliation")
        if affiliation is not None and affiliation.pk == source.pk:
            raise ValidationError({"affiliation": gettext("A source cannot speak for itself.")})
        if changes.get("kind", source.kind) not in Source.Kind.values:
            raise ValidationError({"kind": gettext("Choose one of the kinds of source.")})
        rows, fields = [], []
        for field, value in changes.items():
            old = _value(source, field)
            setattr(source, field, value)
            new = _value(source, field)
            if old == new:
                continue
            fields.append(field)
            rows.append(History(kind=History.Kind.SOURCE, action=History.Action.UPDATE, source=source,
                                actor=user, reason=field, old_note=old, new_note=new, via=via))
        if fields:
            if "name" in fields:
                fields.append("normalized_name")
            source.save(update_fields=fields)
            History.objects.bulk_create(rows)
    return source


def _newer(a, b) -> bool:
    """True when judgement `a` was changed after `b` (ties go to `b`)."""
    return a.updated_at > b.updated_at


def source_heard_elsewhere(source: Source, project) -> bool:
    """Whether a source has units, judgements or resolutions in any project but `project`."""
    return any(
        model.objects.filter(source=source).exclude(claim__article__project=project).exists()
        for model in (Unit, Stance, Resolution)
    )


def source_merge(*, target: Source, duplicate: Source, user, via: str = "page", project=None) -> Source:
    """Fold a duplicate source into `target`: every unit, stance, resolution and history row follows.

    When one annotator judged the same claim under both names, the judgement
    changed last survives (ties: the target's) and the other is recorded in
    History as deleted, so both decisions stay visible. Colliding resolutions
    keep a lead's over a consensus, then the later one. The duplicate keeps its
    row, pointing at `target` through `merged_into`; its names become aliases.
    The merge itself is a History row of kind "source". For registry administrators
    only; given a `project`, a duplicate heard in another project is refused too.
    """
    registry_admin_required(user)
    if target.pk == duplicate.pk:
        raise ValidationError(gettext("A source cannot be merged into itself."))
    with transaction.atomic():
        locked = {s.pk: s for s in Source.objects.select_for_update().filter(pk__in=[target.pk, duplicate.pk])
                  .order_by("pk")}
        target, duplicate = locked[target.pk], locked[duplicate.pk]
        if duplicate.merged_into_id or target.merged_into_id:
            raise ValidationError(gettext("One of these sources was already merged into another."))
        # Asked in one project, a merge changes that project only: the duplicate's rows move
        # everywhere, so it must be heard nowhere else.
        if project is not None and source_heard_elsewhere(duplicate, project):
            raise ValidationError(gettext(
                "%(name)s is also heard in other projects; a merge from here would change their judgements. "
                "Ask an administrator of the source registry."
            ) % {"name": duplicate.name})
        reason = f"source merge: {duplicate.name!r} (#{duplicate.pk}) into {target.name!r} (#{target.pk})"
        now = timezone.now()
        claim_ids = set(Unit.objects.filter(source=duplicate).values_list("claim_id", flat=True))
        claim_ids |= set(Stance.objects.filter(source=duplicate).values_list("claim_id", flat=True))
        claim_ids |= set(Resolution.objects.filter(source=duplicate).values_list("claim_id", flat=True))
        # Earlier history of the duplicate now reads as the target's.
        History.objects.filter(source=duplicate).update(source=target)
        new_history: list[History] = []

        def record(kind, action, row, *, old, new, why=reason) -> None:
            """History of one judgement or resolution the merge moved, changed or deleted."""
            new_history.append(History(
                kind=kind, action=action, claim_id=row.claim_id, source=target,
                annotator_id=getattr(row, "annotator_id", None), actor=user, old_label=old.label,
                new_label=new.label, old_note=getattr(old, "note", ""), new_note=getattr(new, "note", ""),
                reason=why, via=via,
            ))

        # Units: the target's unit on a claim wins; it inherits a missing machine suggestion.
        target_units = {u.claim_id: u for u in Unit.objects.filter(source=target, claim_id__in=claim_ids)}
        for unit in Unit.objects.filter(source=duplicate):
            kept = target_units.get(unit.claim_id)
            if kept is None:
                unit.source = target
                unit.save(update_fields=["source"])
                continue
            if not kept.suggested_label and unit.suggested_label:
                kept.suggested_label, kept.suggestion_score = unit.suggested_label, unit.suggestion_score
                kept.save(update_fields=["suggested_label", "suggestion_score"])
            unit.delete()

        # Stances: one per (claim, source, annotator); on a collision the later judgement survives.
        stance, update, delete = History.Kind.STANCE, History.Action.UPDATE, History.Action.DELETE
        target_stances = {
            (s.claim_id, s.annotator_id): s
            for s in Stance.objects.select_for_update().filter(source=target, claim_id__in=claim_ids)
        }
        for moved in Stance.objects.select_for_update().filter(source=duplicate):
            kept = target_stances.get((moved.claim_id, moved.annotator_id))
            if kept is None:
                moved.source = target
                moved.save(update_fields=["source"])
                record(stance, update, moved, old=moved, new=moved)
                continue
            if _newer(moved, kept):
                record(stance, update, kept, old=kept, new=moved,
                       why=f"{reason}; the judgement under {duplicate.name!r} was the later one")
                kept.label, kept.note, kept.start, kept.end = moved.label, moved.note, moved.start, moved.end
                kept.version += 1
                kept.updated_at = now
                kept.save(update_fields=["label", "note", "start", "end", "version", "updated_at"])
            else:
                record(stance, delete, moved, old=moved, new=kept,
                       why=f"{reason}; the judgement under {target.name!r} was the later one")
            moved.delete()

        # Resolutions: one per unit; a lead's decision beats a consensus, then the later one wins.
        resolution = History.Kind.RESOLUTION
        target_resolutions = {
            r.claim_id: r for r in Resolution.objects.select_for_update().filter(source=target, claim_id__in=claim_ids)
        }
        rank = {Resolution.Status.RESOLVED: 1, Resolution.Status.CONSENSUS: 0}
        for moved in Resolution.objects.select_for_update().filter(source=duplicate):
            kept = target_resolutions.get(moved.claim_id)
            if kept is None:
                moved.source = target
                moved.save(update_fields=["source"])
                record(resolution, update, moved, old=moved, new=moved)
                continue
            if (rank.get(moved.status, 0), moved.updated_at, 0) > (rank.get(kept.status, 0), kept.updated_at, 1):
                record(resolution, update, kept, old=kept, new=moved)
                kept.label, kept.status, kept.reason = moved.label, moved.status, moved.reason
                kept.resolved_by_id = moved.resolved_by_id
                kept.version += 1
                kept.updated_at = now
                kept.save(update_fields=["label", "status", "reason", "resolved_by", "version", "updated_at"])
            else:
                record(resolution, delete, moved, old=moved, new=kept)
            moved.delete()
        new_history.append(History(
            kind=History.Kind.SOURCE, action=History.Action.MERGE, source=target, actor=user, reason=reason,
            old_note=_describe(duplicate), new_note=_describe(target), via=via,
        ))
        History.objects.bulk_create(new_history)

        # People who spoke for the duplicate now speak for the target; earlier merges follow too.
        Source.objects.filter(affiliation=duplicate).exclude(pk=target.pk).update(affiliation=target)
        Source.objects.filter(merged_into=duplicate).update(merged_into=target)
        target.aliases = _aliases_merged(target, [duplicate.name, *duplicate.aliases])
        fields = ["aliases"]
        if target.kind == Source.Kind.UNKNOWN and duplicate.kind != Source.Kind.UNKNOWN:
            target.kind = duplicate.kind
            fields.append("kind")
        if not target.role and duplicate.role:
            target.role = duplicate.role
            fields.append("role")
        if target.affiliation_id is None and duplicate.affiliation_id not in (None, target.pk):
            target.affiliation_id = duplicate.affiliation_id
            fields.append("affiliation")
        target.save(update_fields=fields)
        duplicate.merged_into = target
        duplicate.save(update_fields=["merged_into"])
    return target


def _aliases_merged(source: Source, names: Iterable[str]) -> list[str]:
    """The source's aliases plus `names`, without blanks, its own name or repeats (by normalised form)."""
    seen = {normalise_name(source.name)}
    result = []
    for name in [*source.aliases, *names]:
        name = " ".join(str(name).split())
        key = normalise_name(name)
        if key and key not in seen:
            seen.add(key)
            result.append(name)
    return result


def _aliases_cleaned(aliases: Iterable[str], *, name: str) -> list[str]:
    """Aliases checked (text, at most 300 characters), without blanks, `name` or repeats."""
    if isinstance(aliases, str):
        raise ValidationError({"aliases": gettext("Aliases must be names (text).")})
    aliases = list(aliases)
    for alias in aliases:
        if not isinstance(alias, str):
            raise ValidationError({"aliases": gettext("Aliases must be names (text).")})
        if len(alias) > 300:
            raise ValidationError({"aliases": gettext("An alias is at most 300 characters long.")})
    return _aliases_merged(Source(name=name, aliases=[]), aliases)


def source_aliases_set(*, source: Source, aliases: Iterable[str], user, via: str = "page") -> Source:
    """Replace a source's aliases (blank and repeated names dropped): a registry edit, in History."""
    return source_update(source=source, user=user, via=via, aliases=list(aliases))
