from django.urls import path

from . import views

app_name = "rules"
urlpatterns = [
    path("", views.rule_list, name="rule_list"),
    path("<slug:rule_id>/", views.rule_detail, name="rule_detail"),
]
