from django.urls import path

from . import views

app_name = "actions"
urlpatterns = [
    path("case/<int:case_pk>/", views.action_list, name="action_list"),
    path("case/<int:case_pk>/new/", views.action_create, name="action_create"),
    path("case/<int:case_pk>/escalate/", views.escalate, name="escalate"),
    path("<int:pk>/", views.action_detail, name="action_detail"),
    path("<int:pk>/response/", views.response_create, name="response_create"),
    path("<int:pk>/outcome/", views.outcome_set, name="outcome_set"),
    path("<int:pk>/extension/", views.extension_record, name="extension_record"),
    path("reminders/<int:pk>/dismiss/", views.reminder_dismiss, name="reminder_dismiss"),
]
