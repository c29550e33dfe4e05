from django import template

from letters.paragraphs import letter_paragraphs
from review import selectors
from review.access import user_may_approve_letters

register = template.Library()


@register.inclusion_tag("review/_case_sharing.html")
def case_sharing(case, user):
    """The owner's sharing panel on the case page: {% case_sharing case user %}.

    Renders nothing for anyone but the owner, so a reader never sees who else was given access.
    """
    if case.owner_id != user.pk:
        return {"show": False}
    shares = list(selectors.case_shares_for_owner(case=case))
    return {
        "show": True,
        "case": case,
        "shares": shares,
        "has_expired": any(share.is_expired for share in shares),
        "notes": selectors.case_notes_for_borrower(case=case),
        "entries": selectors.case_access_log(case=case, limit=5),
    }


@register.simple_tag
def may_approve_letters(case, user) -> bool:
    """Whether the user may approve this case's letters: {% may_approve_letters case user as x %}."""
    return user_may_approve_letters(user, case)


@register.inclusion_tag("review/_version_approval.html", takes_context=True)
def version_approval(context, version, may_approve):
    """A version's approval ("1 of 2" while a second lawyer is awaited), or the approve
    button for a lawyer who may give it and has not yet: {% version_approval v may_approve %}."""
    request = context.get("request")
    progress = None
    if version.is_final and not version.is_approved:
        progress = selectors.version_approval_progress(version=version)
    user_id = request.user.pk if request is not None else None
    return {
        "version": version,
        "progress": progress,
        "may_approve": may_approve and not (progress and user_id in progress.lawyer_ids),
    }


@register.inclusion_tag("review/_letter_requests.html")
def letter_review_requests(draft, user):
    """On the borrower's letter page: what reviewers asked of the latest finalised version.

    {% letter_review_requests draft user %} renders nothing for anyone but the owner.
    """
    if draft.case.owner_id != user.pk:
        return {"show": False}
    version = draft.versions.filter(finalised_at__isnull=False).order_by("-number").first()
    if version is None:
        return {"show": False}
    comments = list(selectors.version_comments(version=version))
    paragraphs = letter_paragraphs(version.html)
    for comment in comments:
        number = comment.paragraph or 0
        comment.quoted = paragraphs[number - 1] if 0 < number <= len(paragraphs) else ""
    progress = selectors.version_approval_progress(version=version)
    return {
        "show": bool(comments) or version.is_approved or progress is not None,
        "version": version,
        "progress": progress,
        "comments": comments,
        "changes_requested": any(c.requests_changes for c in comments),
    }
