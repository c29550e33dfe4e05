from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def home(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, "home.html")
