"""The source registry: matching names, merging duplicates, aliases."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext

from annotations.models import History, Resolution, Source, Stance, Unit, normalise_name


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
    found = candidates.order_by("affiliation_id").first()
    if found is None:
        found = (
            Source.objects.filter(aliases__contains=[name], merged_into__isnull=True).first()
            if _supports_json_contains()
            else next(
                (s for s in Source.objects.filter(merged_into__isnull=True).exclude(aliases=[])
                 if key in {normalise_name(a) for a in s.aliases}),
                None,
            )
        )
    if found is not None:
        return found
    if kind not in Source.Kind.values:
        kind = Source.Kind.UNKNOWN
    return Source.objects.create(name=name, kind=kind, role=role, affiliation=affiliation)


def _supports_json_contains() -> bool:
    return connection.vendor == "postgresql"


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
    """
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
        target_stances = {
            (s.claim_id, s.annotator_id): s
            for s in Stance.objects.select_for_update().filter(source=target, claim_id__in=claim_ids)
        }
        for stance in Stance.objects.select_for_update().filter(source=duplicate):
            kept = target_stances.get((stance.claim_id, stance.annotator_id))
            if kept is None:
                stance.source = target
                stance.save(update_fields=["source"])
                new_history.append(History(
                    kind=History.Kind.STANCE, action=History.Action.UPDATE, claim_id=stance.claim_id,
                    source=target, annotator_id=stance.annotator_id, actor=user, old_label=stance.label,
                    new_label=stance.label, old_note=stance.note, new_note=stance.note, reason=reason, via=via,
                ))
                continue
            if _newer(stance, kept):
                new_history.append(History(
                    kind=History.Kind.STANCE, action=History.Action.UPDATE, claim_id=kept.claim_id,
                    source=target, annotator_id=kept.annotator_id, actor=user, old_label=kept.label,
                    new_label=stance.label, old_note=kept.note, new_note=stance.note,
                    reason=f"{reason}; the judgement under {duplicate.name!r} was the later one", via=via,
                ))
                kept.label, kept.note, kept.start, kept.end = stance.label, stance.note, stance.start, stance.end
                kept.version += 1
                kept.updated_at = now
                kept.save(update_fields=["label", "note", "start", "end", "version", "updated_at"])
            else:
                new_history.append(History(
                    kind=History.Kind.STANCE, action=History.Action.DELETE, claim_id=stance.claim_id,
                    source=target, annotator_id=stance.annotator_id, actor=user, old_label=stance.label,
                    old_note=stance.note, new_label=kept.label, new_note=kept.note,
                    reason=f"{reason}; the judgement under {target.name!r} was the later one", via=via,
                ))
            stance.delete()

        # Resolutions: one per unit; a lead's decision beats a consensus, then the later one wins.
        target_resolutions = {
            r.claim_id: r for r in Resolution.objects.select_for_update().filter(source=target, claim_id__in=claim_ids)
        }
        for resolution in Resolution.objects.select_for_update().filter(source=duplicate):
            kept = target_resolutions.get(resolution.claim_id)
            if kept is None:
                resolution.source = target
                resolution.save(update_fields=["source"])
                new_history.append(History(
                    kind=History.Kind.RESOLUTION, action=History.Action.UPDATE, claim_id=resolution.claim_id,
                    source=target, actor=user, old_label=resolution.label, new_label=resolution.label,
                    reason=reason, via=via,
                ))
                continue
            rank = {Resolution.Status.RESOLVED: 1, Resolution.Status.CONSENSUS: 0}
            duplicate_wins = (rank.get(resolution.status, 0), resolution.updated_at, 0) > (
                rank.get(kept.status, 0), kept.updated_at, 1)
            if duplicate_wins:
                new_history.append(History(
                    kind=History.Kind.RESOLUTION, action=History.Action.UPDATE, claim_id=kept.claim_id,
                    source=target, actor=user, old_label=kept.label, new_label=resolution.label,
                    reason=reason, via=via,
                ))
                kept.label, kept.status, kept.reason = resolution.label, resolution.status, resolution.reason
                kept.resolved_by_id = resolution.resolved_by_id
                kept.version += 1
                kept.updated_at = now
                kept.save(update_fields=["label", "status", "reason", "resolved_by", "version", "updated_at"])
            else:
                new_history.append(History(
                    kind=History.Kind.RESOLUTION, action=History.Action.DELETE, claim_id=resolution.claim_id,
                    source=target, actor=user, old_label=resolution.label, new_label=kept.label,
                    reason=reason, via=via,
                ))
            resolution.delete()
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


def source_aliases_set(*, source: Source, aliases: Iterable[str]) -> Source:
    """Replace a source's aliases (blank and repeated names dropped)."""
    cleaned = []
    for alias in aliases:
        if not isinstance(alias, str):
            raise ValidationError(gettext("Aliases must be names (text)."))
        if len(alias) > 300:
            raise ValidationError(gettext("An alias is at most 300 characters long."))
        cleaned.append(alias)
    source.aliases = _aliases_merged(Source(name=source.name, aliases=[]), cleaned)
    source.save(update_fields=["aliases"])
    return source
