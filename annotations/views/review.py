"""Pages: review."""

urlpatterns: list = []
