from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from imports.models import ImportBatch


def _batch(case, owner, *, age_days: int, status=ImportBatch.Status.READY):
    batch = ImportBatch.objects.create(case=case, owner=owner, status=status)
    ImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - timedelta(days=age_days)
    )
    return batch


def test_prune_discards_only_old_unfinished_batches(case, borrower):
    old = _batch(case, borrower, age_days=10)
    fresh = _batch(case, borrower, age_days=1)
    done = _batch(case, borrower, age_days=30, status=ImportBatch.Status.COMMITTED)
    out = StringIO()
    call_command("prune_imports", "--days", "7", stdout=out)
    assert out.getvalue().strip() == "1"
    remaining = set(ImportBatch.objects.values_list("pk", flat=True))
    assert remaining == {fresh.pk, done.pk}
    assert old.pk not in remaining
