"""Hard constraints of the aligner: pairs the classifier may not link, and the checks of
pairs that may not even meet through other claims (two periods, two events, one listed
beside another), which the rules of rules/align/ switch on (pair_rules.py).

Each function takes one partition's claims and returns an n x n boolean matrix.
"""

from __future__ import annotations

import re

import numpy as np

from checker.align.features import COLUMN, incidence, value_codes
from checker.align.values import values_disjoint
from checker.figure_words import WORD, words_beside
from checker.lexicon import Lexicon
from checker.models import Bound, Claim, QuantityKind
from checker.subjects import is_age, person_name
from checker.units import canonical_unit


# "over 170,000 of them in Aceh": a part named by its own place is that place's whole count.
_PLACE_OF_PART = re.compile(r"^\s*of\s+(?:them|those|these|whom)\s+(?:were\s+)?in\s+[A-Z]")


def is_part(claim: Claim) -> bool:
    """A figure that only counts part of an earlier one ("300,000 of those"), unless its own
    place makes it a count of its own ("over 170,000 of them in Aceh")."""
    if not claim.part_of:
        return False
    return not _PLACE_OF_PART.match(claim.sentence[claim.end - claim.sentence_start :])


def may_pair_matrix(claims: list[Claim]) -> np.ndarray:
    """Hard constraints inside a partition (n x n, True = may pair): never a claim with itself,
    a part ("300,000 of those") never with its whole, and a span of time never with a count
    or a measure ("within 24 hours" is not "two dozen schools", "with the Police Department
    for two decades" is not "two police officers"): only ages share a partition with counts,
    as they are written "38" and "38-year-old"."""
    part = np.array([is_part(c) for c in claims], dtype=bool)
    span = value_codes([_time_span(c) for c in claims])
    allowed = (part[:, None] == part[None, :]) & (span[:, None] == span[None, :])
    np.fill_diagonal(allowed, False)
    return allowed


def _time_span(claim: Claim) -> str:
    """"short" for hours, days or months, "years" for a span of years that is not an age,
    "" for anything else."""
    if claim.kind != QuantityKind.duration:
        return ""
    if canonical_unit(claim.unit) != "year":
        return "short"
    return "" if is_age(claim) else "years"


# Kinds whose figure counts no noun.
_UNCOUNTED_KINDS = frozenset({QuantityKind.measure, QuantityKind.time})
# Below this cosine, two specific counted phrases name different things (troops vs posts,
# outboard motors vs boats, sons vs clans). Raised from 0.3: leave-one-cluster-out over the 19
# gold files (single fits, one bag), traps grouped 25 -> 20 and alignment precision 0.915 -> 0.935, for alignment
# recall 0.728 -> 0.712 (the pairs below 0.4 that are one thing are mostly other words for
# people, which the outcome exception keeps).
COUNTED_COSINE_FLOOR = 0.4


