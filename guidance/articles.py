"""Knowledge-base articles: content files in guidance/content/, parsed and rendered safely.

Each article is `<slug>.<language>.md`: a front matter, then a body in a tiny markdown
subset rendered here (no dependency, no raw HTML):

- `## heading`, `### heading`, paragraphs, `- ` lists, `> ` quotes of legal text;
- `**bold**`, `[text](/internal/path)` (internal links only);
- `[[fact_id]]`: a citation of one of the article's sources.

Front matter (between `---` lines): `title:`, `summary:`, `reviewed: YYYY-MM-DD`, and
`sources:` followed by lines
`- fact: <cn-facts id> | standing: binding|standard|heuristic | law: … | article: … | quote: …`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

CONTENT_DIR = Path(__file__).resolve().parent / "content"
LANGUAGES = ("zh-hans", "en")
DEFAULT_LANGUAGE = "zh-hans"
STANDINGS = ("binding", "standard", "heuristic")
# The order articles are listed in.
ARTICLE_SLUGS = (
    "your-rights",
    "what-collectors-may-not-do",
    "complaint-channels",
    "negotiating-repayment",
    "limitation-period",
    "protecting-contacts",
)

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_LINK = re.compile(r"\[([^\]\[]+)\]\((/(?!/)[^)\s]*)\)")
_CITE = re.compile(r"\[\[([a-z0-9_]+)\]\]")


class ArticleError(ValueError):
    """A content file is malformed."""


@dataclass(frozen=True)
class Source:
    fact: str
    standing: str
    law: str
    article: str
    quote: str = ""


@dataclass(frozen=True)
class Article:
    slug: str
    language: str
    title: str
    summary: str
    reviewed: dt.date
    sources: tuple[Source, ...]
    body: str

    @property
    def html(self) -> SafeString:
        return render_markup(self.body, self.sources)

    @property
    def quotes(self) -> tuple[str, ...]:
        """Legal text quoted in the body (`> ` lines), for checking against the sources."""
        return tuple(line[2:].strip() for line in self.body.splitlines() if line.startswith("> "))

    @property
    def search_text(self) -> str:
        plain = _CITE.sub("", self.body).replace("**", "")
        plain = _LINK.sub(r"\1", plain)
        return f"{self.title}\n{self.summary}\n{plain}".casefold()


def _parse_source(line: str) -> Source:
    fields: dict[str, str] = {}
    for part in line.removeprefix("- ").split(" | "):
        key, sep, value = part.partition(":")
        if not sep:
            raise ArticleError(f"bad source field: {part!r}")
        fields[key.strip()] = value.strip()
    try:
        source = Source(**fields)
    except TypeError as exc:
        raise ArticleError(f"bad source: {line!r}") from exc
    if source.standing not in STANDINGS:
        raise ArticleError(f"bad standing: {source.standing!r}")
    return source


def parse_article(text: str, *, slug: str, language: str) -> Article:
    """Parse one content file. Raises ArticleError when it is malformed."""
    if not text.startswith("---\n"):
        raise ArticleError(f"{slug}.{language}: no front matter")
    front, sep, body = text[4:].partition("\n---\n")
    if not sep:
        raise ArticleError(f"{slug}.{language}: unterminated front matter")
    meta: dict[str, str] = {}
    sources: list[Source] = []
    for line in front.splitlines():
        if line.startswith("- "):
            sources.append(_parse_source(line))
        elif line.strip():
            key, _sep, value = line.partition(":")
            value = value.strip()
            if len(value) > 1 and value[0] == value[-1] == '"':
                value = value[1:-1]
            meta[key.strip()] = value
    try:
        article = Article(
            slug=slug,
            language=language,
            title=meta["title"],
            summary=meta["summary"],
            reviewed=dt.date.fromisoformat(meta["reviewed"]),
            sources=tuple(sources),
            body=body.strip(),
        )
    except (KeyError, ValueError) as exc:
        raise ArticleError(f"{slug}.{language}: {exc}") from exc
    known = {s.fact for s in sources}
    unknown = set(_CITE.findall(article.body)) - known
    if unknown:
        raise ArticleError(f"{slug}.{language}: cites unknown sources {sorted(unknown)}")
    return article


def _inline(text: str, numbers: dict[str, int]) -> str:
    html = escape(text)
    html = _BOLD.sub(r"<strong>\1</strong>", html)
    html = _LINK.sub(r'<a href="\2">\1</a>', html)
    return _CITE.sub(
        lambda m: (
            f'<sup class="cite"><a href="#source-{m.group(1)}">[{numbers[m.group(1)]}]</a></sup>'
        ),
        html,
    )


def render_markup(body: str, sources: tuple[Source, ...] = ()) -> SafeString:
    """Render the markdown subset. Everything is escaped before any tag is added."""
    numbers = {s.fact: i for i, s in enumerate(sources, start=1)}
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [line.rstrip() for line in block.strip().splitlines()]
        if not lines:
            continue
        first = lines[0]
        if first.startswith("### "):
            out.append(f"<h3>{_inline(first[4:], numbers)}</h3>")
        elif first.startswith("## "):
            out.append(f"<h2>{_inline(first[3:], numbers)}</h2>")
        elif all(line.startswith("- ") for line in lines):
            items = "".join(f"<li>{_inline(line[2:], numbers)}</li>" for line in lines)
            out.append(f"<ul>{items}</ul>")
        elif all(line.startswith("> ") for line in lines):
            quoted = "<br>".join(_inline(line[2:], numbers) for line in lines)
            out.append(f'<blockquote class="legal-quote" lang="zh-Hans">{quoted}</blockquote>')
        else:
            out.append(f"<p>{_inline(' '.join(lines), numbers)}</p>")
    return mark_safe("\n".join(out))  # noqa: S308 - every piece of text went through escape()


@cache
def _load(slug: str, language: str) -> Article | None:
    path = CONTENT_DIR / f"{slug}.{language}.md"
    if not path.exists():
        return None
    return parse_article(path.read_text(encoding="utf-8"), slug=slug, language=language)


def _language(language: str | None) -> str:
    language = (language or DEFAULT_LANGUAGE).lower()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def article_get(*, slug: str, language: str | None) -> Article | None:
    """One article in the language asked for (falling back to zh-Hans), or None."""
    if slug not in ARTICLE_SLUGS:
        return None
    return _load(slug, _language(language)) or _load(slug, DEFAULT_LANGUAGE)


#: What people type for what the articles say: each word also matches the words it
#: stands for. Borrowers search in their own words (爆通讯录, 轰炸), not the articles'.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "爆通讯录": ("通讯录", "联系人", "亲友"),
    "通讯录": ("联系人", "亲友"),
    "轰炸": ("骚扰", "多次"),
    "电话轰炸": ("骚扰", "多次"),
    "短信轰炸": ("骚扰", "短信"),
    "上门": ("上门", "家里"),
    "上门催收": ("上门",),
    "起诉": ("起诉", "诉讼", "法院"),
    "被起诉": ("起诉", "诉讼", "法院"),
    "坐牢": ("法院", "公安", "刑事"),
    "征信": ("征信", "信用"),
    "上征信": ("征信", "信用"),
    "逾期": ("逾期", "催收"),
    "高利贷": ("利息", "利率"),
    "砍头息": ("利息", "扣除"),
    "address book": ("contacts",),
    "blow up": ("contacts",),
    "sue": ("court", "lawsuit", "sue"),
    "sued": ("court", "lawsuit", "sue"),
    "home visit": ("visit",),
    "credit report": ("credit",),
    "spam calls": ("harass",),
}


def _search_terms(q: str) -> list[tuple[str, ...]]:
    """The query's words, each with the words it stands for; known phrases are kept whole."""
    text = q.casefold()
    terms = []
    for phrase in sorted((p for p in SYNONYMS if " " in p), key=len, reverse=True):
        if phrase in text:
            terms.append((phrase, *SYNONYMS[phrase]))
            text = text.replace(phrase, " ")
    terms += [(word, *SYNONYMS.get(word, ())) for word in text.split()]
    return terms


def article_search(*, language: str | None, q: str = "") -> list[Article]:
    """Articles in the active language that match every word of q, a word matching itself
    or any of its synonyms (SYNONYMS) in the title, summary or body."""
    articles = [a for slug in ARTICLE_SLUGS if (a := article_get(slug=slug, language=language))]
    terms = _search_terms(q)
    return [a for a in articles if all(any(t in a.search_text for t in term) for term in terms)]
