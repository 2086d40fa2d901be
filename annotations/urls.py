"""Page routes. Each views module owns its `urlpatterns`; this joins them."""

from annotations.views import annotate, articles, feedback, guidelines, jobs, projects, review, suggestions, tracking

app_name = "annotations"

urlpatterns = [
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