def cannot_link(claims: list[Claim], features: np.ndarray, lexicon: Lexicon) -> np.ndarray:
    """Pairs that count different things, so the classifier may not link them (n x n, True =
    forbidden); they may still meet through others, unlike :func:`never_together`.

    Both claims say what they count, and the things differ: the lexicon puts them in
    different sets (soldiers vs civilians), or, both being specific, their embeddings are
    far apart (Turkish soldiers vs military observation posts). Such a pair sharing a
    number is the classic trap of a checker.
    """
    # A measure (75 km, 7.6 magnitude) is in its unit, and a clock time is a time: the noun
    # the parser finds next to it ("kilometre", "local time", "shallow quake") is not a thing
    # it counts. Money keeps its noun: a bid, a deal and a revenue are different sums.
    specific = np.array([
        bool(c.counted_head) and not lexicon.is_generic_head(c.counted_head) and c.kind not in _UNCOUNTED_KINDS
        for c in claims
    ])
    both_specific = specific[:, None] & specific[None, :]
    # Only words the counted lexicon knows can conflict for certain: "offer" vs "contract" or
    # "man" vs "wounded" are just other words (often a parse's choice of head), not two sets.
    known = np.array([lexicon.counted_known(c.counted_head) for c in claims])
    lexicon_conflict = (features[:, :, COLUMN["counted_conflict"]] > 0) & (known[:, None] | known[None, :])
    same = features[:, :, COLUMN["counted_same"]] > 0
    far = features[:, :, COLUMN["counted_cosine"]] < COUNTED_COSINE_FLOOR
    # Unless it looks like one event told two ways: the same figure, the same event word,
    # the same nationality ("eight Turkish soldiers" / "eight Turkish workers" killed):
    # that pair must stay together so the compare stage can say what was counted differs.
    same_figure_and_event = (features[:, :, COLUMN["same_point"]] > 0) & (features[:, :, COLUMN["predicate_same"]] > 0)
    one_event = same_figure_and_event & (features[:, :, COLUMN["proper_modifier_shared"]] > 0)
    # The same number of people killed (or wounded) in one story is one set of victims told
    # in other words ("two men" / "two managing partners" wounded): words far apart in the
    # embedding do not split them; only the lexicon's sets do (soldiers vs civilians). The
    # outcome is the figure's verb or the word beside it ("the two wounded men requested").
    outcome = np.array([_outcome_of_figure(c, lexicon) for c in claims], dtype=object)
    same_outcome = (outcome[:, None] == outcome[None, :]) & (outcome != "")[:, None]
    same_victims = (features[:, :, COLUMN["same_point"]] > 0) & same_outcome
    # Likewise the same figure with the same verb ("offered an eight-year contract" / "made an
    # eight-year offer"): two nouns the embedding sets apart are one thing told two ways
    # unless the lexicon says otherwise.
    counted_veto = both_specific & (lexicon_conflict | (far & ~same & ~same_victims & ~same_figure_and_event)) & ~one_event
    # Two ages: the word beside the number names a person ("Anthony LaCalamita, 38", "a
    # 38-year-old man"), and any two words may name one person; only two names differ.
    age = np.array([is_age(c) for c in claims])
    both_ages = age[:, None] & age[None, :]
    return np.where(both_ages, different_people(claims, lexicon.name_titles), counted_veto)


def different_people(claims: list[Claim], titles: frozenset[str]) -> np.ndarray:
    """Pairs whose counted words are both names and share no word (n x n): Riva vs Kafoury
    (``titles`` are no part of a name)."""
    names = incidence([person_name(c, titles) for c in claims])
    named = names.sum(axis=1) > 0
    return named[:, None] & named[None, :] & ((names @ names.T) == 0)


def years_naming_different_things(claims: list[Claim]) -> np.ndarray:
    """Pairs of years that each name which thing a noun is, with different values (n x n,
    True = apart): "the 2017 Astana agreement" and "a 2018 de-escalation agreement" are two
    agreements, as "the 2016 election" and "the 2020 election" are two elections, not two
    dates of one."""
    naming = np.array([_names_its_noun(c) for c in claims], dtype=bool)
    years = np.array([c.value.point for c in claims])
    return naming[:, None] & naming[None, :] & (years[:, None] != years[None, :])


def _names_its_noun(claim: Claim) -> bool:
    """A year written right before the noun it modifies ("the 2017 Astana agreement")."""
    if claim.kind != QuantityKind.year or not claim.counted:
        return False
    after = "".join(claim.sentence[claim.end - claim.sentence_start :].split())
    return after.startswith("".join(claim.counted.split()))


def different_events(claims: list[Claim], lexicon: Lexicon) -> np.ndarray:
    """Pairs counting two outcomes (the dead, the wounded, the arrested, the displaced, what
    was damaged or fired: rules/lexicons/outcome_events.yml), as the words next to each
    number say (n x n, True = apart).

    "Killed more than 50 people" and "left more 50 people with serious injuries" share a
    number and a topic but never a quantity. The sentence's predicate is no proof (in "two
    wounded men were taken to hospital" it is "take"), so only an outcome word right beside
    the number counts, and only one that is the sole outcome there.
    """
    n = len(claims)
    outcome = np.array([_adjacent_outcome(c, lexicon) or "" for c in claims], dtype=object)
    known = outcome != ""
    if known.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    return known[:, None] & known[None, :] & (outcome[:, None] != outcome[None, :])


_LOWER_BOUNDS = frozenset({Bound.at_least, Bound.more_than})
_UPPER_BOUNDS = frozenset({Bound.at_most, Bound.less_than})


