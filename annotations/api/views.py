"""API: projects, articles, claims, sources, stances, token, schema and exports.

Permissions are described in `annotations.api.permissions`. Every queryset is
scoped to the caller's projects, so other projects' objects answer 404.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import transaction
from django.http import Http404
from django.urls import path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
    inline_serializer,
)
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from annotations import exports, selectors, services
from annotations.api import filters, permissions
from annotations.api.errors import ID_SCHEMA, conflict_serializer, error_response
from annotations.api.serializers import (
    ArticleSerializer,
    ClaimSerializer,
    ProjectSerializer,
    SourceSerializer,
    StanceSerializer,
    _messages,
    check_project_slug,
)
from annotations.extraction import detect_language
from annotations.importers import ArticleRecord
from annotations.middleware import lockout_response
from annotations.models import Article, Claim, Membership, Project, Source, Stance
from annotations.permissions import sees_others_judgements
from annotations.services import tokens

ArticleDoneSerializer = inline_serializer("ArticleDone", {
    "article": serializers.IntegerField(),
    "status": serializers.CharField(help_text="done"),
    "finished_at": serializers.DateTimeField(),
})

# --- Token ---------------------------------------------------------------------


class TokenRequestSerializer(AuthTokenSerializer):
    """DRF's, with the username no longer than an account's: a longer one reached the failed-login
    record (255 characters) and answered 500."""

    username = serializers.CharField(label="Username", write_only=True,
                                     max_length=get_user_model()._meta.get_field("username").max_length)


class TokenView(APIView):
    """Exchange a username and password for an API token.

    Failed attempts count exactly as failed page logins do (django-axes, per username
    and address): past `AXES_FAILURE_LIMIT` that user is refused from that address, on
    the page and here, until the cool-off ends; other users and other addresses are not.
    """

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes: list = []
    serializer_class = TokenRequestSerializer

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: inline_serializer("TokenResponse", {"token": serializers.CharField()}),
            400: OpenApiResponse(description="Wrong username or password."),
            429: OpenApiResponse(description="Too many failed attempts for this user from this address."),
        },
        auth=[],
    )
    def post(self, request):
        http_request = request._request  # axes reads the address and records attempts on Django's request
        username = request.data.get("username") if hasattr(request.data, "get") else None
        credentials = {"username": username if isinstance(username, str) else ""}
        try:  # before axes looks the name up: PostgreSQL text refuses NUL
            ProhibitNullCharactersValidator()(credentials["username"])
        except DjangoValidationError as exc:
            return Response({"username": exc.messages}, status=status.HTTP_400_BAD_REQUEST)
        if not AxesProxyHandler.is_allowed(http_request, credentials):
            return lockout_response(http_request)
        # authenticate() reports a failure to axes (the user_login_failed signal) with this request.
        serializer = TokenRequestSerializer(data=request.data, context={"request": http_request})
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        user = serializer.validated_data["user"]
        user_logged_in.send(sender=user.__class__, request=http_request, user=user)  # resets the count
        return Response({"token": tokens.login_token_key(user=user)})


# --- Projects --------------------------------------------------------------------


@extend_schema(tags=["projects"])
class ProjectViewSet(viewsets.ReadOnlyModelViewSet):
    """The projects the caller is a member of, looked up by slug."""

    serializer_class = ProjectSerializer
    permission_classes = [permissions.IsProjectMember]
    lookup_field = "slug"
    lookup_value_regex = r"[-a-zA-Z0-9_]+"
    filterset_class = filters.ProjectFilter
    ordering = ["name", "id"]
    ordering_fields = ["name", "created_at", "id"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Project.objects.none()
        return selectors.projects_for_member(self.request.user).order_by("name", "id")


# --- Articles, claims, sources -------------------------------------------------------


@extend_schema(tags=["articles"])
class ArticleViewSet(viewsets.ModelViewSet):
    """Articles of the caller's projects. Members read; leads and admins write.

    An article's text cannot change once it has claims, and an article that has
    judgements cannot be deleted (409): nothing is silently thrown away.
    """

    serializer_class = ArticleSerializer
    permission_classes = [permissions.IsLeadForWrites]
    filterset_class = filters.ArticleFilter
    ordering_fields = ["id", "created_at", "title"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Article.objects.none()
        return selectors.articles_for_member(self.request.user)

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

    @extend_schema(responses={201: ArticleSerializer, 404: error_response(404)})
    def create(self, request, *args, **kwargs):
        slug = request.data.get("project") if hasattr(request.data, "get") else None
        try:  # before the membership query below
            check_project_slug(slug)
        except serializers.ValidationError as exc:
            raise DRFValidationError({"project": exc.detail}) from None
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

    @extend_schema(responses={204: None, 409: error_response(409)})
    def destroy(self, request, *args, **kwargs):
        try:
            services.article_delete(article=self.get_object())
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=None, responses={200: ArticleDoneSerializer})
    @action(detail=True, methods=["post"], permission_classes=[permissions.IsProjectMember])
    def done(self, request, *args, **kwargs):
        """The caller finishes the article, as "done" on the article page: units on which
        every annotator of the article agrees become `consensus`."""
        article = self.get_object()
        assignment = services.assignment_finish(article=article, annotator=request.user)
        return Response({"article": article.pk, "status": assignment.status,
                         "finished_at": assignment.finished_at})


@extend_schema(tags=["claims"])
class ClaimViewSet(viewsets.ModelViewSet):
    """Claims of the caller's projects. Members create; leads and admins edit and delete."""

    serializer_class = ClaimSerializer
    permission_classes = [permissions.ClaimPermission]
    filterset_class = filters.ClaimFilter
    ordering_fields = ["id", "created_at", "start"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Claim.objects.none()
        return selectors.claims_for_member(self.request.user)

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

    @extend_schema(responses={204: None, 409: error_response(409)})
    def destroy(self, request, *args, **kwargs):
        try:
            services.claim_delete(claim=self.get_object())
        except services.Conflict as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        return Response(status=status.HTTP_204_NO_CONTENT)


_SOURCE_CHANGE_SCHEMA = extend_schema(responses={200: SourceSerializer, 403: error_response(
    403, description="Only administrators of the source registry (staff) edit sources.")})


@extend_schema_view(
    create=extend_schema(responses={
        200: OpenApiResponse(SourceSerializer, description="A source you already see has this name (or alias) "
                                                           "and no role or affiliation tells the new one apart: "
                                                           "that source, unchanged."),
        201: OpenApiResponse(SourceSerializer, description="A new source."),
    }),
    update=_SOURCE_CHANGE_SCHEMA,
    partial_update=_SOURCE_CHANGE_SCHEMA,
)
@extend_schema(tags=["sources"])
class SourceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):
    """The source registry, as far as the caller sees it.

    Members see the sources heard in their projects (and those they added that no
    project uses yet); others answer 404. Adding a source whose name you already see
    answers that source with 200; a second one of the same name needs a role or an
    affiliation that tells it apart (201). Changes are for registry administrators
    (staff) and each is kept in History; a lead gets 403.
    """

    serializer_class = SourceSerializer
    permission_classes = [permissions.SourcePermission]
    filterset_class = filters.SourceFilter
    ordering_fields = ["id", "created_at", "name"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Source.objects.none()
        if self.action != "list":  # one source, by id
            return Source.objects.visible_to_each(self.request.user).filter(merged_into__isnull=True)
        return Source.objects.visible_to(self.request.user).filter(merged_into__isnull=True)

    # How many sources of the registry a page in id order reads asking each one before it takes the sets.
    WALK_WINDOW = 1000

    def filter_queryset(self, queryset):
        """A page forward in id order, as most clients read the list: first the registry's next
        `WALK_WINDOW` sources, each asked whether the caller sees it (`visible_to_in_id_order`),
        which costs about a page of lookups when they hear a good part of the registry; when that
        does not fill the page, the sets, which cost what the sources they hear number."""
        queryset = super().filter_queryset(queryset)
        if self.action != "list" or self.request.query_params.get("ordering", "id") != "id":
            return queryset
        cursor = self.paginator.decode_cursor(self.request)
        if cursor is not None and (cursor.reverse or cursor.offset):
            return queryset
        after = int(cursor.position) if cursor is not None and cursor.position is not None else 0
        page_size = self.paginator.get_page_size(self.request)
        window = Source.objects.filter(id__gt=after).order_by("id").values_list("id", flat=True)
        last = list(window[self.WALK_WINDOW - 1:self.WALK_WINDOW])
        walked = super().filter_queryset(
            Source.objects.visible_to_in_id_order(self.request.user).filter(merged_into__isnull=True, id__gt=after))
        if last:
            walked = walked.filter(id__lte=last[0])
        ids = list(walked.order_by("id").values_list("id", flat=True)[:page_size + 1])
        if len(ids) <= page_size and last:  # the window ran out before the page was full
            return queryset
        return queryset.model.objects.filter(pk__in=ids)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            source, created = services.source_create(
                user=request.user, name=data["name"], kind=data.get("kind", Source.Kind.UNKNOWN),
                role=data.get("role", ""), affiliation=data.get("affiliation"), aliases=data.get("aliases", []),
                via="api",
            )
        except DjangoValidationError as exc:
            raise DRFValidationError(_messages(exc)) from exc
        return Response(self.get_serializer(source).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    def perform_update(self, serializer):
        try:
            serializer.instance = services.source_update(
                source=serializer.instance, user=self.request.user, via="api", **serializer.validated_data
            )
        except DjangoValidationError as exc:
            raise DRFValidationError(_messages(exc)) from exc


def _if_match(request) -> int | None:
    """The version in an If-Match header (`3`, `"3"` or `W/"3"`), else None."""
    raw = request.headers.get("If-Match", "").strip()
    raw = raw.removeprefix("W/").strip('"')
    if raw.isdigit() and len(raw) < 10:
        return int(raw)
    if raw:
        raise DRFValidationError({"If-Match": ["Give the judgement's version, a whole number."]})
    return None


def _plain_id(value) -> bool:
    return type(value) is int and 0 < value < 2**63


STANCE_CONFLICT = conflict_serializer("StanceConflict", StanceSerializer(allow_null=True))
BULK_MAX = 500


def _bulk_stances(**kwargs):
    return StanceSerializer(many=True, min_length=1, max_length=BULK_MAX, **kwargs,
                            help_text=f"Up to {BULK_MAX} judgements, each created (no version) or changed "
                                      "(the version last seen).")


class StanceBulkSerializer(serializers.Serializer):
    stances = _bulk_stances()

    def get_fields(self):
        fields = super().get_fields()
        fields["stances"] = _bulk_stances(context=self.context)  # the items' claims: the caller's projects
        return fields


BULK_CONFLICT = inline_serializer("StanceBulkConflict", {
    "detail": serializers.CharField(),
    "index": serializers.IntegerField(help_text="The position of the judgement that met a newer one."),
    "current": StanceSerializer(allow_null=True),
})


IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER,
                            description="The version you last saw, instead of `version` in the body.")
_CHANGE_SCHEMA = extend_schema(
    parameters=[IF_MATCH],
    responses={200: StanceSerializer, 409: error_response(409, STANCE_CONFLICT), 428: error_response(428)},
)


@extend_schema_view(
    create=extend_schema(responses={201: StanceSerializer, 409: error_response(409, STANCE_CONFLICT)}),
    update=_CHANGE_SCHEMA,
    partial_update=_CHANGE_SCHEMA,
    destroy=extend_schema(
        parameters=[OpenApiParameter("version", int, required=True,
                                     description="The version of the judgement being withdrawn.")],
        responses={204: None, 409: error_response(409, STANCE_CONFLICT), 428: error_response(428)},
    ),
)
@extend_schema(tags=["stances"])
class StanceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
    mixins.UpdateModelMixin, viewsets.GenericViewSet,
):
    """The caller's own judgements; everyone sees only their own (blind by construction).

    Writes go through `services.stance_record`, which keeps history. A change needs
    the `version` you last saw (in the body or `If-Match`): without it 428, a stale one
    409 with the current stance. `DELETE ?version=` withdraws a judgement (History keeps
    it); `POST /api/v1/units/{id}/undo/` reverts the latest change, a withdrawal too, as
    Undo on the article page.
    """

    serializer_class = StanceSerializer
    permission_classes = [permissions.OwnStance]
    filterset_class = filters.StanceFilter
    ordering_fields = ["id", "created_at", "updated_at"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Stance.objects.none()
        user = self.request.user
        stances = selectors.own_stances(user)
        if self.action in {"update", "partial_update"}:  # what the change needs, in the same query
            stances = stances.select_related("claim__article__project", "source")
        return stances

    def get_object(self):
        """A change reads the caller's judgement in one hand-written query (`selectors.own_stance`) when
        the URL names it plainly; with filters in the query string it goes through the queryset."""
        pk = self.kwargs.get(self.lookup_url_kwarg or self.lookup_field, "")
        if (self.action not in {"update", "partial_update"} or self.request.query_params
                or not (pk.isascii() and pk.isdigit() and len(pk) < 19)):
            return super().get_object()
        stance = selectors.own_stance(user=self.request.user, stance_id=int(pk))
        if stance is None:
            raise Http404(f"No {Stance._meta.object_name} matches the given query.")
        self.check_object_permissions(self.request, stance)
        return stance

    def _read_target(self, data) -> tuple[dict, dict]:
        """What a create names, in one query when the claim and the source are plain ids
        (`selectors.stance_target`): the serializer's `read` context and the service's `current`."""
        if not (isinstance(data, dict) and _plain_id(data.get("claim")) and _plain_id(data.get("source"))):
            return {}, {}
        claim, source, current = selectors.stance_target(user=self.request.user, claim_id=data["claim"],
                                                         source_id=data["source"])
        return {"claim": (data["claim"], claim), "source": (data["source"], source)}, {"current": current}

    def _record(self, *, claim, source, data, expected_version, **known):
        try:
            return services.stance_record(
                claim=claim, source=source, annotator=self.request.user, label=data["label"],
                note=data.get("note"), expected_version=expected_version, via="api", **known,
            )
        except DjangoValidationError as exc:
            raise DRFValidationError({"label": exc.messages}) from exc

    def create(self, request, *args, **kwargs):
        read, known = self._read_target(request.data)
        serializer = self.get_serializer(data=request.data, context={**self.get_serializer_context(), "read": read})
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        try:
            stance = self._record(
                claim=data["claim"], source=data["source"], data=data,
                expected_version=data.get("version", 0), **known,
            )
        except services.Conflict as exc:
            return self._conflict(exc)
        serializer.instance = stance  # the answer reads the saved judgement through the same fields
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        stance = self.get_object()
        partial = kwargs.pop("partial", False)
        serializer = self.get_serializer(stance, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = {"label": stance.label, **serializer.validated_data}
        expected = serializer.validated_data.get("version", _if_match(request))
        if expected is None:
            return Response(
                {"detail": "Send the version you last saw (`version` in the body or an If-Match header): "
                           "a change without it could overwrite someone else's."},
                status=status.HTTP_428_PRECONDITION_REQUIRED,
            )
        try:
            stance = self._record(
                claim=stance.claim, source=stance.source, data=data, expected_version=expected,
                current=stance, unit_known=True,  # a judgement's unit exists
            )
        except services.Conflict as exc:
            return self._conflict(exc)
        serializer.instance = stance
        return Response(serializer.data)

    def destroy(self, request, *args, **kwargs):
        stance = self.get_object()
        version = request.query_params.get("version")
        if version is None or version == "":
            return Response({"detail": "Name the version you withdraw (?version=)."},
                            status=status.HTTP_428_PRECONDITION_REQUIRED)
        if not (version.isascii() and version.isdigit() and len(version) < 10):
            raise DRFValidationError({"version": ["version must be a whole number."]})
        try:
            services.stance_delete(stance=stance, annotator=request.user, expected_version=int(version))
        except services.Conflict as exc:
            return self._conflict(exc)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(request=StanceBulkSerializer, responses={
        201: StanceSerializer(many=True), 409: error_response(409, BULK_CONFLICT)})
    @action(detail=False, methods=["post"])
    def bulk(self, request, *args, **kwargs):
        """Record many judgements in one request, all or nothing: one bad or stale item and none is saved.

        Each item is as for a single POST; an item with `version` changes that judgement.
        """
        serializer = StanceBulkSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        items = serializer.validated_data["stances"]
        try:
            with transaction.atomic():
                saved = []
                for index, data in enumerate(items):
                    try:
                        saved.append(self._record(claim=data["claim"], source=data["source"], data=data,
                                                  expected_version=data.get("version", 0)))
                    except DRFValidationError as exc:
                        raise DRFValidationError({"stances": {str(index): exc.detail}}) from exc
                    except services.Conflict as exc:
                        exc.index = index
                        raise
        except services.Conflict as exc:
            response = self._conflict(exc)
            response.data["index"] = exc.index
            return response
        return Response(self.get_serializer(saved, many=True).data, status=status.HTTP_201_CREATED)

    def _conflict(self, exc):
        current = self.get_serializer(exc.current).data if exc.current is not None else None
        return Response({"detail": str(exc), "current": current}, status=status.HTTP_409_CONFLICT)


# --- Export ----------------------------------------------------------------------------


class JSONOnlyNegotiation(BaseContentNegotiation):
    """The export picks its content type from `?format=`; errors are always JSON."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportView(APIView):
    """Stream a project's export: CSV, JSONL (the backup format), Web Annotation, or its published verdicts
    as ClaimReview JSON-LD."""

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
            OpenApiParameter("article", ID_SCHEMA),
            OpenApiParameter("published_from", OpenApiTypes.DATE),
            OpenApiParameter("published_to", OpenApiTypes.DATE),
            OpenApiParameter("bom", bool, default=False),
            OpenApiParameter("dialect", str, enum=["excel-nl"],
                             description="CSV for Excel in Dutch (comma-decimal) locales: `;`, a BOM, decimal "
                                         "commas."),
        ],
        responses={
            (200, "text/csv"): OpenApiTypes.STR,
            (200, "application/x-ndjson"): OpenApiTypes.STR,
            (200, "application/ld+json"): {
                "type": "array",
                "description": "One schema.org ClaimReview per published verdict (with a URL and a date).",
                "items": {"type": "object", "additionalProperties": True},
            },
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
