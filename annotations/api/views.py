"""API: projects, articles, claims, sources, stances, exports."""

urlpatterns: list = []
