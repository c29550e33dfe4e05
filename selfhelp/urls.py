from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript_catalog"),
    path("accounts/", include("accounts.urls")),
    path("cases/", include("cases.urls")),
    path("rules/", include("rules.urls")),
    path("help/", include("guidance.urls")),
    path("letters/", include("letters.urls")),
    path("jobs/", include("jobs.urls")),
    path("imports/", include("imports.urls")),
    path("review/", include("review.urls")),
    path("check/", include("checker.urls")),
    path("actions/", include("actions.urls")),
    path("notifications/", include("notifications.urls")),
    path("privacy/", include("privacy.urls")),
    path("admin/", admin.site.urls),
]
