"""A rendered letter as numbered paragraphs, and the approved copy with its review line.

Reviewers comment on "paragraph 7": the numbering must be the same on the review
page, in the diff and in the borrower's list of requests. It is computed here, from
the stored HTML of the version, and nowhere else.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: Elements that make one numbered paragraph each (nested ones are folded into the outer).
BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "tr", "dt", "dd", "blockquote"})
_SPACE = re.compile(r"\s+")


class _Paragraphs(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self.depth = 0
        self.skip = 0
        self.buffer: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("title", "style", "script", "head"):
            self.skip += 1
        elif tag in BLOCKS:
            self.depth += 1
        elif tag == "br" and self.depth:
            self.buffer.append(" ")

    def handle_endtag(self, tag):
        if tag in ("title", "style", "script", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCKS and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self._flush()
        elif tag in ("td", "th") and self.depth:
            self.buffer.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.buffer.append(data)

    def _flush(self):
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.paragraphs.append(text)


def letter_paragraphs(letter_html: str) -> list[str]:
    """The text of each paragraph, list item, heading or table row, in reading order."""
    parser = _Paragraphs()
    parser.feed(letter_html)
    parser.close()
    return parser.paragraphs


@dataclass(frozen=True, slots=True)
class ParagraphChange:
    """One paragraph of the new version: unchanged, added or changed (with what it replaced)."""

    number: int
    text: str
    status: str  # "same" | "added" | "changed"
    before: str = ""


def paragraphs_diff(before: list[str], after: list[str]) -> tuple[list[ParagraphChange], list[str]]:
    """The new version's paragraphs marked against the old, and the old paragraphs removed."""
    changes: list[ParagraphChange] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        old = before[a1:a2]
        for offset, index in enumerate(range(b1, b2)):
            if op == "equal":
                status, was = "same", ""
            elif op == "replace" and offset < len(old):
                status, was = "changed", old[offset]
            else:
                status, was = "added", ""
            changes.append(ParagraphChange(index + 1, after[index], status, was))
        if op in ("delete", "replace"):
            removed.extend(old[b2 - b1 :] if op == "replace" else old)
    return changes, removed


def with_review_line(letter_html: str, line: str) -> str:
    """The letter with the review line printed after its last paragraph."""
    marker = "</article>"
    block = f'<p class="review-line">{html.escape(line)}</p>\n'
    if marker in letter_html:
        head, _sep, tail = letter_html.rpartition(marker)
        return f"{head}{block}{marker}{tail}"
    return letter_html + block
