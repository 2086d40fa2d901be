"""Resolutions, the final label of a unit: a lead's decision or the annotators' consensus."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from annotations import units
from annotations.models import Article, Claim, History, Resolution, Source, Stance, Webhook
from annotations.services.conflict import Conflict
from annotations.services.judgements import check_label
from annotations.services.locks import article_lock, retry_deadlock
from annotations.services.webhooks import webhooks_notify

CONSENSUS_REASON = "Consensus of the annotators."


def settled_payload(claim_id: int, source_id: int, resolution: Resolution | None, action: str, via: str) -> dict:
    """What a `unit.settled` webhook carries: the unit's resolution as it now stands (None once withdrawn)."""
    return {"claim": claim_id, "source": source_id, "action": action, "via": via,
            "resolution": None if resolution is None else {
                "label": resolution.label, "status": resolution.status, "reason": resolution.reason,
                "version": resolution.version, "settled_by": resolution.resolved_by_id}}


@retry_deadlock
def resolution_set(
    *, claim: Claim, source: Source, label: str, reason: str, lead, expected_version: int | None = None,
    via: str = "page",
):
    """Settle a unit: a lead sets its final label, keeping every version in History.

    `expected_version` is the resolution version the lead saw (0 for "none yet").
    Without it the call may only settle a unit no lead has settled: revising a
    lead's decision must name its version. When another lead got there first the
    call raises Conflict carrying the current decision, never overwriting it.
    """
    check_label(claim, label)
    reason = (reason or "").strip()
    with transaction.atomic():
        article_lock(article_id=claim.article_id)
        current = (
            Resolution.objects.select_for_update(of=("self",)).select_related("resolved_by")
            .filter(claim=claim, source=source).first()
        )
        now = timezone.now()
        if current is None:
            if expected_version not in (None, 0):
                raise Conflict(gettext("This unit's resolution was removed meanwhile; reload to see it."))
            try:
                with transaction.atomic():
                    resolution = Resolution.objects.create(
                        claim=claim, source=source, label=label, reason=reason,
                        status=Resolution.Status.RESOLVED, resolved_by=lead, version=1,
                        created_at=now, updated_at=now,
                    )
            except IntegrityError as exc:
                first = Resolution.objects.select_related("resolved_by").filter(
                    claim=claim, source=source).first()
                raise Conflict(_conflict_message(first), first) from exc
            History.objects.create(
                kind=History.Kind.RESOLUTION, action=History.Action.CREATE, claim=claim, source=source,
                actor=lead, new_label=label, reason=reason, via=via,
            )
            webhooks_notify(claim.article.project_id, Webhook.Event.UNIT_SETTLED,
                            settled_payload(claim.pk, source.pk, resolution, "create", via))
            return resolution
        if expected_version is None:
            if current.status == Resolution.Status.RESOLVED:
                raise Conflict(_conflict_message(current), current)
        elif expected_version != current.version:
            raise Conflict(_conflict_message(current), current)
        if (current.status == Resolution.Status.RESOLVED and current.label == label
                and current.reason == reason):
            return current
        History.objects.create(
            kind=History.Kind.RESOLUTION, action=History.Action.UPDATE, claim=claim, source=source,
            actor=lead, old_label=current.label, new_label=label, old_note=current.reason,
            new_note=reason, reason=reason, via=via,
        )
        current.label = label
        current.reason = reason
        current.status = Resolution.Status.RESOLVED
        current.resolved_by = lead
        current.version += 1
        current.updated_at = now
        current.save(update_fields=["label", "reason", "status", "resolved_by", "version", "updated_at"])
        webhooks_notify(claim.article.project_id, Webhook.Event.UNIT_SETTLED,
                        settled_payload(claim.pk, source.pk, current, "update", via))
        return current


def _conflict_message(resolution) -> str:
    if resolution is None:
        return gettext("Another lead changed this unit meanwhile; reload to see it.")
    who = resolution.resolved_by.username if resolution.resolved_by_id else gettext("consensus")
    if resolution.reason:
        return gettext("Already settled as '%(label)s' by %(who)s (%(reason)s). Reload to revise that decision.") % {
            "label": resolution.label, "who": who, "reason": resolution.reason}
    return gettext("Already settled as '%(label)s' by %(who)s. Reload to revise that decision.") % {
        "label": resolution.label, "who": who}


