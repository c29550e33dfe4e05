import re
from decimal import Decimal

import pytest

URL = "/check/loan/"
OFFER = {
    "lang": "en",
    "amount": "10000",
    "term": "12",
    "installment": "1000",
    "fee_name_1": "服务费",
    "fee_amount_1": "1000",
    "fee_when_1": "deducted",
    "start": "2026-12-01",
}


def _cost(response) -> Decimal:
    (text,) = re.findall(r'id="true-cost">True cost: ([\d.]+)%', response.content.decode())
    return Decimal(text)


def test_empty_page_shows_the_form_without_errors(client):
    response = client.get(URL + "?lang=en")
    html = response.content.decode()
    assert response.status_code == 200 and 'name="amount"' in html and 'role="alert"' not in html


def test_an_upfront_fee_puts_the_true_cost_above_24_percent_with_the_chart(client):
    response = client.get(URL, OFFER)
    html = response.content.decode()
    assert _cost(response) > 24
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html
    assert "1000 yuan is kept back at payout" in html


def test_the_fee_kept_back_is_counted_once(client):
    # 9,000 received, 12 × 1,000 repaid: the fee is already in the smaller amount received.
    kept_back = _cost(client.get(URL, OFFER))
    no_fee = _cost(client.get(URL, {**OFFER, "fee_amount_1": "", "received": "9000"}))
    assert kept_back == no_fee


def test_total_paid_against_received(client):
    html = client.get(URL, {**OFFER, "fee_when_1": "upfront"}).content.decode()
    assert 'id="received">¥10000' in html
    assert 'id="total-paid">¥13000' in html


def test_a_monthly_membership_fee_counts_every_month_and_is_flagged(client):
    offer = {**OFFER, "fee_name_1": "会员费", "fee_amount_1": "30", "fee_when_1": "monthly"}
    html = client.get(URL, offer).content.decode()
    assert "<td>¥360</td>" in html
    assert "often interest under another name" in html


def test_fees_from_a_consumer_finance_company_cite_the_rule(client):
    html = client.get(URL, {**OFFER, "lender_type": "consumer_finance"}).content.decode()
    assert "may not charge fees other than interest" in html
    assert "消费金融公司管理办法" in html


def test_the_4x_lpr_line_binds_only_unlicensed_lenders(client):
    bank = client.get(URL, {**OFFER, "lender_type": "bank"}).content.decode()
    private = client.get(URL, {**OFFER, "lender_type": "unlicensed"}).content.decode()
    row = re.compile(r"<th scope=\"row\"><a [^>]*>4×LPR.*?</tr>", re.S)
    assert "No text binds this kind of lender" in row.search(bank).group()
    assert "No text binds this kind of lender" not in row.search(private).group()
    assert "民间借贷" in row.search(private).group() and "Binding" in row.search(private).group()


def test_the_share_link_carries_the_offer_in_the_fragment(client):
    html = client.get(URL, OFFER).content.decode()
    (link,) = re.findall(r'id="share-link" href="([^"]+)"', html)
    path, fragment = link.replace("&amp;", "&").split("#")
    assert path == "/check/loan/?lang=en"
    assert "amount=10000" in fragment and "fee_when_1=deducted" in fragment


def test_the_share_script_is_a_static_file_not_inline(client):
    html = client.get(URL).content.decode()
    assert '<script src="/static/checker/loan_share.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)


def test_missing_installment_is_named(client):
    response = client.get(URL, {**OFFER, "installment": ""})
    assert "Give the monthly installment, or the schedule below." in response.content.decode()


def test_a_schedule_replaces_the_installment(client):
    offer = {**OFFER, "installment": "", "schedule": "6000\n6000"}
    assert _cost(client.get(URL, offer)) > 0


def test_htmx_get_returns_only_the_result_fragment(client):
    response = client.get(URL, OFFER, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="loan-result")
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="loan-result"') and "<h1" not in html


def test_wrong_method_is_refused(client):
    assert client.post(URL, OFFER).status_code == 405


@pytest.mark.django_db
def test_checking_an_offer_touches_no_database_and_sets_no_cookie(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(URL, OFFER)
    assert response.cookies == {} and "Set-Cookie" not in response.headers
