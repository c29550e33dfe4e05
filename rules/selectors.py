from django.db import DatabaseError

from rules.engine.lpr import LPR_SEED, LprTable

from .models import LprRate


def lpr_table() -> LprTable:
    """The LPR history from the database (editable in the admin).

    Falls back to the seed when the table is empty or there is no migrated
    database at all (assess_case works straight from a file).
    """
    try:
        rows = list(LprRate.objects.values_list("effective_on", "one_year_rate"))
    except DatabaseError:
        rows = []
    return LprTable(rows or LPR_SEED)
