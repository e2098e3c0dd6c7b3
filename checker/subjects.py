"""Whose figure and which clock: what align and compare must know before setting two
values side by side.

Two ages are comparable only when both name the same person; two clock times only when
both are in the same time zone (news writes "17:06 local time (13:36 GMT)").
"""

from __future__ import annotations

import re

from checker.models import Claim, QuantityKind

# A zone named right after the time: "13:36 GMT", "5 p.m. ET", "(0906 UTC)".
_ZONE = re.compile(
    r"^[\s(]*(GMT|UTC|Z|[ECMP][SD]?T|BST|CET|CEST|EET|EEST|IST|JST|AE[SD]T|local)\b",
)
_UNIVERSAL = {"GMT": "UTC", "Z": "UTC", "UTC": "UTC"}


# "a 38-year-old man", "aged 61", "ages 47 and 48", "Riva, 47, of Sterling Heights"
_YEAR_OLD = re.compile(r"(?:^|\d|\s|-)\s*-?\s*years?\s*-?\s*olds?\b", re.I)
_AGED = re.compile(r"\bage[sd]?\b", re.I)
_AGED_BEFORE = re.compile(r"\bage[sd]?\s*$", re.I)
_NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z'.-]+(?: I{1,3}| Jr\.| Sr\.)?,\s*$")
_AFTER_AGE = re.compile(r"^\s*(?:,|\bof\b|\))")


def is_age(claim: Claim) -> bool:
    """The figure is someone's age: "63-year-old", "aged 47", or a small whole number set
    off right after a name ("Kafoury, 63, of Warren")."""
    if _YEAR_OLD.search(claim.text) or _AGED.search(claim.text):
        return True
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    before = claim.sentence[max(0, rel_start - 40) : rel_start]
    after = claim.sentence[rel_end : rel_end + 20]
    if _YEAR_OLD.match(after) or _AGED_BEFORE.search(before):
        return True
    # News writes such ages in digits; "Josh Moore, one of the defense lawyers" is no age.
    small_whole = claim.text.strip().isdigit() and 0 < claim.value.point < 120
    return (
        claim.kind == QuantityKind.count and small_whole
        and bool(_NAME_BEFORE.search(before)) and bool(_AFTER_AGE.match(after))
    )


def person_name(claim: Claim, titles: frozenset[str]) -> set[str]:
    """The words of a name the figure is tied to: the capitalised words of the counted phrase
    when it ends in one ("Anthony LaCalamita III"), not "Troy man"; ``titles`` left out
    (rules/lexicons/name_titles.yml)."""
    words = (claim.counted or "").split()
    if not words or not words[-1][:1].isupper():
        return set()
    return {w.strip(".").lower() for w in words if w[:1].isupper() and w.strip(".").lower() not in titles}


def same_named_person(a: Claim, b: Claim) -> bool:
    """Both figures are tied to one named person: a capitalised word shared by what they
    count ("Sixty-year-old Smith" / "John Smith, aged 61"). Common nouns ("woman",
    "son") cannot tell two people apart."""
    return bool(_proper_words(a.counted) & _proper_words(b.counted))


# "the gunman, a 38-year-old ..." / "the gunman, aged 39": the role an age is given for.
_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+),\s*(?:(?:a|an)\s+)?$")
def same_described_person(a: Claim, b: Claim, anybody: frozenset[str]) -> bool:
    """Both ages are given for one role the story names once ("the gunman, a 38-year-old
    man" / "the gunman, aged 39"): the word before the age, not a name and not one of the
    words for ``anybody`` (rules/lexicons/anybody.yml: "a man, 38" / "a man, 39" may be two
    people)."""
    roles = []
    for claim in (a, b):
        match = _ROLE_BEFORE.search(claim.sentence[: claim.start - claim.sentence_start])
        roles.append(match.group(1) if match else None)
    return roles[0] is not None and roles[0] == roles[1] and roles[0] not in anybody


def clock_zone(claim: Claim) -> str:
    """The time zone a clock time is written in, in its own text ("1336 GMT") or right after
    it ("13:36 GMT"); unmarked times are local."""
    after = claim.sentence[claim.end - claim.sentence_start :][:12]
    own = re.search(r"\s(\S+)$", claim.text)
    match = (own and _ZONE.match(own.group(1))) or _ZONE.match(after)
    if not match:
        return "local"
    return _UNIVERSAL.get(match.group(1), match.group(1))


def _proper_words(phrase: str | None) -> set[str]:
    return {w.strip(".,'\"").lower() for w in (phrase or "").split() if w[:1].isupper()}
