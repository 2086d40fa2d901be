"""API: projects, articles, claims, sources, stances, token, schema and exports.

Permissions are described in `annotations.api.permissions`. Every queryset is
scoped to the caller's projects, so other projects' objects answer 404.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Exists, OuterRef, Subquery
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from annotations import exports, services
from annotations.api import filters, permissions
from annotations.api.pagination import IdCursorPagination
from annotations.api.serializers import (
    ArticleSerializer,
    ClaimSerializer,
    ProjectSerializer,
    SourceSerializer,
    StanceSerializer,
    _messages,
)
from annotations.extraction import detect_language
from annotations.importers import ArticleRecord
from annotations.models import Article, Claim, Membership, Project, Source, Stance
from annotations.permissions import sees_others_judgements

# --- Token ---------------------------------------------------------------------

TOKEN_FAILURE_LIMIT = getattr(settings, "API_TOKEN_FAILURE_LIMIT", 5)
TOKEN_FAILURE_WINDOW = getattr(settings, "API_TOKEN_FAILURE_WINDOW", 15 * 60)  # seconds


def _client_ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "")


class TokenView(APIView):
    """Exchange a username and password for an API token; failed attempts are throttled.

    Failures are counted per address and per username; past the limit every
    attempt (right or wrong) answers 429 until the window has passed.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    serializer_class = AuthTokenSerializer

    def _keys(self, request) -> list[str]:
        username = str(request.data.get("username", ""))[:150].casefold() if hasattr(request.data, "get") else ""
        digest = hashlib.sha256(username.encode("utf-8", "surrogatepass")).hexdigest()
        return [f"api-token-fail:ip:{_client_ip(request)}", f"api-token-fail:user:{digest}"]

    @extend_schema(
        request=AuthTokenSerializer,
        responses={
            200: inline_serializer("TokenResponse", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Too many failed attempts."),
        },
        auth=[],
    )
    def post(self, request):
        keys = self._keys(request)
        now = time.time()
        for key in keys:
            failures = [t for t in cache.get(key, []) if now - t < TOKEN_FAILURE_WINDOW]
            if len(failures) >= TOKEN_FAILURE_LIMIT:
                wait = int(TOKEN_FAILURE_WINDOW - (now - min(failures))) + 1
                return Response(
                    {"detail": f"Too many failed attempts; try again in {wait} seconds."},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                    headers={"Retry-After": str(wait)},
                )
        serializer = AuthTokenSerializer(data=request.data, context={"request": request})
        if not serializer.is_valid():
            for key in keys:
                failures = [t for t in cache.get(key, []) if now - t < TOKEN_FAILURE_WINDOW]
                cache.set(key, [*failures, now], TOKEN_FAILURE_WINDOW)
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        token, _ = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})


# --- Projects --------------------------------------------------------------------


@extend_schema(tags=["projects"])
class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """The projects the caller is a member of, looked up by slug."""

    serializer_class = ProjectSerializer
    permission_classes = [permissions.IsProjectMember]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Project.objects.none()

        role = Membership.objects.filter(project=OuterRef("pk"), user=self.request.user).values("role")[:1]
        return (
            Project.objects.filter(memberships__user=self.request.user)
            .annotate(my_role=Subquery(role))
            .order_by("name", "id")
        )


# --- Articles, claims, sources -------------------------------------------------------


def _member_projects(user):
    return Membership.objects.filter(user=user).values("project_id")


@extend_schema(tags=["articles"])
class ArticleViewSet(viewsets.ModelViewSet):
    """Articles of the caller's projects. Members read; leads and admins write.

    An article's text cannot change once it has claims, and an article that has
    judgements cannot be deleted (409): nothing is silently thrown away.
    """

    serializer_class = ArticleSerializer
    permission_classes = [permissions.IsLeadForWrites]
    pagination_class = IdCursorPagination
    filterset_class = filters.ArticleFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Article.objects.none()
        return Article.objects.filter(project__in=_member_projects(self.request.user)).select_related("project")

    def perform_create(self, serializer):
        # The serializer only offers projects the caller leads; a member's attempt is a 403.
        # Through the import service like every other door: language detected, claims extracted.
        data = serializer.validated_data
        record = ArticleRecord(
            title=data["title"], body=data["body"], language=data.get("language") or detect_language(data["body"]),
            outlet=data.get("outlet", ""), url=data.get("url", ""), published=data.get("published"),
            precision=data.get("published_precision", Article.Precision.DAY),
        )
        report = services.articles_import(project=data["project"], records=[record])
        if not report.created:
            raise DRFValidationError({"body": "This project already has an article with this text."})
        serializer.instance = report.created[0]

    def create(self, request, *args, **kwargs):
        slug = request.data.get("project") if hasattr(request.data, "get") else None
        if isinstance(slug, str):
            membership = Membership.objects.filter(user=request.user, project__slug=slug).first()
            if membership is None:
                raise NotFound("No such project.")
            if membership.role not in permissions.LEAD_ROLES:
                return Response(
                    {"detail": "Only the project's leads and admins may add articles."},
                    status=status.HTTP_403_FORBIDDEN,
                )
        return super().create(request, *args, **kwargs)

    def perform_update(self, serializer):
        fields = {k: v for k, v in serializer.validated_data.items() if k not in {"project", "content_hash"}}
        try:
            serializer.instance = services.article_update(article=serializer.instance, **fields)
        except DjangoValidationError as exc:
            raise DRFValidationError({"body": exc.messages}) from exc

    def destroy(self, request, *args, **kwargs):
        try:
            services.article_delete(article=self.get_object())
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["claims"])
class ClaimViewSet(viewsets.ModelViewSet):
    """Claims of the caller's projects. Members create; leads and admins edit and delete."""

    serializer_class = ClaimSerializer
    permission_classes = [permissions.ClaimPermission]
    pagination_class = IdCursorPagination
    filterset_class = filters.ClaimFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Claim.objects.none()
        return Claim.objects.filter(article__project__in=_member_projects(self.request.user))

    def perform_create(self, serializer):
        data = serializer.validated_data
        try:
            claim = services.claim_create(
                article=data["article"], start=data["start"], end=data["end"],
                text=data.get("text", ""), user=self.request.user,
            )
        except DjangoValidationError as exc:
            raise DRFValidationError(_messages(exc)) from exc
        serializer.instance = claim

    def perform_update(self, serializer):
        fields = {k: v for k, v in serializer.validated_data.items() if k != "article"}
        serializer.instance = services.claim_update(claim=serializer.instance, **fields)

    def destroy(self, request, *args, **kwargs):
        try:
            services.claim_delete(claim=self.get_object())
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["sources"])
class SourceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):
    """The shared source registry: members of any project read and add; leads edit."""

    serializer_class = SourceSerializer
    permission_classes = [permissions.SourcePermission]
    pagination_class = IdCursorPagination
    filterset_class = filters.SourceFilter

    def get_queryset(self):
        return Source.objects.filter(merged_into__isnull=True)


