"""API: the quality of the machine's suggestions in a project (leads only)."""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations import selectors
from annotations.permissions import project_for_user
from annotations.suggestions import suggestion_quality


class FiguresOutput(serializers.Serializer):
    suggestions = serializers.IntegerField(help_text="Units the engine found.")
    judgements = serializers.IntegerField(help_text="Judgements of those units.")
    kept = serializers.IntegerField(help_text="Judgements that kept the suggested stance.")
    changed = serializers.IntegerField(help_text="Judgements that gave another stance.")
    rejected = serializers.IntegerField(help_text="Judgements `rejected` that are no correction.")
    replaced = serializers.IntegerField(help_text="Rejections with the same claim added with another source.")
    moved = serializers.IntegerField(help_text="Rejections with the same source added on another claim.")
    added = serializers.IntegerField(help_text="Hand-made units that are no correction: statements the engine missed.")
    settled_suggestions = serializers.IntegerField(help_text="Found units that are settled.")
    correct = serializers.IntegerField(help_text="Of those, settled with the suggested label.")
    found = serializers.IntegerField(help_text="Of those, not settled as `rejected`.")
    settled_statements = serializers.IntegerField(help_text="Settled units whose final label is not `rejected`.")
    found_statements = serializers.IntegerField(help_text="Of those, found by the engine.")
    precision = serializers.FloatField(allow_null=True, help_text="correct / settled_suggestions")
    recall = serializers.FloatField(allow_null=True, help_text="correct / settled_statements")
    unit_precision = serializers.FloatField(allow_null=True, help_text="found / settled_suggestions")
    unit_recall = serializers.FloatField(allow_null=True, help_text="found_statements / settled_statements")
    kept_rate = serializers.FloatField(allow_null=True, help_text="kept / judgements")
    mean_score = serializers.FloatField(allow_null=True, help_text="The suggestions' mean confidence.")


class LanguageFiguresOutput(FiguresOutput):
    language = serializers.CharField()


class LabelFiguresOutput(FiguresOutput):
    label = serializers.CharField(help_text="Suggested label (actions, precision); final label (recall).")


class EngineFiguresOutput(FiguresOutput):
    engine_version = serializers.CharField(help_text="Empty: articles the engine found nothing in.")


class ConfidenceFiguresOutput(FiguresOutput):
    confidence = serializers.CharField(help_text="The suggestions' confidence band, e.g. 0.7-0.9 (lower bound "
                                                 "included); only suggestions count, so recall is null.")


class SuggestionQualityOutput(serializers.Serializer):
    overall = FiguresOutput()
    by_language = LanguageFiguresOutput(many=True)
    by_label = LabelFiguresOutput(many=True)
    by_engine_version = EngineFiguresOutput(many=True)
    by_confidence = ConfidenceFiguresOutput(many=True)


class SuggestionQualityView(APIView):
    """What the team did with the machine's suggestions, and the engine's precision and recall
    judged by the settled units; see `annotations.suggestions`. Leads and admins only."""

    @extend_schema(responses=SuggestionQualityOutput)
    def get(self, request, slug: str):
        project, _membership = project_for_user(request.user, slug, lead=True)
        report = suggestion_quality(selectors.suggestion_facts(project), labels=project.labels)
        return Response(report.as_dict())


urlpatterns = [
    path("projects/<slug:slug>/suggestions/", SuggestionQualityView.as_view(), name="api-suggestions"),
]
