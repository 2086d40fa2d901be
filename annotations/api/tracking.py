"""API: tracked claims (claim clusters), their timelines, and a source's timeline.

    /api/v1/claim-clusters/                 list (?project=slug) · create (leads; 200 + the existing
                                            tracked claim when the claim is already tracked)
    /api/v1/claim-clusters/{id}/            one tracked claim with its links
    /api/v1/claim-clusters/{id}/timeline/   every stance toward it, by date (filters as on the page)
    /api/v1/claim-clusters/{id}/links/      POST {claims: [...], status: confirmed|rejected} (leads)
    /api/v1/claim-clusters/{id}/merge/      POST {into: id} (leads)
    /api/v1/claim-clusters/{id}/split/      POST {claims: [...], title} (leads)
    /api/v1/claim-clusters/{id}/suggest/    POST: look for more similar claims (leads)
    /api/v1/sources/{id}/timeline/?project=slug   what a source said in a project

Clusters of projects the caller is not a member of answer 404; writes by
members who do not lead the project answer 403. Blind mode holds as on pages.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from annotations import selectors, services, tracking
from annotations.api import filters
from annotations.models import Claim, ClaimCluster, ClaimLink, Membership, Source
from annotations.permissions import LEAD_ROLES

# --- Serializers ------------------------------------------------------------------------------


class ClaimLinkSerializer(serializers.ModelSerializer):
    decided_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    claim_text = serializers.CharField(source="claim.text", read_only=True)
    article = serializers.IntegerField(source="claim.article_id", read_only=True)

    class Meta:
        model = ClaimLink
        fields = ["claim", "claim_text", "article", "status", "score", "decided_by", "decided_at"]
        read_only_fields = fields


class ClaimClusterSerializer(serializers.ModelSerializer):
    project = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    links = ClaimLinkSerializer(many=True, read_only=True)
    confirmed = serializers.IntegerField(read_only=True)
    suggested = serializers.IntegerField(read_only=True)

    class Meta:
        model = ClaimCluster
        fields = ["id", "project", "title", "created_by", "created_at", "merged_into", "confirmed", "suggested",
                  "links"]
        read_only_fields = fields


class ClusterCreateSerializer(serializers.Serializer):
    claim = serializers.IntegerField(help_text="The claim to track; similar claims are suggested at once.")
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)


class LinkDecisionSerializer(serializers.Serializer):
    claims = serializers.ListField(child=serializers.IntegerField(), min_length=1, max_length=500)
    status = serializers.ChoiceField(choices=["confirmed", "rejected"])


class MergeSerializer(serializers.Serializer):
    into = serializers.IntegerField(help_text="The tracked claim this one is merged into.")
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class SplitSerializer(serializers.Serializer):
    claims = serializers.ListField(child=serializers.IntegerField(), min_length=1, max_length=500)
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


def timeline_data(timeline: tracking.Timeline, project) -> dict:
    """A timeline as JSON: rows by date, stance counts, and what the viewer may see."""
    rows = []
    for row in timeline.rows:
        article = row.article
        rows.append({
            "claim": row.claim.pk,
            "claim_text": row.claim.text,
            "article": {
                "id": article.pk, "title": article.title, "outlet": article.outlet, "language": article.language,
                "published": article.published.isoformat() if article.published else None,
                "published_precision": article.published_precision,
                "published_display": article.published_display(),
            },
            "source": {"id": row.source.pk, "name": row.source.name,
                       "affiliation": row.source.affiliation.name if row.source.affiliation else None},
            "stance": row.label or None,
            "status": row.status,
            "resolution": (
                {"label": row.resolution.label, "status": row.resolution.status} if row.resolution else None
            ),
            "judgements": [{"annotator": s.annotator.get_username(), "label": s.label} for s in row.judgements],
            "suggested_label": row.suggested_label or None,
            "evidence_url": f"/projects/{project.slug}/articles/{article.pk}/#claim-{row.claim.pk}",
        })
    return {
        "counts": timeline.counts, "unlabelled": timeline.unlabelled, "sees_others": timeline.sees_others,
        "rows": rows,
    }


FILTER_PARAMETERS = [
    OpenApiParameter("label", str), OpenApiParameter("source", int), OpenApiParameter("language", str),
    OpenApiParameter("status", str), OpenApiParameter("from", str, description="YYYY-MM-DD"),
    OpenApiParameter("to", str, description="YYYY-MM-DD"),
]


def _filters(request):
    try:
        return tracking.TimelineFilters.from_query(request.query_params)
    except services.TrackingError as exc:
        raise serializers.ValidationError({"detail": str(exc)}) from exc


# --- Views ----------------------------------------------------------------------------------------


@extend_schema(tags=["tracking"])
class ClaimClusterViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Tracked claims of the caller's projects (`?project=slug` narrows to one)."""

    serializer_class = ClaimClusterSerializer
    filterset_class = filters.ClusterFilter
    ordering = ["-id"]
    ordering_fields = ["id", "created_at"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation has no user
            return ClaimCluster.objects.none()
        user = self.request.user
        qs = (
            ClaimCluster.objects.filter(project__memberships__user=user)
            .select_related("project", "created_by")
            .annotate(
                confirmed=Count("links", filter=Q(links__status=ClaimLink.Status.CONFIRMED), distinct=True),
                suggested=Count("links", filter=Q(links__status=ClaimLink.Status.SUGGESTED), distinct=True),
            )
            .prefetch_related(
                Prefetch("links", ClaimLink.objects.select_related("claim", "decided_by").order_by("status", "-score"))
            )
            .order_by("-id")
        )
        slug = self.request.query_params.get("project")
        if slug:
            qs = qs.filter(project__slug=slug)
        if self.action == "list" and self.request.query_params.get("merged") != "true":
            qs = qs.filter(merged_into__isnull=True)
        return qs

    @extend_schema(parameters=[
        OpenApiParameter("project", str, description="Only this project's tracked claims (slug)."),
        OpenApiParameter("merged", bool, description="Include clusters merged into others."),
    ])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def _membership(self, cluster_or_project_id) -> Membership:
        membership = Membership.objects.filter(user=self.request.user, project_id=cluster_or_project_id).first()
        if membership is None:
            raise NotFound("No such tracked claim.")
        return membership

    def _lead_cluster(self) -> ClaimCluster:
        cluster = get_object_or_404(
            ClaimCluster.objects.select_related("project"),
            pk=self.kwargs["pk"], project__memberships__user=self.request.user,
        )
        if self._membership(cluster.project_id).role not in LEAD_ROLES:
            raise PermissionDenied(gettext("Only the project's leads may change tracked claims."))
        return cluster

    def _fresh(self, cluster, code=status.HTTP_200_OK):
        return Response(self.get_serializer(self.get_queryset().get(pk=cluster.pk)).data, status=code)

    @staticmethod
    def _refuse(exc):
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)

    @extend_schema(request=ClusterCreateSerializer,
                   responses={201: ClaimClusterSerializer, 200: ClaimClusterSerializer},
                   description="Track a claim (201). A claim already tracked answers its tracked claim (200).")
    def create(self, request):
        data = ClusterCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        claim = Claim.objects.select_related("article__project").filter(
            pk=data.validated_data["claim"], article__project__memberships__user=request.user
        ).first()
        if claim is None:
            raise NotFound("No such claim.")
        project = claim.article.project
        if self._membership(project.pk).role not in LEAD_ROLES:
            raise PermissionDenied(gettext("Only the project's leads may track claims."))
        # Tracking a claim that is already tracked is a no-op: the answer is its tracked claim (200).
        existing = selectors.tracked_cluster_id(claim=claim)
        if existing is not None:
            return self._fresh(ClaimCluster(pk=existing))
        try:
            cluster = services.cluster_create(
                project=project, claim=claim, user=request.user, title=data.validated_data.get("title", "")
            )
        except services.TrackingError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return self._fresh(cluster, status.HTTP_201_CREATED)

    @extend_schema(parameters=FILTER_PARAMETERS, responses={200: dict})
    @action(detail=True, methods=["get"])
    def timeline(self, request, pk=None):
        cluster = get_object_or_404(
            ClaimCluster.objects.select_related("project"), pk=pk, project__memberships__user=request.user
        )
        membership = self._membership(cluster.project_id)
        filters = _filters(request)
        timeline = tracking.cluster_timeline(cluster=cluster, membership=membership, user=request.user,
                                             filters=filters)
        return Response({"cluster": cluster.pk, "title": cluster.title, **timeline_data(timeline, cluster.project)})

    @extend_schema(request=LinkDecisionSerializer, responses={200: ClaimClusterSerializer})
    @action(detail=True, methods=["post"])
    def links(self, request, pk=None):
        cluster = self._lead_cluster()
        data = LinkDecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.link_decide(cluster=cluster, claim_ids=data.validated_data["claims"],
                                 status=data.validated_data["status"], user=request.user)
        except services.TrackingError as exc:
            return self._refuse(exc)
        return self._fresh(cluster)

    @extend_schema(request=MergeSerializer, responses={200: ClaimClusterSerializer})
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        cluster = self._lead_cluster()
        data = MergeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = ClaimCluster.objects.filter(pk=data.validated_data["into"], project_id=cluster.project_id).first()
        if target is None:
            return Response({"into": ["No such tracked claim in this project."]}, status=status.HTTP_400_BAD_REQUEST)
        try:
            services.cluster_merge(target=target, source=cluster, user=request.user,
                                   note=data.validated_data.get("note", ""))
        except services.TrackingError as exc:
            return self._refuse(exc)
        return self._fresh(target)

    @extend_schema(request=SplitSerializer, responses={201: ClaimClusterSerializer})
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        cluster = self._lead_cluster()
        data = SplitSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            new = services.cluster_split(
                cluster=cluster, claim_ids=data.validated_data["claims"], user=request.user,
                title=data.validated_data.get("title", ""), note=data.validated_data.get("note", ""),
            )
        except services.TrackingError as exc:
            return self._refuse(exc)
        return self._fresh(new, status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: ClaimClusterSerializer})
    @action(detail=True, methods=["post"])
    def suggest(self, request, pk=None):
        cluster = self._lead_cluster()
        try:
            services.cluster_suggest(cluster=cluster, user=request.user)
        except services.TrackingError as exc:
            return self._refuse(exc)
        return self._fresh(cluster)


