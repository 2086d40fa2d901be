"""API: a project's webhooks and their delivery log (leads and admins; see docs/webhooks.md).

    GET, POST /api/v1/projects/{slug}/webhooks/                      the hooks; POST makes one (secret shown once)
    DELETE    /api/v1/projects/{slug}/webhooks/{webhook_id}/         remove one (its log goes with it)
    GET       /api/v1/projects/{slug}/webhooks/{webhook_id}/deliveries/   its deliveries, oldest first

A hook's URL must be http(s) and resolve to a public address; only staff may set
`allow_private` (a loopback or private receiver). The URL is checked again at each delivery.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError as DRFValidationError
from rest_framework.generics import DestroyAPIView, ListAPIView, ListCreateAPIView
from rest_framework.response import Response

from annotations.api.serializers import _messages
from annotations.models import Webhook, WebhookDelivery
from annotations.permissions import project_for_user
from annotations.services import webhooks

# --- Serializers -------------------------------------------------------------------------------


class WebhookSerializer(serializers.ModelSerializer):
    events = serializers.ListField(child=serializers.ChoiceField(choices=webhooks.EVENTS), allow_empty=False,
                                   help_text="The events to send: " + ", ".join(webhooks.EVENTS) + ".")
    allow_private = serializers.BooleanField(
        default=False, help_text="Deliver to loopback and private addresses; only staff may set it.")
    created_by = serializers.SlugRelatedField(slug_field="username", read_only=True)

    class Meta:
        model = Webhook
        fields = ["id", "url", "events", "active", "allow_private", "created_by", "created_at"]
        read_only_fields = ["id", "created_by", "created_at"]


class NewWebhookSerializer(WebhookSerializer):
    secret = serializers.CharField(read_only=True, help_text="The signing secret, shown this once only.")

    class Meta(WebhookSerializer.Meta):
        fields = [*WebhookSerializer.Meta.fields, "secret"]


class WebhookDeliverySerializer(serializers.ModelSerializer):
    class Meta:
        model = WebhookDelivery
        fields = ["id", "event", "payload", "status", "attempts", "next_attempt_at", "last_status_code",
                  "last_error", "created_at", "delivered_at"]


# --- Views -------------------------------------------------------------------------------------


class _ProjectHooks:
    def _project(self):
        project, _ = project_for_user(self.request.user, self.kwargs["slug"], lead=True)
        return project

    def _hook(self) -> Webhook:
        return get_object_or_404(Webhook, project=self._project(), pk=self.kwargs["webhook_id"])


@extend_schema(tags=["projects"])
class WebhookListView(_ProjectHooks, ListCreateAPIView):
    """A project's webhooks (leads and admins). The secret is shown once, in the answer to the POST."""

    serializer_class = WebhookSerializer
    ordering_fields = ["id"]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Webhook.objects.none()
        return Webhook.objects.filter(project=self._project()).select_related("created_by").order_by("id")

    @extend_schema(request=WebhookSerializer, responses={201: NewWebhookSerializer})
    def create(self, request, *args, **kwargs):
        project = self._project()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            hook = webhooks.webhook_create(project=project, created_by=request.user, **serializer.validated_data)
        except DjangoValidationError as exc:
            raise DRFValidationError(_messages(exc)) from exc
        return Response(NewWebhookSerializer(hook).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["projects"])
class WebhookDetailView(_ProjectHooks, DestroyAPIView):
    """Remove a webhook: nothing more is sent to it; its delivery log goes with it."""

    serializer_class = WebhookSerializer

    def get_object(self):
        return self._hook()


@extend_schema(tags=["projects"])
class WebhookDeliveryListView(_ProjectHooks, ListAPIView):
    """A webhook's deliveries, oldest first: what was sent, how often, and the receiver's last answer."""

    serializer_class = WebhookDeliverySerializer
    ordering_fields = ["id"]
    filter_backends: list = []

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return WebhookDelivery.objects.none()
        return WebhookDelivery.objects.filter(webhook=self._hook()).order_by("id")


urlpatterns = [
    path("projects/<slug:slug>/webhooks/", WebhookListView.as_view(), name="api-webhooks"),
    path("projects/<slug:slug>/webhooks/<int:webhook_id>/", WebhookDetailView.as_view(), name="api-webhook-detail"),
    path("projects/<slug:slug>/webhooks/<int:webhook_id>/deliveries/", WebhookDeliveryListView.as_view(),
         name="api-webhook-deliveries"),
]
