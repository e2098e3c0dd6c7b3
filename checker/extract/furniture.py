"""Page furniture blanked before an article is read: gallery counters, caption labels, lists
of other headlines (the patterns are rules/furniture/*.yml).

Scraped pages carry "Hide Caption 23 of 25", "1/8" slide counters and "Related: 34 things to
know about ..." lines; read as claims they become findings about nothing the story says. The
matched text is replaced by spaces of the same length, so every offset into the cleaned text
still maps back into ``Article.text`` through the clean-text map.
"""

from __future__ import annotations

import re
from typing import Sequence

from checker.ruleset.schema import FurnitureRule

_FLAGS = re.I | re.M


def furniture_spans(text: str, rules: Sequence[FurnitureRule]) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text`` that ``rules`` call furniture, sorted."""
    spans: list[tuple[int, int]] = []
    for rule in rules:
        for pattern in rule.patterns:
            found = [m.span() for m in re.finditer(pattern, text, _FLAGS) if m.end() > m.start()]
            if len(found) >= rule.min_repeats:
                spans.extend(found)
    return sorted(spans)


def blank_furniture(text: str, rules: Sequence[FurnitureRule]) -> str:
    """``text`` with its furniture replaced by spaces (line breaks kept, so are paragraphs)."""
    spans = furniture_spans(text, rules)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
