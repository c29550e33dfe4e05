from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("", views.article_list, name="article_list"),
]
