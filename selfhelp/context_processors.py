"""Values every page needs: the legal-aid pointer and the quick-exit target."""

from django.conf import settings
from django.http import HttpRequest

QUICK_EXIT_URL = "https://www.baidu.com/s?wd=%E5%A4%A9%E6%B0%94"


def site(request: HttpRequest) -> dict:
    return {
        "QUICK_EXIT_URL": QUICK_EXIT_URL,
        "LEGAL_AID_PHONE": "12348",
        "QUICK_EXIT_ENDS_SESSION": settings.QUICK_EXIT_ENDS_SESSION,
    }
