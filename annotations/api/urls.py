"""API routes under /api/v1/. Each API module owns its `urlpatterns`; this joins them."""

from annotations.api import review, tracking, views, workflow

urlpatterns = [
    *workflow.urlpatterns,
    *views.urlpatterns,
    *review.urlpatterns,
    *tracking.urlpatterns,
]
