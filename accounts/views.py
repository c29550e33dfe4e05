from django.shortcuts import render


def signup(request):
    return render(request, "placeholder/coming.html", {"heading": "Sign up"})


def profile(request):
    return render(request, "placeholder/coming.html", {"heading": "Account"})
