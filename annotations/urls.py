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
    verdicts,
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
    *verdicts.urlpatterns,
    *feedback.urlpatterns,
    *suggestions.urlpatterns,
]
