"""API: the annotation workflow as the pages run it — units to judge, settled units, History.

    GET /api/v1/units/                         claim × source units with the machine's suggestion
                                               (?project=slug, ?article=id); blind-safe
    GET /api/v1/projects/{slug}/history/       every change of a judgement or a resolution (blind-safe)

`POST /api/v1/articles/{id}/done/` and the stance undo live beside their resources
(annotations/api/views.py); `GET …/resolutions/` beside the POST (annotations/api/review.py).

Blind mode holds as on the pages: an annotator sees the units the machine found,
the units they added or judged, and only their own History; leads and admins (or
everyone in a project that is not blind) see everything.
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from annotations import selectors, services
from annotations.api import filters
from annotations.api.permissions import lead_project_ids
from annotations.api.serializers import StanceSerializer
from annotations.models import Claim, History, Unit
from annotations.permissions import project_for_user

# --- Units ---------------------------------------------------------------------------------------


class SuggestionSerializer(serializers.Serializer):
    label = serializers.CharField(help_text="The stance the extraction engine suggests.")
    score = serializers.FloatField(allow_null=True, help_text="Its confidence, 0 to 1.")
    engine_version = serializers.CharField(help_text="The extraction engine that made the suggestion.")


class MineSerializer(serializers.Serializer):
    label = serializers.CharField()
    note = serializers.CharField()
    version = serializers.IntegerField(help_text="Send it back when changing the judgement.")
    stance = serializers.IntegerField(help_text="The judgement's id under /api/v1/stances/.")


class UnitSerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(read_only=True)
    source_name = serializers.CharField(source="source.name", read_only=True)
    suggestion = serializers.SerializerMethodField()
    mine = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = ["id", "article", "claim", "source", "source_name", "origin", "suggestion", "mine", "created_at"]
        read_only_fields = fields

    @extend_schema_field(SuggestionSerializer(allow_null=True))
    def get_suggestion(self, unit) -> dict | None:
        if unit.origin != Claim.Origin.EXTRACTED or not unit.suggested_label:
            return None
        if not (unit.show_suggestions or unit.project_id in self.context["lead_ids"]):
            return None
        return {"label": unit.suggested_label, "score": unit.suggestion_score,
                "engine_version": unit.engine_version}

    @extend_schema_field(MineSerializer(allow_null=True))
    def get_mine(self, unit) -> dict | None:
        if unit.mine_id is None:
            return None
        return {"label": unit.mine_label, "note": unit.mine_note, "version": unit.mine_version,
                "stance": unit.mine_id}


@extend_schema(tags=["units"])
class UnitViewSet(viewsets.ReadOnlyModelViewSet):
    """Claim × source units of the caller's projects with the machine's suggestion and the caller's judgement.

    In blind mode an annotator sees the units the machine found and those they added
    or judged, never another annotator's; the suggestion is shown as on the article
    page (hidden from annotators when the project turns suggestions off).
    """

    serializer_class = UnitSerializer
    filterset_class = filters.UnitFilter
    ordering_fields = ["id", "created_at"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Unit.objects.none()
        return selectors.units_for_member(self.request.user)

    def list(self, request, *args, **kwargs):
        # One article's units (`?project=&article=`, what a script asks before judging them) by one
        # hand-written query (`selectors.units_of_article`); any other list through the queryset.
        # (A comment: the class's docstring describes the operation in the API schema.)
        params = request.query_params
        article, slug = params.get("article", ""), params.get("project", "")
        if set(params) != {"article", "project"} or not slug or not (
                article.isascii() and article.isdigit() and len(article) < 19):
            return super().list(request, *args, **kwargs)
        page_size = self.paginator.page_size
        units, lead_ids = selectors.units_of_article(user=request.user, slug=slug, article_id=int(article),
                                                     limit=page_size + 1)
        if len(units) > page_size:  # more than a page: the paginator makes the links
            return super().list(request, *args, **kwargs)
        context = {**super().get_serializer_context(), "lead_ids": lead_ids}
        return Response({"next": None, "previous": None,
                         "results": UnitSerializer(units, many=True, context=context).data})

    @extend_schema(request=None, responses={200: StanceSerializer, 204: None})
    @action(detail=True, methods=["post"])
    def undo(self, request, *args, **kwargs):
        """Revert the caller's latest change of their judgement of this unit, as Undo on the
        article page: 200 with the judgement as it now stands, 204 when none is left."""
        unit = self.get_object()
        current = services.stance_undo(claim=unit.claim, source=unit.source, annotator=request.user, via="api")
        if current is None:
            return Response(status=status.HTTP_204_NO_CONTENT)
        return Response(StanceSerializer(current, context=self.get_serializer_context()).data)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False) and self.request.user.is_authenticated:
            context["lead_ids"] = lead_project_ids(self.request.user)
        return context



# --- History -------------------------------------------------------------------------------------


class HistorySerializer(serializers.ModelSerializer):
    article = serializers.IntegerField(source="claim.article_id", read_only=True)
    annotator = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)
    actor = serializers.SlugRelatedField(slug_field="username", read_only=True, allow_null=True)

    class Meta:
        model = History
        fields = ["id", "kind", "action", "article", "claim", "source", "annotator", "actor", "old_label",
                  "new_label", "old_note", "new_note", "reason", "via", "reverted", "created_at"]
        read_only_fields = fields


@extend_schema(tags=["review"])
class HistoryListView(ListAPIView):
    """Every change of a judgement or a resolution in a project, oldest first.

    Leads and admins (and every member of a project that is not blind) see all of it;
    in blind mode an annotator sees only the changes to their own judgements.
    """

    serializer_class = HistorySerializer
    filterset_class = filters.HistoryFilter
    ordering_fields = ["id", "created_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return History.objects.none()
        project, membership = project_for_user(self.request.user, self.kwargs["slug"])
        return selectors.history_for_member(project=project, membership=membership, user=self.request.user)


router = SimpleRouter()
router.register("units", UnitViewSet, basename="unit")

urlpatterns = [
    path("projects/<slug:slug>/history/", HistoryListView.as_view(), name="api-history"),
    *router.urls,
]
