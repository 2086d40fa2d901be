"""API: a project's verdicts (see docs/verdicts.md).

    GET, POST  /api/v1/projects/{slug}/verdicts/                        members read; leads give one
    GET, PATCH /api/v1/projects/{slug}/verdicts/{verdict_id}/           PATCH names the version it saw
    GET        /api/v1/projects/{slug}/verdicts/{verdict_id}/changes/   every change, oldest first

A verdict is on a tracked claim (`cluster`) or on a claim, exactly one. Writes go through
`services.verdict_set`: the rating must be on the project's verdict scale; a POST for a target
that already has a verdict, or a PATCH with a stale version, answers 409 with the verdict as
it now stands, and a PATCH without a version 428.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.response import Response
from rest_framework.reverse import reverse

from annotations import selectors, services
from annotations.api import filters
from annotations.api.errors import conflict_serializer, error_response
from annotations.api.serializers import _messages
from annotations.models import Claim, ClaimCluster, Verdict, VerdictChange
from annotations.permissions import project_for_user

ID = {"min_value": 1, "max_value": 2**31 - 1}


class VerdictSerializer(serializers.ModelSerializer):
    reviewer = serializers.SlugRelatedField(slug_field="username", read_only=True)
    publishable = serializers.BooleanField(read_only=True,
                                           help_text="Has a URL and a date: exported as ClaimReview.")

    class Meta:
        model = Verdict
        fields = ["id", "cluster", "claim", "rating", "explanation", "url", "date_published", "reviewer", "version",
                  "publishable", "created_at", "updated_at"]
        read_only_fields = fields


class _VerdictFields(serializers.Serializer):
    rating = serializers.CharField(max_length=64, help_text="One rating of the project's verdict scale.")
    explanation = serializers.CharField(max_length=5000, required=False, allow_blank=True, default="",
                                        help_text="The explanation meant for the public.")
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True, default="",
                               help_text="The published fact-check; needed for ClaimReview.")
    date_published = serializers.DateField(required=False, allow_null=True, default=None,
                                           help_text="When the fact-check was published (YYYY-MM-DD).")


class VerdictCreateSerializer(_VerdictFields):
    cluster = serializers.IntegerField(**ID, required=False, allow_null=True, help_text="A tracked claim's id.")
    claim = serializers.IntegerField(**ID, required=False, allow_null=True, help_text="A claim's id.")

    def validate(self, attrs):
        if (attrs.get("cluster") is None) == (attrs.get("claim") is None):
            raise serializers.ValidationError({"cluster": ["Name a tracked claim (cluster) or a claim, not both."]})
        return attrs


class VerdictChangeSerializer(_VerdictFields):
    rating = serializers.CharField(max_length=64, required=False)
    explanation = serializers.CharField(max_length=5000, required=False, allow_blank=True)
    url = serializers.URLField(max_length=1000, required=False, allow_blank=True)
    date_published = serializers.DateField(required=False, allow_null=True)
    version = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False,
                                       help_text="The version you last saw; without it 428.")


class VerdictChangeRowSerializer(serializers.ModelSerializer):
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = VerdictChange
        fields = ["id", "action", "actor", "old", "new", "via", "created_at"]


VERDICT_CONFLICT = conflict_serializer("VerdictConflict", VerdictSerializer(allow_null=True))


def _write(request, **kwargs) -> Verdict | Response:
    """verdict_set for the API: bad input 400, a stale view 409 with the verdict as it stands."""
    try:
        return services.verdict_set(reviewer=request.user, via="api", **kwargs)
    except DjangoValidationError as exc:
        raise DRFValidationError(_messages(exc)) from exc
    except services.Conflict as exc:
        current = VerdictSerializer(exc.current).data if exc.current is not None else None
        return Response({"detail": str(exc), "current": current}, status=status.HTTP_409_CONFLICT)


@extend_schema(tags=["verdicts"])
class VerdictListView(ListAPIView):
    """GET: a project's verdicts (any member). POST: a lead gives a tracked claim or a claim its verdict."""

    serializer_class = VerdictSerializer
    filterset_class = filters.VerdictFilter
    ordering_fields = ["id", "updated_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Verdict.objects.none()
        project, _membership = project_for_user(self.request.user, self.kwargs["slug"])
        return selectors.verdicts_of_project(project=project)

    @extend_schema(request=VerdictCreateSerializer, responses={
        201: VerdictSerializer, 409: error_response(409, VERDICT_CONFLICT)})
    def post(self, request, slug: str):
        project, _membership = project_for_user(request.user, slug, lead=True)
        data = VerdictCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        cluster_id, claim_id = values.pop("cluster", None), values.pop("claim", None)
        target = {}
        if cluster_id is not None:
            target["cluster"] = ClaimCluster.objects.filter(
                pk=cluster_id, project=project, merged_into__isnull=True).first()
            if target["cluster"] is None:
                raise DRFValidationError({"cluster": ["No such tracked claim in this project."]})
        else:
            target["claim"] = Claim.objects.select_related("article").filter(
                pk=claim_id, article__project=project).first()
            if target["claim"] is None:
                raise DRFValidationError({"claim": ["No such claim in this project."]})
        verdict = _write(request, project=project, expected_version=0, **target, **values)
        if isinstance(verdict, Response):
            return verdict
        location = reverse("api-verdict-detail", kwargs={"slug": slug, "verdict_id": verdict.pk}, request=request)
        return Response(VerdictSerializer(verdict).data, status=status.HTTP_201_CREATED,
                        headers={"Location": location})


@extend_schema(tags=["verdicts"])
class VerdictDetailView(GenericAPIView):
    """One verdict (any member); a lead changes it with PATCH, naming the version last seen."""

    serializer_class = VerdictSerializer

    def _verdict(self, project) -> Verdict:
        return get_object_or_404(selectors.verdicts_of_project(project=project).select_related(
            "cluster", "claim__article"), pk=self.kwargs["verdict_id"])

    def get(self, request, slug: str, verdict_id: int):
        project, _membership = project_for_user(request.user, slug)
        return Response(VerdictSerializer(self._verdict(project)).data)

    @extend_schema(request=VerdictChangeSerializer, responses={
        200: VerdictSerializer, 409: error_response(409, VERDICT_CONFLICT), 428: error_response(428)})
    def patch(self, request, slug: str, verdict_id: int):
        project, _membership = project_for_user(request.user, slug, lead=True)
        verdict = self._verdict(project)
        data = VerdictChangeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        expected = values.pop("version", None)
        if expected is None:
            return Response({"detail": "Send the version you last saw (`version`): a change without it could "
                                       "overwrite another lead's verdict."},
                            status=status.HTTP_428_PRECONDITION_REQUIRED)
        current = {"rating": verdict.rating, "explanation": verdict.explanation, "url": verdict.url,
                   "date_published": verdict.date_published}
        target = {"cluster": verdict.cluster} if verdict.cluster_id else {"claim": verdict.claim}
        changed = _write(request, project=project, expected_version=expected, **target, **{**current, **values})
        if isinstance(changed, Response):
            return changed
        return Response(VerdictSerializer(changed).data)


@extend_schema(tags=["verdicts"])
class VerdictChangeListView(ListAPIView):
    """Every change of a verdict, oldest first: who, when, through what, the fields before and after."""

    serializer_class = VerdictChangeRowSerializer
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return VerdictChange.objects.none()
        project, _membership = project_for_user(self.request.user, self.kwargs["slug"])
        verdict = get_object_or_404(Verdict, project=project, pk=self.kwargs["verdict_id"])
        return VerdictChange.objects.filter(verdict=verdict).select_related("actor").order_by("id")


urlpatterns = [
    path("projects/<slug:slug>/verdicts/", VerdictListView.as_view(), name="api-verdicts"),
    path("projects/<slug:slug>/verdicts/<int:verdict_id>/", VerdictDetailView.as_view(), name="api-verdict-detail"),
    path("projects/<slug:slug>/verdicts/<int:verdict_id>/changes/", VerdictChangeListView.as_view(),
         name="api-verdict-changes"),
]
