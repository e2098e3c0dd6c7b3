"""Match the facet rules of rules/facets/ against one claim."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from checker.figure_words import WORD, words_beside
from checker.models import Claim
from checker.ruleset.schema import FacetRule

_SPACES = re.compile(r"\s+")


def read_facets(claim: Claim, rules: Sequence[FacetRule]) -> dict[str, str]:
    """Facet name -> the words that mark it, for every rule that matches (the first rule of
    a facet wins), in name order so the JSON is stable."""
    found: dict[str, str] = {}
    for rule in rules:
        if rule.facet in found:
            continue
        marker = _marker(claim, rule)
        if marker is not None:
            found[rule.facet] = marker
    return dict(sorted(found.items()))


def _marker(claim: Claim, rule: FacetRule) -> str | None:
    """The words of ``claim``'s sentence that match ``rule``, lower-cased, else None."""
    if rule.kinds and claim.kind.value not in rule.kinds:
        return None
    if rule.beside:
        marker = _beside_marker(claim, rule)
        if marker is not None:
            return marker
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    if rule.after:
        match = _pattern(rule.after, anchored_end=False).search(claim.sentence[rel_end : rel_end + rule.after_chars])
        if match:
            return _normal(match.group(0))
    if rule.before:
        window = claim.sentence[max(0, rel_start - rule.before_chars) : max(0, rel_start)]
        match = _pattern(rule.before, anchored_end=True).search(window)
        if match:
            return _normal(match.group(0))
    return None


def _beside_marker(claim: Claim, rule: FacetRule) -> str | None:
    """A word or phrase of ``rule.beside`` among the words that still describe the number.

    The words read outwards from the number, "#" standing for it, so a phrase never spans
    it: "60 people in all" reads ["#", "people", "in", "all"]."""
    before, after = words_beside(claim, chars=rule.beside_chars)
    words = [w.lower() for w in reversed(before)] + ["#"] + [w.lower() for w in after]
    if rule.in_counted:
        words += ["#"] + [w.lower() for w in WORD.findall(claim.counted or "")]
    for phrase in rule.beside:
        tokens = phrase.lower().split()
        if any(words[i : i + len(tokens)] == tokens for i in range(len(words) - len(tokens) + 1)):
            return phrase.lower()
    return None


@lru_cache(maxsize=256)
def _pattern(pattern: str, anchored_end: bool) -> re.Pattern[str]:
    return re.compile(f"(?:{pattern})\\s*$" if anchored_end else pattern, re.I)


def _normal(text: str) -> str:
    return _SPACES.sub(" ", text.strip()).lower()
