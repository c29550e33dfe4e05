"""Turn a plan's ids into the words and links a page shows."""

from __future__ import annotations

from django.utils.translation import get_language

from .articles import article_get
from .labels import CHANNEL_TEXT, LETTER_TEXT, RULE_TEXT, STEP_TEXT, rule_url
from .services import Plan


def _rule(rule_id: str) -> dict:
    return {"id": rule_id, "label": RULE_TEXT.get(rule_id, rule_id), "url": rule_url(rule_id)}


def _channel(channel_id: str) -> dict:
    name, phone, purpose = CHANNEL_TEXT[channel_id]
    return {"id": channel_id, "name": name, "phone": phone, "purpose": purpose}


def _article(slug: str) -> dict | None:
    article = article_get(slug=slug, language=get_language())
    return {"slug": slug, "title": article.title} if article else None


def plan_display(plan: Plan) -> dict:
    """Steps, channels, letters and articles of a plan, with their wording, for a template."""
    steps = []
    for step in plan.steps:
        title, body = STEP_TEXT[step.id]
        steps.append(
            {
                "id": step.id,
                "title": title,
                "body": body,
                "rules": [_rule(r) for r in step.rules],
                "channels": [_channel(c) for c in step.channels],
                "letters": [{"id": k, "label": LETTER_TEXT[k]} for k in step.letters],
                "articles": [a for slug in step.articles if (a := _article(slug))],
            }
        )
    return {
        "steps": steps,
        "channels": [_channel(c) for c in plan.channels],
        "letters": [{"id": k, "label": LETTER_TEXT[k]} for k in plan.letters],
        "articles": [a for slug in plan.articles if (a := _article(slug))],
    }
