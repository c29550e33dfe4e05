from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("case/<int:case_id>/", views.letter_index, name="letter_index"),
    path("draft/<int:pk>/", views.letter_edit, name="letter_edit"),
    path("draft/<int:pk>/preview/", views.letter_preview, name="letter_preview"),
    path("draft/<int:pk>/finalise/", views.letter_finalise, name="letter_finalise"),
    path("version/<int:pk>/pdf/", views.letter_version_download, name="letter_version_download"),
]
