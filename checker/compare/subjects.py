"""Whose figure and which clock: the facts compare needs before setting two values side by side.

Two ages are comparable only when both name the same person; two clock times only when
both are in the same time zone (news writes "17:06 local time (13:36 GMT)").
"""

from __future__ import annotations

import re

from checker.models import Claim

_AGE = re.compile(r"year[\s-]*old|\baged?\b|\bages\b", re.I)
# A zone named right after the time: "13:36 GMT", "5 p.m. ET", "(0906 UTC)".
_ZONE = re.compile(
    r"^[\s(]*(GMT|UTC|Z|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|IST|JST|AE[SD]T|local)\b",
)
_UNIVERSAL = {"GMT": "UTC", "Z": "UTC", "UTC": "UTC"}


def is_age(claim: Claim) -> bool:
    """The figure is someone's age ("63-year-old", "aged 47")."""
    return bool(_AGE.search(claim.text))


def same_named_person(a: Claim, b: Claim) -> bool:
    """Both figures are tied to one named person: a capitalised word shared by what they
    count ("Sixty-year-old Smith" / "John Smith, aged 61"). Common nouns ("woman",
    "son") cannot tell two people apart."""
    return bool(_proper_words(a.counted) & _proper_words(b.counted))


def clock_zone(claim: Claim) -> str:
    """The time zone a clock time is written in; unmarked times are local."""
    after = claim.sentence[claim.end - claim.sentence_start :][:12]
    match = _ZONE.match(after)
    if not match:
        return "local"
    return _UNIVERSAL.get(match.group(1), match.group(1))


def _proper_words(phrase: str | None) -> set[str]:
    return {w.strip(".,'\"").lower() for w in (phrase or "").split() if w[:1].isupper()}
