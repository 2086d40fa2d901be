"""Top-level routes: pages, the API, accounts, admin and the health check."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from annotations import health
from annotations.forms import LoginForm

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("accounts/login/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("annotations.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("annotations.urls")),
]

handler400 = "annotations.views.errors.bad_request"
