"""Pages: jobs."""

urlpatterns: list = []
