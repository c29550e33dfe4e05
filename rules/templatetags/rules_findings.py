from django import template
from django.urls import reverse

from rules.presentation import finding_groups

register = template.Library()


@register.inclusion_tag("rules/_findings.html")
def findings(assessment, contact_urls=None, case=None):
    """Render an Assessment grouped by severity: {% findings assessment contact_urls case %}.

    With a case, each next step links to its letter on the case's letters page or to
    the page on complaint channels.
    """
    letters_url = reverse("letters:letter_index", args=[case.pk]) if case is not None else ""
    channels_url = reverse("guidance:article_detail", args=["complaint-channels"])
    groups = finding_groups(
        assessment, contact_urls, letters_url=letters_url, channels_url=channels_url
    )
    return {"groups": groups}