@extend_schema(tags=["tracking"], parameters=[OpenApiParameter("project", str, required=True), *FILTER_PARAMETERS],
               responses={200: dict})
class SourceTimelineView(APIView):
    """Everything a source said in one project's articles, by date."""

    def get(self, request, pk):
        slug = request.query_params.get("project", "")
        membership = Membership.objects.select_related("project").filter(
            user=request.user, project__slug=slug
        ).first() if slug else None
        if membership is None:
            if not slug:
                return Response({"project": ["Name the project (?project=slug)."]}, status=status.HTTP_400_BAD_REQUEST)
            raise NotFound("No such project.")
        project = membership.project
        source = get_object_or_404(Source.objects.select_related("affiliation"), pk=pk)
        if not selectors.source_heard_in(project=project, source=source):
            raise NotFound("No such source in this project.")
        filters = _filters(request)
        filters.source_id = None
        timeline = tracking.source_timeline(project=project, source=source, membership=membership,
                                            user=request.user, filters=filters)
        return Response({
            "source": {"id": source.pk, "name": source.name, "kind": source.kind, "role": source.role,
                       "aliases": source.aliases, "merged_into": source.merged_into_id,
                       "affiliation": source.affiliation.name if source.affiliation else None},
            "project": project.slug,
            **timeline_data(timeline, project),
        })


router = SimpleRouter()
router.register("claim-clusters", ClaimClusterViewSet, basename="claim-cluster")

urlpatterns = [
    path("sources/<int:pk>/timeline/", SourceTimelineView.as_view(), name="source-timeline"),
    *router.urls,
]
