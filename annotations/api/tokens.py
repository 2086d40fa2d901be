"""API: named tokens and project service accounts.

    GET, POST /api/v1/auth/tokens/              the caller's named tokens; POST makes one (key shown once)
    DELETE    /api/v1/auth/tokens/{id}/         revoke it (kept, with revoked_at)
    GET, POST /api/v1/projects/{slug}/service-accounts/   leads: a project's service accounts; POST makes one

A named token authenticates as `Authorization: Token ct_…`, beside the classic per-user
token of POST /api/v1/auth/token/. A read-only token may only read (GET, HEAD, OPTIONS);
any other method answers 403. A revoked or expired token answers 401.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.generics import ListCreateAPIView
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter

from annotations.api.serializers import _messages
from annotations.models import ApiToken, Membership
from annotations.permissions import project_for_user
from annotations.services import tokens

# --- Serializers -------------------------------------------------------------------------------


class ApiTokenSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApiToken
        fields = ["id", "name", "read_only", "expires_at", "revoked_at", "last_used_at", "created_at"]
        read_only_fields = ["id", "revoked_at", "last_used_at", "created_at"]


class NewTokenSerializer(ApiTokenSerializer):
    key = serializers.CharField(read_only=True, help_text="The key, shown this once only.")

    class Meta(ApiTokenSerializer.Meta):
        fields = [*ApiTokenSerializer.Meta.fields, "key"]


class ServiceAccountInput(serializers.Serializer):
    name = serializers.CharField(max_length=41, help_text="Becomes the username svc-{project}-{name}.")
    role = serializers.ChoiceField(choices=[r.value for r in tokens.SERVICE_ROLES], default="annotator")
    read_only = serializers.BooleanField(default=False)


class ServiceAccountSerializer(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.CharField()
    tokens = ApiTokenSerializer(many=True)


class NewServiceAccountSerializer(serializers.Serializer):
    username = serializers.CharField()
    role = serializers.CharField()
    token = NewTokenSerializer()


def _django_errors(exc: DjangoValidationError) -> DRFValidationError:
    return DRFValidationError(_messages(exc))


# --- Views -------------------------------------------------------------------------------------


@extend_schema(tags=["auth"])
class ApiTokenViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin,
                      viewsets.GenericViewSet):
    """The caller's named tokens. A key is shown once, in the answer to the POST that made it."""

    serializer_class = ApiTokenSerializer
    ordering_fields = ["id", "created_at"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ApiToken.objects.none()
        return ApiToken.objects.filter(user=self.request.user)

    @extend_schema(responses={201: NewTokenSerializer})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            token, key = tokens.token_create(user=request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from exc
        token.key = key
        return Response(NewTokenSerializer(token).data, status=status.HTTP_201_CREATED)

    def destroy(self, request, *args, **kwargs):
        """Revoke the token: it stops working at once; the list keeps it with `revoked_at`."""
        tokens.token_revoke(token=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["projects"])
class ServiceAccountView(ListCreateAPIView):
    """A project's service accounts (leads and admins): users for scripts, each a member of
    this project only, without a password, with one named token."""

    serializer_class = ServiceAccountSerializer
    ordering_fields = ["id"]
    filter_backends: list = []

    def _project(self):
        project, _ = project_for_user(self.request.user, self.kwargs["slug"], lead=True)
        return project

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Membership.objects.none()
        project = self._project()
        return (Membership.objects.filter(project=project, user__username__startswith=f"svc-{project.slug}-")
                .select_related("user").order_by("id"))

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        live = {}
        for token in ApiToken.objects.filter(user_id__in=[m.user_id for m in page]):
            live.setdefault(token.user_id, []).append(token)
        return self.get_paginated_response([
            {"username": m.user.username, "role": m.role,
             "tokens": ApiTokenSerializer(live.get(m.user_id, []), many=True).data} for m in page])

    @extend_schema(request=ServiceAccountInput, responses={201: NewServiceAccountSerializer})
    def create(self, request, *args, **kwargs):
        project = self._project()
        data = ServiceAccountInput(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            user, token, key = tokens.service_account_create(project=project, created_by=request.user,
                                                             **data.validated_data)
        except DjangoValidationError as exc:
            raise _django_errors(exc) from exc
        token.key = key
        return Response({"username": user.username, "role": data.validated_data["role"],
                         "token": NewTokenSerializer(token).data}, status=status.HTTP_201_CREATED)


router = SimpleRouter()
router.register("auth/tokens", ApiTokenViewSet, basename="api-tokens")

urlpatterns = [
    path("projects/<slug:slug>/service-accounts/", ServiceAccountView.as_view(), name="api-service-accounts"),
    *router.urls,
]
