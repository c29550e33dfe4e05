from django.shortcuts import render


def case_list(request):
    return render(request, "placeholder/coming.html", {"heading": "cases"})
