"""Who may see an import. Staged messages are private to the borrower who uploaded them.

- Only the batch's owner, who must still own its case, may see or change it.
- Anyone else gets a 404 (volunteers included, even on a shared case), so a
  batch's existence never leaks.
"""

from __future__ import annotations

from django.http import Http404

from .models import ImportBatch, StagedMessage


def get_batch_for_user(user, pk: int) -> ImportBatch:
    """The batch `pk` if `user` uploaded it and owns its case; 404 otherwise."""
    if not user.is_authenticated:
        raise Http404("No such import.")
    batch = (
        ImportBatch.objects.filter(pk=pk, owner=user, case__owner=user)
        .select_related("case", "job")
        .first()
    )
    if batch is None:
        raise Http404("No such import.")
    return batch


def get_staged_message(batch: ImportBatch, pk: int) -> StagedMessage:
    """A staged message of a batch the caller already may see; 404 if it is not in that batch."""
    message = StagedMessage.objects.filter(pk=pk, batch=batch).select_related("screenshot").first()
    if message is None:
        raise Http404("No such message.")
    return message
