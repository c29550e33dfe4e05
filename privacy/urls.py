from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("export/", views.data_export, name="data_export"),
    path("export/<int:pk>/download/", views.data_export_download, name="data_export_download"),
]
