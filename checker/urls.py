from django.urls import path

from . import views

app_name = "checker"
urlpatterns = [
    path("", views.message_check, name="message_check"),
    path("loan/", views.loan_check, name="loan_check"),
    path("save/start/", views.save_start, name="save_start"),
    path("save/", views.save_choose, name="save_choose"),
]
