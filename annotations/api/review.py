"""API: agreement, disagreements and resolutions."""

urlpatterns: list = []
