"""Pages: annotate."""

urlpatterns: list = []
