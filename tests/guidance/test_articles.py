"""Knowledge-base articles: list, search, detail, and that every claim is sourced."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation

from guidance.articles import (
    ARTICLE_SLUGS,
    LANGUAGES,
    STANDINGS,
    ArticleError,
    article_get,
    parse_article,
    render_markup,
)

ROOT = Path(__file__).resolve().parents[2]
# The shared folder sits next to the repository (in a worktree: one level further up).
SHARED_LEGAL = next(
    (p / "shared" / "legal" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").exists()),
    ROOT.parent / "shared" / "legal",
)
FACTS = SHARED_LEGAL / "cn-facts.md"
TEXTS = SHARED_LEGAL / "texts"
ALL_ARTICLES = [(slug, lang) for slug in ARTICLE_SLUGS for lang in LANGUAGES]


def _get(client, url, language, **headers):
    client.cookies["django_language"] = language
    return client.get(url, headers=headers)


def _fact_rows() -> dict[str, str]:
    rows = {}
    for line in FACTS.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*(?:\d+\s*\|\s*)?`([a-z0-9_]+)`\s*\|", line)
        if match:
            rows[match.group(1)] = line
    return rows


def _legal_texts() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(TEXTS.glob("*.md")))


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_list_shows_every_article_with_one_h1(client, language):
    response = _get(client, reverse("guidance:article_list"), language)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for slug in ARTICLE_SLUGS:
        assert reverse("guidance:article_detail", args=[slug]) in html
    assert 'href="tel:12348"' in html


@pytest.mark.parametrize(("slug", "language"), ALL_ARTICLES)
def test_article_detail_renders_in_each_language_with_sources(client, slug, language):
    article = article_get(slug=slug, language=language)
    response = _get(client, reverse("guidance:article_detail", args=[slug]), language)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert article.title.replace("'", "&#x27;").replace("“", "“") in html
    assert 'id="source-' in html
    assert "2026-11-28" in html
    assert "12348" in html


def test_unknown_article_gives_404(client):
    response = client.get(reverse("guidance:article_detail", args=["no-such-article"]))
    assert response.status_code == 404


def test_post_to_article_list_is_not_allowed(client):
    assert client.post(reverse("guidance:article_list")).status_code == 405


def test_search_finds_an_article_by_a_word_in_its_body(client):
    response = client.get(reverse("guidance:article_list"), {"q": "展期"})
    html = response.content.decode()
    assert reverse("guidance:article_detail", args=["negotiating-repayment"]) in html
    assert reverse("guidance:article_detail", args=["protecting-contacts"]) not in html


def test_search_in_english_uses_the_english_text(client):
    client.cookies["django_language"] = "en"
    html = client.get(reverse("guidance:article_list"), {"q": "limitation"}).content.decode()
    assert reverse("guidance:article_detail", args=["limitation-period"]) in html
    assert reverse("guidance:article_detail", args=["your-rights"]) not in html


def test_search_without_match_says_so(client):
    client.cookies["django_language"] = "en"
    response = client.get(reverse("guidance:article_list"), {"q": "zzzxqy"})
    html = response.content.decode()
    assert "No article matches your search" in html
    for slug in ARTICLE_SLUGS:
        assert reverse("guidance:article_detail", args=[slug]) not in html


def test_htmx_search_returns_only_the_results_fragment(client):
    url = reverse("guidance:article_list")
    full = client.get(url, {"q": "12378"}).content.decode()
    fragment = client.get(
        url, {"q": "12378"}, headers={"HX-Request": "true", "HX-Target": "article-results"}
    ).content.decode()
    assert "<h1" in full and 'id="article-results"' in full
    assert "<h1" not in fragment and "<html" not in fragment
    assert fragment.lstrip().startswith('<section id="article-results"')
    assert reverse("guidance:article_detail", args=["complaint-channels"]) in fragment


@pytest.mark.parametrize(("slug", "language"), ALL_ARTICLES)
def test_every_article_has_sources_and_a_reviewed_date(slug, language):
    article = article_get(slug=slug, language=language)
    assert article.language == language
    assert article.sources
    assert article.reviewed.isoformat() == "2026-11-28"
    assert all(s.standing in STANDINGS and s.law and s.article for s in article.sources)
    cited = set(re.findall(r"\[\[([a-z0-9_]+)\]\]", article.body))
    assert cited == {s.fact for s in article.sources}, "every source is cited, every cite sourced"


@pytest.mark.skipif(not FACTS.exists(), reason="shared legal fact sheet not available")
@pytest.mark.parametrize(("slug", "language"), ALL_ARTICLES)
def test_every_source_is_a_verified_fact_of_the_fact_sheet(slug, language):
    rows = _fact_rows()
    for source in article_get(slug=slug, language=language).sources:
        assert source.fact in rows, f"{source.fact} is not in cn-facts.md"
        assert re.search(r"VERIFIED-(PRIMARY|SECONDARY)", rows[source.fact]), source.fact
        assert "**UNVERIFIED" not in rows[source.fact], source.fact


@pytest.mark.skipif(not TEXTS.exists(), reason="shared legal texts not available")
@pytest.mark.parametrize(("slug", "language"), ALL_ARTICLES)
def test_every_quote_is_copied_from_the_legal_texts_or_the_fact_sheet(slug, language):
    texts = _legal_texts()
    facts = FACTS.read_text(encoding="utf-8")
    article = article_get(slug=slug, language=language)
    binding = [s.quote for s in article.sources if s.quote and s.standing == "binding"]
    other = [s.quote for s in article.sources if s.quote and s.standing != "binding"]
    for quote in binding:
        assert quote in texts, quote
    for quote in other + list(article.quotes):
        assert quote in texts or quote in facts, quote


@pytest.mark.parametrize(("slug", "language"), ALL_ARTICLES)
def test_internal_links_in_articles_resolve(client, slug, language):
    html = str(article_get(slug=slug, language=language).html)
    for href in re.findall(r'href="(/[^"#]*)', html):
        assert client.get(href).status_code == 200, href


def test_markup_escapes_html_and_refuses_external_links():
    html = str(render_markup("<script>x</script> [a](https://evil.example) [b](//evil) **ok**"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "href" not in html
    assert "<strong>ok</strong>" in html


def test_citing_an_unlisted_source_is_an_error():
    text = "---\ntitle: t\nsummary: s\nreviewed: 2026-11-28\n---\nclaim [[cc_privacy]]\n"
    with pytest.raises(ArticleError):
        parse_article(text, slug="x", language="en")


def test_industry_numbers_are_labelled_as_standard_not_law():
    for language in LANGUAGES:
        article = article_get(slug="your-rights", language=language)
        standings = {s.fact: s.standing for s in article.sources}
        assert standings["gbt45251_hours"] == "standard"
        assert standings["gbt45251_call_cap"] == "standard"
        assert standings["cba2026_dial_attempts"] == "standard"


def test_active_language_selects_the_article_file():
    with translation.override("en"):
        assert article_get(slug="your-rights", language="en").title.startswith("Your rights")
    assert article_get(slug="your-rights", language="zh-hans").title.startswith("催收")


@pytest.mark.parametrize(
    ("q", "language", "expected"),
    [
        ("爆通讯录", "zh-hans", "protecting-contacts"),
        ("轰炸", "zh-hans", "what-collectors-may-not-do"),
        ("上门", "zh-hans", "what-collectors-may-not-do"),
        ("起诉", "zh-hans", "limitation-period"),
        ("征信", "zh-hans", "complaint-channels"),
        ("砍头息", "zh-hans", "negotiating-repayment"),
        ("address book", "en", "protecting-contacts"),
        ("sued", "en", "limitation-period"),
    ],
)
def test_search_knows_the_words_borrowers_use(q, language, expected):
    from guidance.articles import article_search

    assert expected in [a.slug for a in article_search(language=language, q=q)]


def test_a_word_no_article_uses_still_finds_nothing():
    from guidance.articles import article_search

    assert article_search(language="zh-hans", q="火星殖民") == []
