"""API routes under /api/v1/. Each API module owns its `urlpatterns`; this joins them."""

from django.http import JsonResponse
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt

from annotations.api import review, tokens, tracking, views, workflow


@csrf_exempt  # nothing here to protect; a CSRF refusal would be an HTML page
def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a JSON 404, never an HTML page."""
    return JsonResponse({"detail": "Not found."}, status=404)


urlpatterns = [
    *workflow.urlpatterns,
    *tokens.urlpatterns,
    *views.urlpatterns,
    *review.urlpatterns,
    *tracking.urlpatterns,
    re_path(r"^[\s\S]*$", not_found, name="api-not-found"),  # [\s\S]: a newline in the path too
]
