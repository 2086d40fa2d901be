"""Page routes. Each views module owns its `urlpatterns`; this joins them."""

from annotations.views import (
    annotate,
    articles,
    feedback,
    guidelines,
    jobs,
    projects,
    review,
    settings,
    suggestions,
    tracking,
)

app_name = "annotations"

urlpatterns = [
    *settings.urlpatterns,  # first: "projects/new/" is not a project
    *projects.urlpatterns,
    *annotate.urlpatterns,
    *articles.urlpatterns,
    *guidelines.urlpatterns,
    *review.urlpatterns,
    *jobs.urlpatterns,
    *tracking.urlpatterns,
    *feedback.urlpatterns,
    *suggestions.urlpatterns,
]
