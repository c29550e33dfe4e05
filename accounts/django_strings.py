"""Django messages that Django's own Chinese catalogue does not translate yet.

Django 5.2 changed the msgid of the "password too short" message and its
zh_Hans catalogue has not caught up, so a short password was refused in
English. makemessages extracts the strings below into the accounts
catalogue, which Django consults before its own. Nothing imports this module.
tests/accounts/test_django_messages.py fails when Django adds another gap.
"""

from django.utils.translation import ngettext_lazy

MISSING_IN_DJANGO_ZH_HANS = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    ),
]
