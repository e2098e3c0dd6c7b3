"""Rule links of the aligner: pairs that are one quantity whatever the classifier scores
them - two sides' accounts of one clash, one person's age, a figure and its conversion in
brackets, one company's market share.

Each function takes one partition's claims and returns an n x n boolean matrix.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from checker.align.constraints import different_people
from checker.align.features import NESTED, SAME, relation_matrix, value_codes
from checker.lexicon import Lexicon, any_word
from checker.models import Bound, Claim
from checker.subjects import is_age, person_name, same_described_person
from checker.units import canonical_unit, to_canonical


class RuleLinks(NamedTuple):
    """One partition's rule links (n x n each): rival accounts, which weigh as a pair halfway
    between the threshold and certain when clusters merge, and links that are certain (one
    person's age, a figure and its conversion in brackets)."""

    rival: np.ndarray
    certain: np.ndarray


def rival_accounts(claims: list[Claim], lexicon: Lexicon) -> np.ndarray:
    """Pairs that are one quantity told by two sides (n x n, True = the same quantity).

    A report sets rival counts side by side: "according to a war monitor, caused 13 Syrian
    deaths. Turkey claimed to have neutralized more than 70 members of the regime." Two
    different figures of one kind in one sentence or the next, each reported as a named
    side's words, for one casualty measure (the same or a broader/narrower one) are the
    sides' accounts of one quantity, whatever words each side counts in. Equal figures are
    left to the classifier: agreeing sides raise no question. Over 404 ECB+ articles (five
    per story) no pair qualifies: the rule is for the conflict report that sets two sides
    against each other.
    """
    n = len(claims)
    measures = _casualty_measures(lexicon)
    # A sentence that reports what someone says: the side whose account the figure is.
    reported = re.compile(rf"\b(?:{any_word(lexicon.reporting_words)})\b", re.I)
    # "Another two people": an addition to a figure given before, not an account.
    addition_before = re.compile(rf"\b(?:{any_word(lexicon.addition_words)})\s*$", re.I)
    candidate = np.array([_tells_an_account(c, lexicon, measures, reported, addition_before) for c in claims])
    if candidate.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    article = value_codes([c.article_id for c in claims])
    source = value_codes([c.attribution.source_normalized for c in claims])
    kind = value_codes([c.kind.value for c in claims])
    start = np.array([c.sentence_start for c in claims])
    end = start + np.array([len(c.sentence) for c in claims])
    point = np.array([c.value.point for c in claims])
    # Sentence b starts where sentence a ends (give or take a space or a paragraph break).
    follows = (start[None, :] - end[:, None] >= 0) & (start[None, :] - end[:, None] <= _NEXT_SENTENCE_GAP)
    adjacent = (start[:, None] == start[None, :]) | follows | follows.T
    related = np.isin(relation_matrix([c.predicate for c in claims], lexicon.predicate_relation), (SAME, NESTED))
    place = value_codes([c.place.lower() if c.place else None for c in claims])
    has_place = np.array([c.place is not None for c in claims])
    other_places = has_place[:, None] & has_place[None, :] & (place[:, None] != place[None, :])
    rival = (
        candidate[:, None] & candidate[None, :]
        & (article[:, None] == article[None, :])
        & adjacent
        & (kind[:, None] == kind[None, :])
        & (source[:, None] != source[None, :])
        & (point[:, None] != point[None, :])
        & related
        & ~other_places
    )
    np.fill_diagonal(rival, False)
    return rival


# Characters between one sentence's end and the next one's start (a space or a paragraph break).
_NEXT_SENTENCE_GAP = 3
# "One of the fatalities": a figure that picks some out of others, not a count of its own.
_PARTITIVE_AFTER = re.compile(r"^\s*(?:of|out of)\s+(?:the|them|those|these)\b", re.I)


def _casualty_measures(lexicon: Lexicon) -> frozenset[str]:
    """The killed, the wounded, and the broader measures that count them (neutralized,
    casualties): what rival sides of a conflict give their own figures for."""
    outcomes = lexicon.toll_events
    return outcomes | frozenset(p for p, narrower in lexicon.predicate_broader.items() if outcomes & narrower)


def _tells_an_account(
    claim: Claim, lexicon: Lexicon, measures: frozenset[str], reported: re.Pattern, addition_before: re.Pattern
) -> bool:
    """A whole figure for a casualty measure, in a sentence that reports the words of a
    side named in it (not "he", not the counted people themselves)."""
    source = claim.attribution.source or ""
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return (
        not claim.part_of
        and (source[:1].isupper() or claim.attribution.source_normalized in lexicon.source_aliases.values())
        and source.lower() not in lexicon.attribution.pronouns.speakers
        and claim.text.lower() not in source.lower()
        and lexicon.canonical_predicate(claim.predicate) in measures
        and bool(reported.search(claim.sentence))
        and not _PARTITIVE_AFTER.match(claim.sentence[rel_end:])
        and not addition_before.search(claim.sentence[:rel_start])
    )


def one_age(claims: list[Claim], titles: frozenset[str]) -> np.ndarray:
    """Pairs giving one person's age (n x n, True = the same quantity): two ages of the same
    figure whose words do not name two different people ("Anthony LaCalamita, 38" and "a
    38-year-old male"). Inside one story an age is a person's signature; the classifier, made
    for counts, reads "male" and "LaCalamita" as two different things."""
    # Only ages given exactly: "under age 40" is a bracket, not someone's age.
    age = np.array([c.bound == Bound.exact and is_age(c) for c in claims])
    if age.sum() < 2:
        return np.zeros((len(claims), len(claims)), dtype=bool)
    point = np.array([c.value.point for c in claims])
    same = age[:, None] & age[None, :] & (point[:, None] == point[None, :]) & ~different_people(claims, titles)
    np.fill_diagonal(same, False)
    return same


def one_persons_ages(claims: list[Claim], anybody: frozenset[str], titles: frozenset[str]) -> np.ndarray:
    """Pairs giving the age of one named or described person, whatever the two ages are (n x n,
    True = the same quantity): "Anthony LaCalamita, 38" and "LaCalamita, 39", or "the gunman,
    a 38-year-old" and "the gunman, aged 39", are two accounts of one age, so that the compare
    stage sets 38 against 39. A name's words must all be in the other's ("Smith" / "John
    Smith", never "John Smith" / "Michael Smith"); a word for anybody ("a man, 38") is no one
    in particular (rules/lexicons/anybody.yml); ``titles`` are no part of a name."""
    n = len(claims)
    age = [c.bound == Bound.exact and is_age(c) for c in claims]
    same = np.zeros((n, n), dtype=bool)
    if sum(age) < 2:
        return same
    ages = [i for i in range(n) if age[i]]  # a partition holds hundreds of claims, a few ages
    names = {i: person_name(claims[i], titles) for i in ages}
    for x, i in enumerate(ages):
        for j in ages[x + 1 :]:
            if claims[i].article_id == claims[j].article_id:
                continue
            named = bool(names[i] and names[j]) and (names[i] <= names[j] or names[j] <= names[i])
            if named or (not names[i] and not names[j] and same_described_person(claims[i], claims[j], anybody)):
                same[i, j] = same[j, i] = True
    return same


# How far a conversion in brackets may stray from the figure it restates: "seven km (4
# miles)" is 6.4 km, rounded for the reader.
CONVERSION_SLACK = 0.15
_OPEN_BRACKET = re.compile(r"^\s*\(\s*(?:about|some|roughly|around|nearly|almost)?\s*$", re.I)


def restated_in_other_units(claims: list[Claim]) -> np.ndarray:
    """Pairs of a figure and its conversion in brackets right after it (n x n, True = the
    same quantity): "75 kilometers (50 miles)", "$ 108 million" after "85 million euros" is
    not one (no rate is known), "17:06 (13:36 GMT)" is a clock, not a unit."""
    n = len(claims)
    same = np.zeros((n, n), dtype=bool)
    order = sorted(range(n), key=lambda i: (claims[i].article_id, claims[i].start))
    for i, j in zip(order, order[1:]):
        if _converts(claims[i], claims[j]):
            same[i, j] = same[j, i] = True
    return same


def _converts(first: Claim, second: Claim) -> bool:
    if first.article_id != second.article_id or first.sentence_start != second.sentence_start:
        return False
    if not (first.unit and second.unit) or first.unit == second.unit:
        return False
    if canonical_unit(first.unit) != canonical_unit(second.unit):
        return False
    between = first.sentence[first.end - first.sentence_start : second.start - second.sentence_start]
    if not _OPEN_BRACKET.match(between):
        return False
    a, b = to_canonical(first.value, first.unit)[0].point, to_canonical(second.value, second.unit)[0].point
    return abs(a - b) <= CONVERSION_SLACK * max(abs(a), abs(b))