def listed_in_one_sentence(claims: list[Claim]) -> np.ndarray:
    """Pairs of different figures one source gives in one sentence (n x n, True = apart).

    "Two sons, 11 and 14", "a 47-year-old man and a 48-year-old man", "two quakes, measuring
    7.6 and 7.4": a sentence lists different figures for different things. The same figure
    in two units (a conversion in brackets), two clock times (time zones) and the two ends
    of a range ("at least $160 million ... as much as $180 million") are not such a list.
    """
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for i, claim in enumerate(claims):
        if claim.kind != QuantityKind.time:
            by_sentence.setdefault((claim.article_id, claim.sentence_start), []).append(i)
    for members in by_sentence.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if _two_listed_figures(claims[i], claims[j]):
                    apart[i, j] = apart[j, i] = True
    return apart


def one_articles_timeline(claims: list[Claim]) -> np.ndarray:
    """Clock times one article gives in different sentences that differ (n x n, True =
    apart): an article tells its timeline once ("left their apartment around 10.30 p.m." ...
    "the call came at 10.46 p.m."), so two of its clock times are two moments of the story,
    not two accounts of one. Two times in one sentence are left to listed_in_one_sentence
    (a time and its time zone's)."""
    n = len(claims)
    is_time = np.array([c.kind == QuantityKind.time for c in claims], dtype=bool)
    if is_time.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    article = np.array([hash(c.article_id) for c in claims])
    sentence = np.array([c.sentence_start for c in claims])
    return (is_time[:, None] & is_time[None, :] & (article[:, None] == article[None, :])
            & (sentence[:, None] != sentence[None, :]) & values_disjoint([c.value for c in claims]))


def _two_listed_figures(a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or a.attribution.source_normalized != b.attribution.source_normalized:
        return False
    if a.unit != b.unit:
        return False  # "seven km (4 miles)": a conversion, however roughly rounded
    if {a.bound, b.bound} & _LOWER_BOUNDS and {a.bound, b.bound} & _UPPER_BOUNDS:
        return False  # the two ends of one range
    return a.value.disjoint(b.value)


def _adjacent_outcome(claim: Claim, lexicon: Lexicon) -> str | None:
    """The one outcome event (rules/lexicons/outcome_events.yml) written right beside a head count, else None."""
    if claim.kind.value != "count":
        return None
    before, after = words_beside(claim, chars=80)
    # The counted phrase is the number's own noun phrase wherever the parser found it
    # ("put the death toll of the shelling at 40").
    counted = WORD.findall(claim.counted or "")
    found = {event for w in before + after + counted if (event := _outcome_of(w, lexicon)) is not None}
    return found.pop() if len(found) == 1 else None


def is_toll(claim: Claim, lexicon: Lexicon) -> bool:
    """The figure counts the dead or the wounded."""
    return _outcome_of_figure(claim, lexicon) != ""


def _outcome_of_figure(claim: Claim, lexicon: Lexicon) -> str:
    """The toll event (rules/lexicons/toll_events.yml: kill, wound) the word beside the
    number names, else the one its verb names, else ""."""
    predicate = lexicon.canonical_predicate(claim.predicate)
    beside = _adjacent_outcome(claim, lexicon)
    if beside is not None:
        return beside if beside in lexicon.toll_events else ""
    return predicate if predicate in lexicon.toll_events else ""


def is_flight(claim: Claim, lexicon: Lexicon) -> bool:
    """The claim's verb is one of the lexicon's words for fleeing ("fled", "forced")."""
    return lexicon.canonical_predicate(claim.predicate) == lexicon.canonical_predicate("fled")


def _outcome_of(word: str, lexicon: Lexicon) -> str | None:
    """The outcome event a word names (killed, wounded, fired, ...), with crude inflection ("killing")."""
    w = word.lower()
    for form in (w, w.removesuffix("ing"), w.removesuffix("s"), w.removesuffix("ed")):
        if form in lexicon.predicate_canonical:
            event = lexicon.predicate_canonical[form]
            return event if event in lexicon.outcome_events else None
    return None


# Two periods this far apart are two periods, not one period written loosely ("early March"
# vs "Monday 9 April"): a week covers a weekday resolved against the wrong publication date.
PERIOD_GAP_DAYS = 7
# A year or a month's name anywhere in a sentence: a figure of a sentence with none is of the
# story's own time (past_and_present).
_CALENDAR_WORD = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I
)


