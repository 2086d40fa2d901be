"""API routes under /api/v1/. Each API module owns its `urlpatterns`; this joins them."""

from django.urls import re_path
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from annotations.api import jobs, review, suggestions, tokens, tracking, verdicts, views, webhooks, workflow


class NotFoundView(APIView):
    """Any other address under /api/v1/: a JSON 404 (a session write without its CSRF token: a JSON 403)."""

    permission_classes = [AllowAny]
    schema = None

    def _not_found(self, request, *args, **kwargs):
        request.user  # noqa: B018 - authenticates, so a session write without its CSRF token is refused
        raise NotFound()

    get = post = put = patch = delete = _not_found


urlpatterns = [
    *workflow.urlpatterns,
    *jobs.urlpatterns,
    *tokens.urlpatterns,
    *views.urlpatterns,
    *review.urlpatterns,
    *suggestions.urlpatterns,
    *tracking.urlpatterns,
    *webhooks.urlpatterns,
    *verdicts.urlpatterns,
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="api-not-found"),  # [\s\S]: a newline in the path too
]
