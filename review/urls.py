from django.urls import path

from . import views

app_name = "review"
urlpatterns = [
    path("", views.review_queue, name="review_queue"),
    path("case/<int:pk>/", views.review_detail, name="review_detail"),
    path("case/<int:pk>/take/", views.review_take, name="review_take"),
    path("case/<int:pk>/status/", views.review_status, name="review_status"),
    path("case/<int:pk>/notes/", views.note_create, name="note_create"),
    path("case/<int:case_pk>/share/", views.share_create, name="share_create"),
    path("case/<int:case_pk>/access-log/", views.access_log, name="access_log"),
    path("share/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("share/<int:pk>/", views.share_update, name="share_update"),
    path("share/<int:pk>/act-for-me/", views.share_act_for_me, name="share_act_for_me"),
    path("version/<int:pk>/", views.letter_version_review, name="letter_version_review"),
    path("version/<int:pk>/comments/", views.letter_comment_create, name="letter_comment_create"),
    path("version/<int:pk>/approve/", views.letter_version_approve, name="letter_version_approve"),
    path(
        "organisation/<slug:slug>/settings/",
        views.organisation_settings,
        name="organisation_settings",
    ),
]
