"""Staff recovery: `python manage.py reset_2fa EMAIL` for someone who lost phone and codes.

Check who is asking before running it (call them back on the number your
organisation has for them): this removes the account's second factor.
"""

from django.core.management.base import BaseCommand, CommandError

from accounts.models import User
from accounts.services import twofa_reset


class Command(BaseCommand):
    help = "Remove a user's authenticator app and recovery codes and log them out everywhere."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email: str, **options):
        user = User.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(f"No user with the email address {email!r}.")
        ended = twofa_reset(user=user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Two-step verification reset for {user.email}; {ended} session(s) ended. "
                "They set it up again at their next login."
            )
        )
