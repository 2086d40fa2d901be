"""Annotators' judgements (stances), with History and optimistic concurrency."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from annotations.models import Claim, History, Source, Stance, Unit
from annotations.services.conflict import Conflict


def check_label(claim: Claim, label: str) -> None:
    labels = claim.article.project.judgement_labels
    if label not in labels:
        raise ValidationError(
            gettext("'%(label)s' is not a stance of this project (choose from %(labels)s).")
            % {"label": label, "labels": ", ".join(labels)}
        )


def stance_record(
    *, claim: Claim, source: Source, annotator, label: str, note: str | None = None,
    expected_version: int | None = None, via: str = "page",
) -> Stance:
    """Record (or change) an annotator's stance on a unit, keeping history.

    `expected_version` is the version the caller last saw (0 for "none yet"); when
    another write got there first the call raises Conflict instead of overwriting.
    """
    check_label(claim, label)
    with transaction.atomic():
        Unit.objects.get_or_create(
            claim=claim, source=source,
            defaults={"origin": Claim.Origin.MANUAL, "added_by": annotator},
        )
        stance = (
            Stance.objects.select_for_update()
            .filter(claim=claim, source=source, annotator=annotator)
            .first()
        )
        now = timezone.now()
        if stance is None:
            if expected_version not in (None, 0):
                raise Conflict(gettext("This judgement was removed meanwhile; reload to see it."))
            try:
                with transaction.atomic():
                    stance = Stance.objects.create(
                        claim=claim, source=source, annotator=annotator, label=label,
                        note=note or "", created_at=now, updated_at=now,
                    )
            except IntegrityError as exc:
                current = Stance.objects.filter(
                    claim=claim, source=source, annotator=annotator
                ).first()
                raise Conflict(gettext("This judgement was saved meanwhile from elsewhere."), current) from exc
            History.objects.create(
                kind=History.Kind.STANCE, action=History.Action.CREATE, claim=claim, source=source,
                annotator=annotator, actor=annotator, new_label=label, new_note=stance.note, via=via,
            )
            return stance
        if expected_version is not None and expected_version != stance.version:
            raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), stance)
        new_note = stance.note if note is None else note
        if stance.label == label and stance.note == new_note:
            return stance
        History.objects.create(
            kind=History.Kind.STANCE, action=History.Action.UPDATE, claim=claim, source=source,
            annotator=annotator, actor=annotator, old_label=stance.label, new_label=label,
            old_note=stance.note, new_note=new_note, via=via,
        )
        stance.label = label
        stance.note = new_note
        stance.version += 1
        stance.updated_at = now
        stance.save(update_fields=["label", "note", "version", "updated_at"])
        return stance


def stance_undo(
    *, claim: Claim, source: Source, annotator, via: str = "page", expected_version: int | None = None
) -> Stance | None:
    """Revert the annotator's latest change on a unit that is not yet undone.

    `expected_version` is the version the caller's page shows (0 for none): an undo from a
    stale tab raises Conflict instead of reverting a change that tab never saw.
    Returns the stance as it now stands (None when the undo removed it).
    """
    with transaction.atomic():
        stance = (
            Stance.objects.select_for_update()
            .filter(claim=claim, source=source, annotator=annotator)
            .first()
        )
        if expected_version is not None and expected_version != (stance.version if stance else 0):
            raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), stance)
        last = (
            History.objects.select_for_update()
            .filter(kind=History.Kind.STANCE, claim=claim, source=source, annotator=annotator,
                    reverted=False)
            .exclude(action=History.Action.UNDO)
            .order_by("-id")
            .first()
        )
        if last is None:
            return stance
        History.objects.create(
            kind=History.Kind.STANCE, action=History.Action.UNDO, claim=claim, source=source,
            annotator=annotator, actor=annotator,
            old_label=stance.label if stance else "", new_label=last.old_label,
            old_note=stance.note if stance else "", new_note=last.old_note, via=via,
        )
        last.reverted = True
        last.save(update_fields=["reverted"])
        if last.action == History.Action.CREATE:
            if stance is not None:
                stance.delete()
            return None
        if stance is None:
            stance = Stance(claim=claim, source=source, annotator=annotator, version=0)
        stance.label = last.old_label
        stance.note = last.old_note
        stance.version += 1
        stance.updated_at = timezone.now()
        stance.save()
        return stance


def stance_delete(*, stance: Stance, annotator, expected_version: int, via: str = "api") -> None:
    """Withdraw an annotator's judgement of a unit, keeping the old label in History.

    `expected_version` is the version the caller last saw; a stale one raises Conflict
    with the current stance. An undo (`stance_undo`) brings the judgement back.
    """
    with transaction.atomic():
        current = (
            Stance.objects.select_for_update()
            .filter(pk=stance.pk, annotator=annotator)
            .first()
        )
        if current is None:
            raise Conflict(gettext("This judgement was removed meanwhile; reload to see it."))
        if expected_version != current.version:
            raise Conflict(gettext("This judgement was changed meanwhile from elsewhere."), current)
        History.objects.create(
            kind=History.Kind.STANCE, action=History.Action.DELETE, claim_id=current.claim_id,
            source_id=current.source_id, annotator=annotator, actor=annotator,
            old_label=current.label, old_note=current.note, via=via,
        )
        current.delete()
