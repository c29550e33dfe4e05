"""Run in a process of its own by test_killed_finalise.py, on a throwaway SQLite database.

`finalise_then_die()` finalises a letter and kills its own process with SIGKILL at the
worst point: the PDF is written and its version row inserted, the transaction not yet
committed. Nothing runs after that (no `except`, no `finally`, no on-commit hook), as
when the machine runs out of memory or the worker is killed.
"""

import os
import signal

FAKE_PDF = b"%PDF-1.7 fake"


def finalise_then_die() -> None:
    from letters import services
    from letters.models import LetterDraft, LetterVersion
    from tests.factories import CaseFactory, ContactFactory, LoanFactory

    case = CaseFactory()
    loan = LoanFactory(case=case)
    ContactFactory(case=case, loan=loan)
    draft = LetterDraft.objects.create(
        case=case, owner=case.owner, kind="stop_harassment", fields={"loan": loan.ref}
    )
    services.html_to_pdf = lambda html: FAKE_PDF  # the render is not what is under test
    insert = LetterVersion.save

    def insert_then_die(self, *args, **kwargs):
        insert(self, *args, **kwargs)
        os.kill(os.getpid(), signal.SIGKILL)

    LetterVersion.save = insert_then_die
    services.letter_finalise(draft=draft)
    raise AssertionError("still alive after SIGKILL")


def report_consistency() -> None:
    """Print, as JSON, the rows pointing at missing files, the files no row points to and
    how many letter versions there are."""
    import json

    from letters.models import LetterVersion
    from tests.faults.conftest import files_consistent

    missing, orphans = files_consistent(set())
    print(
        json.dumps(
            {
                "missing": sorted(missing),
                "orphans": sorted(orphans),
                "versions": LetterVersion.objects.count(),
            }
        )
    )
