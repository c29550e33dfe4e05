from django.shortcuts import render


def article_list(request):
    return render(request, "placeholder/coming.html", {"heading": "help"})
