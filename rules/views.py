from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from rules.engine import CATALOGUE, Standing
from rules.engine.catalogue import STANDING_HELP, STANDING_LABELS
from rules.presentation import rule_entry
from selfhelp.views import HtmxHttpRequest

SCOPE_HEADINGS = {"contact": _("How collectors may contact you"), "loan": _("What a loan may cost")}


def _standings() -> list[dict]:
    return [
        {"value": s.value, "label": STANDING_LABELS[s], "help": STANDING_HELP[s]} for s in Standing
    ]


@require_GET
def rule_list(request: HtmxHttpRequest):
    sections = [
        {
            "heading": heading,
            "entries": [rule_entry(rule) for rule in CATALOGUE.values() if rule.scope == scope],
        }
        for scope, heading in SCOPE_HEADINGS.items()
    ]
    return render(
        request, "rules/rule_list.html", {"sections": sections, "standings": _standings()}
    )


@require_GET
def rule_detail(request: HtmxHttpRequest, rule_id: str):
    rule = CATALOGUE.get(rule_id)
    if rule is None:
        raise Http404
    entry = rule_entry(rule)
    entry["rule"] = rule
    return render(request, "rules/rule_detail.html", {"entry": entry, "standings": _standings()})
