"""Tracked claims (clusters): a lead creates, confirms, rejects, merges and splits, each
step kept as a `ClusterEvent` with who and when."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from annotations.models import Claim, ClaimCluster, ClaimLink, ClusterEvent, Verdict
from annotations.similarity import DEFAULT_THRESHOLD, suggest_for_cluster


class TrackingError(Exception):
    """A cluster operation that cannot be done as asked; the message says why."""


def _claim_texts(claims) -> list[tuple[str, str]]:
    return [(c.text, c.article.body[c.start:c.end]) for c in claims]


def cluster_create(*, project, claim, user, title: str = "", suggest: bool = True):
    """Start tracking a claim: a new cluster with that claim confirmed, plus suggestions."""

    if claim.article.project_id != project.pk:
        raise TrackingError(_("That claim belongs to another project."))
    with transaction.atomic():
        taken = ClaimLink.objects.select_for_update().filter(
            claim=claim, status=ClaimLink.Status.CONFIRMED
        ).first()
        if taken is not None:
            raise TrackingError(
                _("This claim is already tracked in cluster %(cluster)s.") % {"cluster": taken.cluster_id}
            )
        cluster = ClaimCluster.objects.create(
            project=project, title=(title or claim.text).strip()[:500], created_by=user
        )
        ClaimLink.objects.create(
            cluster=cluster, claim=claim, status=ClaimLink.Status.CONFIRMED, score=1.0,
            decided_by=user, decided_at=timezone.now(),
        )
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.CREATE, claim_ids=[claim.pk], actor=user
        )
        if suggest:
            cluster_suggest(cluster=cluster, user=user)
    return cluster


def cluster_suggest(*, cluster, user=None, threshold: float = DEFAULT_THRESHOLD, limit: int = 50) -> int:
    """Add suggested links to claims of the project that resemble the cluster's claims.

    Claims already confirmed in any cluster, and claims a lead rejected for this
    cluster, are never suggested again. Returns the number of new suggestions.
    """

    members = list(
        Claim.objects.filter(cluster_links__cluster=cluster, cluster_links__status=ClaimLink.Status.CONFIRMED)
        .select_related("article")
    )
    excluded = ClaimLink.objects.filter(
        Q(status=ClaimLink.Status.CONFIRMED) | Q(cluster=cluster)
    ).values("claim_id")
    candidates = list(
        Claim.objects.filter(article__project_id=cluster.project_id)
        .exclude(pk__in=excluded)
        .select_related("article")
        .order_by("id")
    )
    found = suggest_for_cluster(
        _claim_texts(members),
        [(c, *_claim_texts([c])[0]) for c in candidates],
        threshold=threshold, limit=limit,
    )
    if not found:
        return 0
    with transaction.atomic():
        ClaimLink.objects.bulk_create(
            [ClaimLink(cluster=cluster, claim=s.candidate, score=s.score) for s in found],
            ignore_conflicts=True,
        )
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.SUGGEST,
            claim_ids=[s.candidate.pk for s in found], actor=user,
        )
    return len(found)


def _live_cluster(cluster):
    if cluster.merged_into_id is not None:
        raise TrackingError(
            _("This cluster was merged into cluster %(cluster)s.") % {"cluster": cluster.merged_into_id}
        )


def link_decide(*, cluster, claim_ids: Sequence[int], status: str, user, note: str = "") -> int:
    """Confirm or reject claims for a cluster (suggested or not); returns how many changed.

    Confirming a claim that another cluster holds is refused as a whole: move it
    with a merge or a split instead, so no claim silently changes cluster.
    """

    if status not in (ClaimLink.Status.CONFIRMED, ClaimLink.Status.REJECTED):
        raise TrackingError(_("A link is either confirmed or rejected."))
    ids = sorted({int(i) for i in claim_ids})
    if not ids:
        raise TrackingError(_("Choose at least one claim."))
    with transaction.atomic():
        _live_cluster(cluster)
        claims = set(
            Claim.objects.filter(pk__in=ids, article__project_id=cluster.project_id).values_list("pk", flat=True)
        )
        if len(claims) != len(ids):
            raise TrackingError(_("Some of those claims are not in this project."))
        if status == ClaimLink.Status.CONFIRMED:
            elsewhere = (
                ClaimLink.objects.select_for_update()
                .filter(claim_id__in=ids, status=ClaimLink.Status.CONFIRMED)
                .exclude(cluster=cluster)
                .values_list("claim_id", "cluster_id")
            )
            if elsewhere:
                claim_id, other = next(iter(elsewhere))
                raise TrackingError(
                    _("Claim %(claim)s is already confirmed in cluster %(cluster)s.")
                    % {"claim": claim_id, "cluster": other}
                )
        now = timezone.now()
        existing = {
            link.claim_id: link
            for link in ClaimLink.objects.select_for_update().filter(cluster=cluster, claim_id__in=ids)
        }
        changed = []
        for claim_id in ids:
            link = existing.get(claim_id)
            if link is None:
                ClaimLink.objects.create(
                    cluster=cluster, claim_id=claim_id, status=status, decided_by=user, decided_at=now
                )
                changed.append(claim_id)
            elif link.status != status:
                link.status, link.decided_by, link.decided_at = status, user, now
                link.save(update_fields=["status", "decided_by", "decided_at"])
                changed.append(claim_id)
        if changed:
            kind = ClusterEvent.Kind.CONFIRM if status == ClaimLink.Status.CONFIRMED else ClusterEvent.Kind.REJECT
            ClusterEvent.objects.create(cluster=cluster, kind=kind, claim_ids=changed, actor=user, note=note)
    return len(changed)


def cluster_merge(*, target, source, user, note: str = ""):
    """Merge cluster `source` into `target`: its confirmed claims follow; history kept on both."""
    if target.pk == source.pk:
        raise TrackingError(_("A cluster cannot be merged into itself."))
    if target.project_id != source.project_id:
        raise TrackingError(_("Both clusters must belong to the same project."))
    with transaction.atomic():
        # Lock both rows in id order so two merges of the same pair cannot interleave.
        locked = {c.pk: c for c in ClaimCluster.objects.select_for_update().filter(pk__in=[target.pk, source.pk])
                  .order_by("pk")}
        target, source = locked[target.pk], locked[source.pk]
        _live_cluster(target)
        _live_cluster(source)
        moving = list(
            ClaimLink.objects.select_for_update().filter(cluster=source, status=ClaimLink.Status.CONFIRMED)
        )
        moved_ids = [link.claim_id for link in moving]
        # The target's own rows for those claims (a rejection or suggestion) give way.
        ClaimLink.objects.filter(cluster=target, claim_id__in=moved_ids).delete()
        # Who confirmed each claim, and when, stays; the merge itself is the event below.
        ClaimLink.objects.filter(pk__in=[link.pk for link in moving]).update(cluster=target)
        # The source's open suggestions lapse with it.
        ClaimLink.objects.filter(cluster=source, status=ClaimLink.Status.SUGGESTED).delete()
        source.merged_into = target
        source.save(update_fields=["merged_into"])
        # Its verdict goes with its claims, unless the target has its own, which stands (the merged
        # one's stays on it, in history and the API, and leaves ClaimReview).
        if not Verdict.objects.filter(cluster=target).exists():
            Verdict.objects.filter(cluster=source).update(cluster=target)
        ClusterEvent.objects.create(
            cluster=target, kind=ClusterEvent.Kind.MERGE, claim_ids=moved_ids, other_cluster=source,
            actor=user, note=note,
        )
        ClusterEvent.objects.create(
            cluster=source, kind=ClusterEvent.Kind.MERGE, claim_ids=moved_ids, other_cluster=target,
            actor=user, note=note,
        )
    return target


def cluster_split(*, cluster, claim_ids: Sequence[int], user, title: str = "", note: str = ""):
    """Move some confirmed claims of a cluster into a new cluster; history kept on both."""
    ids = sorted({int(i) for i in claim_ids})
    with transaction.atomic():
        cluster = ClaimCluster.objects.select_for_update().get(pk=cluster.pk)
        _live_cluster(cluster)
        confirmed = list(
            ClaimLink.objects.select_for_update()
            .filter(cluster=cluster, status=ClaimLink.Status.CONFIRMED)
            .select_related("claim")
        )
        by_claim = {link.claim_id: link for link in confirmed}
        if not ids or any(i not in by_claim for i in ids):
            raise TrackingError(_("Choose confirmed claims of this cluster to split off."))
        if len(ids) == len(confirmed):
            raise TrackingError(_("At least one claim must stay in the cluster."))
        first = by_claim[ids[0]].claim
        new = ClaimCluster.objects.create(
            project_id=cluster.project_id, title=(title or first.text).strip()[:500], created_by=user
        )
        ClaimLink.objects.filter(pk__in=[by_claim[i].pk for i in ids]).update(cluster=new)
        ClusterEvent.objects.create(
            cluster=cluster, kind=ClusterEvent.Kind.SPLIT, claim_ids=ids, other_cluster=new, actor=user, note=note
        )
        ClusterEvent.objects.create(
            cluster=new, kind=ClusterEvent.Kind.SPLIT, claim_ids=ids, other_cluster=cluster, actor=user, note=note
        )
    return new
