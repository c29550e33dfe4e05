from django.urls import path

from . import views

app_name = "letters"
urlpatterns = [
    path("", views.letter_index, name="letter_index"),
]