@extend_schema(tags=["stances"])
class StanceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):
    """The caller's own judgements; everyone sees only their own (blind by construction).

    Writes go through `services.stance_record`, which keeps history. Send the
    `version` you last saw: a stale one answers 409 with the current stance.
    """

    serializer_class = StanceSerializer
    permission_classes = [permissions.OwnStance]
    pagination_class = IdCursorPagination
    filterset_class = filters.StanceFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Stance.objects.none()
        user = self.request.user
        return Stance.objects.filter(
            annotator=user,
        ).filter(Exists(Membership.objects.filter(user=user, project_id=OuterRef("claim__article__project_id"))))

    def _record(self, *, claim, source, data, expected_version):
        try:
            return services.stance_record(
                claim=claim, source=source, annotator=self.request.user, label=data["label"],
                note=data.get("note"), expected_version=expected_version, via="api",
            )
        except DjangoValidationError as exc:
            raise DRFValidationError({"label": exc.messages}) from exc

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            stance = self._record(
                claim=data["claim"], source=data["source"], data=data,
                expected_version=data.get("version", 0),
            )
        except services.Conflict as exc:
            return self._conflict(exc)
        return Response(self.get_serializer(stance).data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        stance = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(stance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = {"label": stance.label, **serializer.validated_data}
        try:
            stance = self._record(
                claim=stance.claim, source=stance.source, data=data,
                expected_version=serializer.validated_data.get("version"),
            )
        except services.Conflict as exc:
            return self._conflict(exc)
        return Response(self.get_serializer(stance).data)

    def _conflict(self, exc):
        body = {"detail": str(exc)}
        if exc.current is not None:
            body["current"] = self.get_serializer(exc.current).data
        return Response(body, status=status.HTTP_409_CONFLICT)


# --- Export ----------------------------------------------------------------------------


class JSONOnlyNegotiation(BaseContentNegotiation):
    """The export picks its content type from `?format=`; errors are always JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportView(APIView):
    """Stream a project's export: CSV, JSONL (the backup format) or ClaimReview JSON-LD."""

    permission_classes = [IsAuthenticated]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnlyNegotiation

    @extend_schema(
        tags=["exports"],
        parameters=[
            OpenApiParameter("format", str, enum=list(exports.FORMATS), default="csv"),
            OpenApiParameter("layout", str, enum=list(exports.LAYOUTS), default="unit"),
            OpenApiParameter("status", str, enum=list(exports.STATUSES)),
            OpenApiParameter("label", str),
            OpenApiParameter("article", int),
            OpenApiParameter("published_from", OpenApiTypes.DATE),
            OpenApiParameter("published_to", OpenApiTypes.DATE),
            OpenApiParameter("bom", bool, default=False),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/x-ndjson"): OpenApiTypes.STR,
            (200, "application/ld+json"): OpenApiTypes.STR,
            400: OpenApiResponse(description="Unknown format or bad filter."),
            404: OpenApiResponse(description="No such project (or not a member)."),
        },
    )
    def get(self, request, slug):
        membership = (
            Membership.objects.select_related("project").filter(project__slug=slug, user=request.user).first()
        )
        if membership is None:
            raise NotFound("No such project.")
        if not sees_others_judgements(membership.project, membership):
            return Response(
                {"detail": "In blind mode only the project's leads and admins export judgements."},
                status=status.HTTP_403_FORBIDDEN,
            )
        try:
            options = exports.ExportOptions.from_query(request.query_params, project=membership.project)
        except exports.ExportError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return exports.streaming_response(membership.project, options)


router = DefaultRouter()
router.register("projects", ProjectViewSet, basename="project")
router.register("articles", ArticleViewSet, basename="article")
router.register("claims", ClaimViewSet, basename="claim")
router.register("sources", SourceViewSet, basename="source")
router.register("stances", StanceViewSet, basename="stance")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("projects/<slug:slug>/export/", ExportView.as_view(), name="api-export"),
    *router.urls,
]
