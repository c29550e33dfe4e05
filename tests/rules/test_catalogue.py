import re
from pathlib import Path

import pytest
from django.urls import reverse

from rules.engine import CATALOGUE, Standing

REPO = Path(__file__).resolve().parents[2]
TEXTS = REPO.parent / "shared" / "legal" / "texts"
if not TEXTS.exists():
    TEXTS = Path("/work/shared/legal/texts")

CONTACT_RULES = [
    "quiet_hours",
    "connected_calls_over_cap",
    "dial_attempts_over_cap",
    "third_party_collection",
    "debt_disclosed_to_third_party",
    "third_party_contacted_after_objection",
    "contact_list_blast",
    "threat",
    "insult",
    "impersonating_authority",
    "fake_legal_document",
    "false_legal_consequences",
    "public_shaming",
    "identity_not_disclosed",
    "extra_fee_or_private_account",
    "inducing_new_borrowing",
    "improper_visit",
    "contact_after_installment_agreement",
]
LOAN_RULES = [
    "upfront_deduction",
    "fee_withheld",
    "cost_above_24_percent",
    "cost_above_36_percent",
    "rate_above_4x_lpr",
    "fees_beyond_interest",
    "limitation_period_expired",
]


def test_catalogue_has_exactly_the_issue_rule_ids():
    assert list(CATALOGUE) == CONTACT_RULES + LOAN_RULES


@pytest.mark.parametrize("rule_id", CONTACT_RULES + LOAN_RULES)
def test_every_rule_cites_a_source_with_a_quote(rule_id):
    rule = CATALOGUE[rule_id]
    cited = rule.all_sources
    assert cited and all(s.quote and s.law and s.article and s.article_en for s in cited)
    assert rule.standing in set(Standing) and rule.actions


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.skipif(not TEXTS.exists(), reason="shared/legal/texts is not beside the repository")
def test_every_binding_quote_appears_in_the_primary_texts():
    corpus = "".join(_squash(p.read_text(encoding="utf-8")) for p in TEXTS.glob("*.md"))
    binding = {
        s.quote
        for rule in CATALOGUE.values()
        for s in rule.all_sources
        if s.standing == Standing.BINDING
    }
    missing = [quote for quote in binding if _squash(quote) not in corpus]
    assert binding and missing == []


def _h1_count(html: str) -> int:
    return html.count("<h1")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_rule_list_page(client, language):
    response = client.get(reverse("rules:rule_list"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200 and _h1_count(response.content.decode()) == 1
    assert reverse("rules:rule_detail", args=["quiet_hours"]) in response.content.decode()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_rule_detail_page_shows_quote_and_standing(client, language):
    response = client.get(
        reverse("rules:rule_detail", args=["third_party_collection"]), HTTP_ACCEPT_LANGUAGE=language
    )
    html = response.content.decode()
    assert response.status_code == 200 and _h1_count(html) == 1
    assert "不得对与债务无关的第三人进行催收" in html and "badge-binding" in html


def test_rule_detail_in_chinese_is_translated(client):
    response = client.get(
        reverse("rules:rule_detail", args=["quiet_hours"]), HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert "Contact during quiet hours" not in response.content.decode()


def test_unknown_rule_is_404(client):
    assert client.get(reverse("rules:rule_detail", args=["nope"])).status_code == 404


def test_rule_list_rejects_post(client):
    assert client.post(reverse("rules:rule_list")).status_code == 405


@pytest.mark.parametrize("rule_id", CONTACT_RULES + LOAN_RULES)
def test_every_rule_has_a_formal_statement_in_both_languages(rule_id):
    from django.utils import translation

    rule = CATALOGUE[rule_id]
    with translation.override("en"):
        english = str(rule.statement)
    with translation.override("zh-hans"):
        chinese = str(rule.statement)
    assert english and chinese != english
    assert not re.search(r"\byou(r)?\b", english, re.IGNORECASE)
    assert "您" not in chinese and "你" not in chinese


def test_related_texts_never_raise_a_findings_standing():
    from rules.engine.assess import finding_standing

    for rule in CATALOGUE.values():
        assert finding_standing(rule, ()) == Standing.HEURISTIC