def distant_calendar_periods(claims: list[Claim]) -> np.ndarray:
    """Pairs whose time scopes are disjoint windows more than PERIOD_GAP_DAYS apart, one of
    them named by the calendar (a month or a year, named or counted back from the writing),
    so neither is a guess from a weekday (TimeScope.calendar, read at extract).

    "Three people were wounded in early March" and "three people were shot on Monday"
    (April 9) are two incidents; a toll for 2002 is not the toll for 2004; "last year's
    8.6-magnitude quake" is not Tuesday's.
    """
    n = len(claims)
    start = np.array([_ordinal(c.scope.start) for c in claims])
    end = np.array([_ordinal(c.scope.end) for c in claims])
    calendar = np.array([c.scope.calendar is not None for c in claims])
    known = ~np.isnan(start) & ~np.isnan(end)
    if not known.any():
        return np.zeros((n, n), dtype=bool)
    gap = np.maximum(start[None, :] - end[:, None], start[:, None] - end[None, :])
    both = known[:, None] & known[None, :]
    return both & (np.nan_to_num(gap) > PERIOD_GAP_DAYS) & (calendar[:, None] | calendar[None, :])


# A figure dated this many years before the latest year the story dates a figure to is
# history (an earlier quake, a 1996 massacre), not this story's news; a year less may be
# last year's revenue, which reports often give without a date.
HISTORY_GAP_YEARS = 2


def past_and_present(claims: list[Claim]) -> np.ndarray:
    """Pairs of a figure dated to the calendar years back and a figure of the story's own
    time, one with no date at all in its sentence (n x n, True = apart).

    "The largest recorded at magnitude 7.6" on Oct. 10, 2002 is not "the first 7.6-magnitude
    quake struck"; "28 Lebanese civilians killed in 1996" is not "some 30 people killed". The
    story's time is the latest calendar year its figures are dated to, as articles may carry
    no publication date.
    """
    n = len(claims)
    dated = np.array([bool(c.scope.end) and c.scope.calendar == "named" for c in claims])
    if not dated.any():
        return np.zeros((n, n), dtype=bool)
    years = np.array([c.scope.end.year if d else 0 for c, d in zip(claims, dated)])
    historic = dated & (years <= years.max() - HISTORY_GAP_YEARS)
    present = np.array([not c.scope.text and not _CALENDAR_WORD.search(c.sentence) for c in claims])
    apart = historic[:, None] & present[None, :]
    return apart | apart.T


def _ordinal(day) -> float:
    return float(day.toordinal()) if day else float("nan")


_SHARES = re.compile(r"\b(?:shares?|stocks?|share price|stock price)\b", re.I)


def market_prices_of_other_days(claims: list[Claim], moves: frozenset[str]) -> np.ndarray:
    """Pairs of share prices or price moves not known to be of the same trading day.

    A closing price or a day's drop holds for one session: "HP shares dropped $2.49" and
    "HP shares sagged $2.56 Tuesday" may be Monday's and Tuesday's moves, so they are one
    quantity only when both name the same day (or neither names one). ``moves``: the verbs
    that report a price or its move (rules/lexicons/market_moves.yml).
    """
    n = len(claims)
    market = np.array([_is_market_move(c, moves) for c in claims])
    if market.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    days = value_codes([_day_key(c) for c in claims])  # no day is a key of its own
    return market[:, None] & market[None, :] & (days[:, None] != days[None, :])


def _is_market_move(claim: Claim, moves: frozenset[str]) -> bool:
    """A money or percent figure reported with a market verb in a sentence about shares."""
    return (
        claim.kind.value in ("money", "percent")
        and (claim.predicate or "").lower() in moves
        and bool(_SHARES.search(claim.sentence))
    )


def _day_key(claim: Claim):
    """The day a claim is dated to: the resolved date, else the phrase itself, else None."""
    s = claim.scope
    if s.start and s.end and s.start == s.end:
        return s.start
    return s.text.lower().removeprefix("on ").strip() if s.text else None
