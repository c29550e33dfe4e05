from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("interview/", views.interview, name="interview"),
    path("interview/restart/", views.interview_restart, name="interview_restart"),
    path("interview/plan/", views.interview_plan_view, name="interview_plan"),
    path("interview/plan/save/", views.plan_link, name="plan_link"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
]
