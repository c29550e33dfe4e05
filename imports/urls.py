from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("case/<int:case_pk>/", views.import_upload, name="import_upload"),
    path("<int:pk>/", views.batch_review, name="batch_review"),
    path("<int:pk>/select/", views.batch_select, name="batch_select"),
    path("<int:pk>/choose/", views.batch_choose, name="batch_choose"),
    path("<int:pk>/suggested/", views.batch_suggested, name="batch_suggested"),
    path("<int:pk>/add/", views.batch_commit, name="batch_commit"),
    path("<int:pk>/cancel/", views.batch_cancel, name="batch_cancel"),
    path("case/<int:case_pk>/screenshots/", views.screenshot_upload, name="screenshot_upload"),
    path("<int:pk>/message/<int:message_pk>/", views.staged_correct, name="staged_correct"),
    path("<int:pk>/message/<int:message_pk>/crop.png", views.staged_crop, name="staged_crop"),
]
