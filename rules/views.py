from django.shortcuts import render


def rule_list(request):
    return render(request, "placeholder/coming.html", {"heading": "rules"})
