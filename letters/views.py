from django.shortcuts import render


def letter_index(request):
    return render(request, "placeholder/coming.html", {"heading": "letters"})