@retry_deadlock
def consensus_refresh(*, article: Article, via: str = "page", locked: bool = False) -> dict[str, int]:
    """Resolve by consensus the units of an article on which every annotator agrees.

    A unit is a consensus when each of the article's annotators (`units.article_annotators`,
    two at least) gave it the same label (`units.is_consensus`). A consensus resolution whose unit no longer agrees is
    withdrawn (recorded in History); a lead's resolution is never touched here.
    Returns counts of created, updated and withdrawn consensus resolutions. `locked`: the
    caller's transaction already holds the article's lock (`article_lock`).
    """
    counts = {"created": 0, "updated": 0, "withdrawn": 0}
    settled: list[dict] = []
    with transaction.atomic():
        if not locked:
            article_lock(article_id=article.pk)
        judged = list(
            Stance.objects.filter(claim__article=article)
            .values_list("claim_id", "source_id", "annotator_id", "label")
        )
        annotators = units.article_annotators(
            ((article.pk, annotator) for _, _, annotator, _ in judged),
            units.finished(Q(article=article)),
        ).get(article.pk, set())
        labels_by_unit: dict[tuple[int, int], dict[int, str]] = {}
        for claim_id, source_id, annotator_id, label in judged:
            labels_by_unit.setdefault((claim_id, source_id), {})[annotator_id] = label
        agreed = {
            unit: next(iter(given.values()))
            for unit, given in labels_by_unit.items()
            if units.is_consensus(given.values(), len(annotators))
        }
        existing = {
            (r.claim_id, r.source_id): r
            for r in Resolution.objects.select_for_update().filter(claim__article=article)
        }
        now = timezone.now()
        for unit, resolution in existing.items():
            if resolution.status != Resolution.Status.CONSENSUS:
                continue
            label = agreed.get(unit)
            if label == resolution.label:
                continue
            if label is None:
                History.objects.create(
                    kind=History.Kind.RESOLUTION, action=History.Action.DELETE, claim_id=unit[0],
                    source_id=unit[1], old_label=resolution.label,
                    reason="The annotators no longer agree.", via=via,
                )
                resolution.delete()
                counts["withdrawn"] += 1
                settled.append(settled_payload(*unit, None, "withdraw", via))
                continue
            History.objects.create(
                kind=History.Kind.RESOLUTION, action=History.Action.UPDATE, claim_id=unit[0],
                source_id=unit[1], old_label=resolution.label, new_label=label,
                reason=CONSENSUS_REASON, via=via,
            )
            resolution.label = label
            resolution.version += 1
            resolution.updated_at = now
            resolution.save(update_fields=["label", "version", "updated_at"])
            counts["updated"] += 1
            settled.append(settled_payload(*unit, resolution, "update", via))
        created = _consensus_create([(unit, label) for unit, label in agreed.items() if unit not in existing], now)
        History.objects.bulk_create([
            History(kind=History.Kind.RESOLUTION, action=History.Action.CREATE, claim_id=resolution.claim_id,
                    source_id=resolution.source_id, new_label=resolution.label, reason=CONSENSUS_REASON, via=via)
            for resolution in created
        ])
        counts["created"] = len(created)
        settled.extend(settled_payload(r.claim_id, r.source_id, r, "create", via) for r in created)
        if settled:
            webhooks_notify(article.project_id, Webhook.Event.UNIT_SETTLED, settled)
    return counts


def _consensus_create(agreed: list[tuple[tuple[int, int], str]], now) -> list[Resolution]:
    """The consensus resolutions of units nobody has settled, in one statement (an article's
    Done settles several at once). Should a lead's decision on one of them have arrived meanwhile,
    they are created one by one, and the lead's decision stands."""
    rows = [Resolution(claim_id=claim_id, source_id=source_id, label=label, status=Resolution.Status.CONSENSUS,
                       reason=CONSENSUS_REASON, created_at=now, updated_at=now)
            for (claim_id, source_id), label in agreed]
    if not rows:
        return []
    try:
        with transaction.atomic():
            return Resolution.objects.bulk_create(rows)
    except IntegrityError:
        pass
    created = []
    for row in rows:
        row.pk = None
        try:
            with transaction.atomic():
                row.save(force_insert=True)
        except IntegrityError:
            continue  # a lead settled it meanwhile; their decision stands
        created.append(row)
    return created
