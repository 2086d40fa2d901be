"""API: agreement, disagreements and resolutions."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations import review, selectors, services
from annotations.api import filters
from annotations.api.errors import ID_SCHEMA, conflict_serializer, error_response
from annotations.api.pagination import OffsetCursorPagination
from annotations.filters import QueueFilterForm
from annotations.models import Resolution, Unit
from annotations.permissions import project_for_user, sees_others_judgements
from annotations.services import review_figures


class ResolutionInput(serializers.Serializer):
    claim = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    source = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    label = serializers.CharField(max_length=32)
    reason = serializers.CharField(max_length=5000, allow_blank=False, trim_whitespace=True,
                                   error_messages={"blank": "Give a reason for the decision."})
    version = serializers.IntegerField(min_value=0, max_value=2**31 - 1, required=False, allow_null=True)


class ResolutionOutput(serializers.Serializer):
    claim = serializers.IntegerField()
    source = serializers.IntegerField()
    label = serializers.CharField()
    status = serializers.CharField()
    reason = serializers.CharField()
    resolved_by = serializers.CharField(allow_null=True)
    version = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class SettledUnitOutput(ResolutionOutput):
    id = serializers.IntegerField()
    article = serializers.IntegerField()


class PassageOutput(serializers.Serializer):
    before = serializers.CharField()
    evidence = serializers.CharField()
    after = serializers.CharField()


class JudgementOutput(serializers.Serializer):
    annotator = serializers.CharField()
    label = serializers.CharField(allow_null=True, help_text="null: this annotator did not record the unit")
    note = serializers.CharField()


class SuggestionOutput(serializers.Serializer):
    label = serializers.CharField(allow_null=True)
    score = serializers.FloatField(allow_null=True)


class DisputedUnitOutput(serializers.Serializer):
    claim = serializers.IntegerField()
    source = serializers.IntegerField()
    article = serializers.IntegerField()
    article_title = serializers.CharField()
    claim_text = serializers.CharField()
    source_name = serializers.CharField()
    passage = PassageOutput()
    judgements = JudgementOutput(many=True)
    suggestion = SuggestionOutput()
    resolution = ResolutionOutput(allow_null=True)


def resolution_data(resolution) -> dict:
    return review.resolution_state(resolution)


def unit_data(unit: review.DisputedUnit) -> dict:
    return {
        "claim": unit.claim_id,
        "source": unit.source_id,
        "article": unit.article_id,
        "article_title": unit.article_title,
        "claim_text": unit.claim_text,
        "source_name": unit.source_name,
        "passage": {"before": unit.passage_before, "evidence": unit.evidence, "after": unit.passage_after},
        "judgements": [{"annotator": j.annotator, "label": j.label, "note": j.note} for j in unit.judgements],
        "suggestion": {"label": unit.suggested_label or None, "score": unit.suggestion_score},
        "resolution": resolution_data(unit.resolution) if unit.resolution else None,
    }


class AgreementView(APIView):
    """Agreement figures of a project (any member; in blind mode leads and admins only)."""

    @extend_schema(responses=inline_serializer("Agreement", {
        "krippendorff_alpha": serializers.FloatField(allow_null=True),
        "fleiss_kappa": serializers.FloatField(allow_null=True),
        "cohen_kappa": serializers.ListField(child=serializers.DictField()),
        "units": serializers.IntegerField(),
        "observed_agreement": serializers.FloatField(allow_null=True),
        "per_label": serializers.ListField(child=serializers.DictField()),
        "confusion": serializers.DictField(),
        "not_defined": serializers.DictField(),
    }))
    def get(self, request, slug: str):
        project, membership = project_for_user(request.user, slug)
        # The confusion and per-pair figures would let an annotator infer the others' labels.
        if not sees_others_judgements(project, membership):
            raise PermissionDenied(gettext("In blind mode only the project's leads and admins see agreement figures."))
        return Response(review_figures.agreement_report(project))


class DisagreementListView(GenericAPIView):
    """Units in dispute with every judgement, the passage and the machine's suggestion (leads)."""

    serializer_class = DisputedUnitOutput
    queryset = Unit.objects.none()  # the list is built by review.disputed_units; this names the model
    pagination_class = OffsetCursorPagination
    filter_backends: list = []

    @extend_schema(parameters=[
        OpenApiParameter("labels", str, description='two labels, e.g. "alleges,denies" ("none": missing)'),
        OpenApiParameter("annotator", str), OpenApiParameter("article", ID_SCHEMA),
        OpenApiParameter("status", str, enum=["open", "settled", "all"]),
    ], responses=DisputedUnitOutput(many=True))
    def get(self, request, slug: str):
        project, _ = project_for_user(request.user, slug, lead=True)
        form = QueueFilterForm(request.query_params, project=project)
        if not form.is_valid():
            return Response(form.errors, status=status.HTTP_400_BAD_REQUEST)
        page = self.paginate_queryset(review.QueuePages(project, form.filters()))
        return self.get_paginated_response([unit_data(u) for u in page])


RESOLUTION_CONFLICT = conflict_serializer("ResolutionConflict", ResolutionOutput(allow_null=True))


class ResolutionCreateView(GenericAPIView):
    """GET: the project's settled units (consensus and resolved); any member, in blind mode leads only.

    POST: a lead settles (or revises the settlement of) a unit; 409 when another lead got there first.
    """

    serializer_class = ResolutionInput
    filterset_class = filters.ResolutionFilter
    ordering_fields = ["id", "updated_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Resolution.objects.none()
        project, membership = project_for_user(self.request.user, self.kwargs["slug"])
        if not sees_others_judgements(project, membership):
            raise PermissionDenied(gettext("In blind mode only the project's leads and admins see resolutions."))
        return selectors.resolutions_of_project(project=project)

    @extend_schema(responses=SettledUnitOutput(many=True))
    def get(self, request, slug: str):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(
            [{"id": r.pk, "article": r.article_id, **resolution_data(r)} for r in page])

    @extend_schema(request=ResolutionInput, responses={
        200: ResolutionOutput, 201: ResolutionOutput, 409: error_response(409, RESOLUTION_CONFLICT)})
    def post(self, request, slug: str):
        project, _ = project_for_user(request.user, slug, lead=True)
        data = ResolutionInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        found = selectors.unit_of_project(project=project, claim_id=values["claim"], source_id=values["source"])
        if found is None:
            return Response({"detail": "No such unit (claim and source) in this project."},
                            status=status.HTTP_400_BAD_REQUEST)
        claim, source = found
        try:
            resolution = services.resolution_set(
                claim=claim, source=source, label=values["label"], reason=values["reason"],
                lead=request.user, expected_version=values.get("version"), via="api",
            )
        except DjangoValidationError as exc:
            return Response({"label": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        except services.Conflict as exc:
            body = {"detail": str(exc),
                    "current": resolution_data(exc.current) if exc.current is not None else None}
            return Response(body, status=status.HTTP_409_CONFLICT)
        created = resolution.version == 1
        return Response(resolution_data(resolution),
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


urlpatterns = [
    path("projects/<slug:slug>/agreement/", AgreementView.as_view(), name="review-agreement"),
    path("projects/<slug:slug>/disagreements/", DisagreementListView.as_view(),
         name="review-disagreements"),
    path("projects/<slug:slug>/resolutions/", ResolutionCreateView.as_view(), name="review-resolutions"),
]
