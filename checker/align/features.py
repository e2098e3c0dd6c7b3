"""Pair features for the same-quantity classifier, and the hard constraints that forbid a pair.

Every feature is a number in [0, 1] (or a small clipped range) so the logistic model's
weights stay readable; FEATURE_NAMES fixes their order in the trained model file.
"""

from __future__ import annotations

import math
import re

import numpy as np

from checker.lexicon import Lexicon, is_generic_head
from checker.models import Bound, Claim, QuantityKind
from checker.subjects import is_age, person_name
from checker.units import canonical_unit

FEATURE_NAMES = (
    "frame_cosine",
    "context_cosine",
    "counted_same",
    "counted_conflict",
    "predicate_same",
    "predicate_nested",
    "predicate_conflict",
    "log_ratio",
    "values_overlap",
    "vague_pair",
    "scope_disjoint",
    "same_article",
    "place_conflict",
    "anaphoric",
    "counted_jaccard",
    "proper_modifier_conflict",
    "same_point",
    "both_counted",
    "kind_same",
    "unit_same",
    "counted_cosine",
    "names_jaccard",
    "names_conflict",
    "proper_modifier_shared",
)
_COLUMN = {name: index for index, name in enumerate(FEATURE_NAMES)}



def may_pair_matrix(claims: list[Claim]) -> np.ndarray:
    """Hard constraints inside a partition (n x n, True = may pair): never a claim with itself,
    a part ("300,000 of those") never with its whole, and a span of hours, days or months
    never with a count or a measure ("within 24 hours" is not "two dozen schools"; only years
    share a partition with counts, as ages are written "38" and "38-year-old")."""
    part = np.array([bool(c.part_of) for c in claims], dtype=bool)
    span = np.array([_short_time_span(c) for c in claims], dtype=bool)
    allowed = (part[:, None] == part[None, :]) & (span[:, None] == span[None, :])
    np.fill_diagonal(allowed, False)
    return allowed


def _short_time_span(claim: Claim) -> bool:
    return claim.kind == QuantityKind.duration and canonical_unit(claim.unit) != "year"


def allowed_pairs(claims: list[Claim], features: np.ndarray, lexicon: Lexicon) -> np.ndarray:
    """Pairs that may share a group: the hard constraints and no cannot-link (n x n).
    Rival accounts (:func:`rival_accounts`) may pair whatever their counted words say."""
    vetoed = cannot_link(claims, features, lexicon) & ~rival_accounts(claims, lexicon)
    return may_pair_matrix(claims) & ~(vetoed | never_together(claims, lexicon))


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
    candidate = np.array([_tells_an_account(c, lexicon, measures) for c in claims])
    if candidate.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    article = _codes([c.article_id for c in claims])
    source = _codes([c.attribution.source_normalized for c in claims])
    kind = _codes([c.kind.value for c in claims])
    start = np.array([c.sentence_start for c in claims])
    end = start + np.array([len(c.sentence) for c in claims])
    point = np.array([c.value.point for c in claims])
    # Sentence b starts where sentence a ends (give or take a space or a paragraph break).
    follows = (start[None, :] - end[:, None] >= 0) & (start[None, :] - end[:, None] <= _NEXT_SENTENCE_GAP)
    adjacent = (start[:, None] == start[None, :]) | follows | follows.T
    related = np.isin(_relation_matrix([c.predicate for c in claims], lexicon.predicate_relation), (_SAME, _NESTED))
    place = _codes([c.place.lower() if c.place else None for c in claims])
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
# A sentence that reports what someone says: the side whose account the figure is.
_REPORTED = re.compile(r"\b(?:said|says|say|according to|claimed|claims|claim|reported|reports|told|estimated|estimates|counted|confirmed)\b", re.I)
# "One of the fatalities": a figure that picks some out of others, not a count of its own.
_PARTITIVE_AFTER = re.compile(r"^\s*(?:of|out of)\s+(?:the|them|those|these)\b", re.I)
_NOT_A_SIDE = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them"})


# "Another two people", "three more": an addition to a figure given before, not an account.
_ADDITION_BEFORE = re.compile(r"\b(?:another|other|additional|further)\s*$", re.I)


def _casualty_measures(lexicon: Lexicon) -> frozenset[str]:
    """The killed, the wounded, and the broader measures that count them (neutralized,
    casualties): what rival sides of a conflict give their own figures for."""
    outcomes = frozenset(OUTCOME_EVENTS)
    return outcomes | frozenset(p for p, narrower in lexicon.predicate_broader.items() if outcomes & narrower)


def _tells_an_account(claim: Claim, lexicon: Lexicon, measures: frozenset[str]) -> bool:
    """A whole figure for a casualty measure, in a sentence that reports the words of a
    side named in it (not "he", not the counted people themselves)."""
    source = claim.attribution.source or ""
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return (
        not claim.part_of
        and (source[:1].isupper() or claim.attribution.source_normalized in lexicon.source_aliases.values())
        and source.lower() not in _NOT_A_SIDE
        and claim.text.lower() not in source.lower()
        and lexicon.canonical_predicate(claim.predicate) in measures
        and bool(_REPORTED.search(claim.sentence))
        and not _PARTITIVE_AFTER.match(claim.sentence[rel_end:])
        and not _ADDITION_BEFORE.search(claim.sentence[:rel_start])
    )


def _codes(values: list) -> np.ndarray:
    """One integer per distinct value, so equality of all pairs is one array comparison."""
    index: dict[object, int] = {}
    return np.array([index.setdefault(v, len(index)) for v in values])


# Below this cosine, two specific counted phrases name different things (troops vs posts).
COUNTED_COSINE_FLOOR = 0.3


def cannot_link(claims: list[Claim], features: np.ndarray, lexicon: Lexicon) -> np.ndarray:
    """Pairs that count different things, so the classifier may not link them (n x n, True =
    forbidden); they may still meet through others, unlike :func:`never_together`.

    Both claims say what they count, and the things differ: the lexicon puts them in
    different sets (soldiers vs civilians), or, both being specific, their embeddings are
    far apart (Turkish soldiers vs military observation posts). Such a pair sharing a
    number is the classic trap of a checker.
    """
    specific = np.array([bool(c.counted_head) and not is_generic_head(c.counted_head) for c in claims])
    both_specific = specific[:, None] & specific[None, :]
    # Only words the counted lexicon knows can conflict for certain: "offer" vs "contract" or
    # "man" vs "wounded" are just other words (often a parse's choice of head), not two sets.
    known = np.array([lexicon.counted_known(c.counted_head) for c in claims])
    lexicon_conflict = (features[:, :, _COLUMN["counted_conflict"]] > 0) & (known[:, None] | known[None, :])
    same = features[:, :, _COLUMN["counted_same"]] > 0
    far = features[:, :, _COLUMN["counted_cosine"]] < COUNTED_COSINE_FLOOR
    # Unless it looks like one event told two ways: the same figure, the same event word,
    # the same nationality ("eight Turkish soldiers" / "eight Turkish workers" killed):
    # that pair must stay together so the compare stage can say what was counted differs.
    one_event = (
        (features[:, :, _COLUMN["same_point"]] > 0)
        & (features[:, :, _COLUMN["predicate_same"]] > 0)
        & (features[:, :, _COLUMN["proper_modifier_shared"]] > 0)
    )
    # The same number of people killed (or wounded) in one story is one set of victims told
    # in other words ("two men" / "two managing partners" wounded): words far apart in the
    # embedding do not split them; only the lexicon's sets do (soldiers vs civilians).
    outcome = np.array([lexicon.canonical_predicate(c.predicate) in OUTCOME_EVENTS for c in claims])
    same_victims = (
        (features[:, :, _COLUMN["same_point"]] > 0)
        & (features[:, :, _COLUMN["predicate_same"]] > 0)
        & outcome[:, None] & outcome[None, :]
    )
    counted_veto = both_specific & (lexicon_conflict | (far & ~same & ~same_victims)) & ~one_event
    # Two ages: the word beside the number names a person ("Anthony LaCalamita, 38", "a
    # 38-year-old man"), and any two words may name one person; only two names differ.
    age = np.array([is_age(c) for c in claims])
    both_ages = age[:, None] & age[None, :]
    return np.where(both_ages, _different_people(claims), counted_veto)


def _different_people(claims: list[Claim]) -> np.ndarray:
    """Pairs whose counted words are both names and share no word (n x n): Riva vs Kafoury."""
    names = _incidence([person_name(c) for c in claims])
    named = names.sum(axis=1) > 0
    return named[:, None] & named[None, :] & ((names @ names.T) == 0)


def one_age(claims: list[Claim]) -> np.ndarray:
    """Pairs giving one person's age (n x n, True = the same quantity): two ages of the same
    figure whose words do not name two different people ("Anthony LaCalamita, 38" and "a
    38-year-old male"). Inside one story an age is a person's signature; the classifier, made
    for counts, reads "male" and "LaCalamita" as two different things."""
    # Only ages given exactly: "under age 40" is a bracket, not someone's age.
    age = np.array([c.bound == Bound.exact and is_age(c) for c in claims])
    if age.sum() < 2:
        return np.zeros((len(claims), len(claims)), dtype=bool)
    point = np.array([c.value.point for c in claims])
    same = age[:, None] & age[None, :] & (point[:, None] == point[None, :]) & ~_different_people(claims)
    np.fill_diagonal(same, False)
    return same




def never_together(claims: list[Claim], lexicon: Lexicon | None = None) -> np.ndarray:
    """Pairs that may not even meet through other claims (n x n, True = apart): figures of
    two different times, or of two different events. A group holding both would set one
    period against the other, or the dead against the wounded."""
    apart = distant_calendar_periods(claims) | market_prices_of_other_days(claims) | past_and_present(claims)
    apart |= sums_and_their_parts(claims) | listed_in_one_sentence(claims)
    if lexicon is not None:
        apart |= different_events(claims, lexicon)
    return apart


def different_events(claims: list[Claim], lexicon: Lexicon) -> np.ndarray:
    """Pairs counting the dead and the wounded, as the words next to each number say
    (n x n, True = apart).

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


def _two_listed_figures(a: Claim, b: Claim) -> bool:
    if a.kind != b.kind or a.attribution.source_normalized != b.attribution.source_normalized:
        return False
    if a.unit != b.unit:
        return False  # "seven km (4 miles)": a conversion, however roughly rounded
    if {a.bound, b.bound} & _LOWER_BOUNDS and {a.bound, b.bound} & _UPPER_BOUNDS:
        return False  # the two ends of one range
    # Disjoint intervals: "7.6 and 7.5 magnitude quakes" are two quakes, while "about 40" and
    # "42" may be one toll written twice.
    return b.value.low > a.value.high or a.value.low > b.value.high


# Words that make a figure the sum over several parts ("a combined 157 games with the Angels
# and Braves", "60 people in all"), when written right beside the number.
_SUM_WORDS = frozenset({"combined", "altogether", "cumulative", "cumulatively"})
_SUM_PHRASES = (("in", "all"), ("all", "told"), ("between", "them"), ("in", "total"))


def sums_and_their_parts(claims: list[Claim]) -> np.ndarray:
    """Pairs of a figure marked as a sum over parts and a different figure not so marked
    (n x n, True = apart): "54 games with the Angels" is part of "a combined 157 games with
    the Angels and Braves", not a rival count of it. Equal figures may still meet (the same
    total, once marked and once not)."""
    n = len(claims)
    is_sum = np.array([_marked_as_sum(c) for c in claims])
    if not is_sum.any() or is_sum.all():
        return np.zeros((n, n), dtype=bool)
    low = np.array([c.value.low for c in claims])
    high = np.array([c.value.high for c in claims])
    disjoint = (high[:, None] < low[None, :]) | (high[None, :] < low[:, None])
    return (is_sum[:, None] != is_sum[None, :]) & disjoint


def _marked_as_sum(claim: Claim) -> bool:
    """A sum word right beside the number, inside its clause ("a combined 157", "60 in all")."""
    before, after = _words_beside(claim, chars=60)
    words = [w.lower() for w in reversed(before)] + ["#"] + [w.lower() for w in after]
    if _SUM_WORDS.intersection(words):
        return True
    return any(words[i : i + 2] == list(phrase) for phrase in _SUM_PHRASES for i in range(len(words) - 1))


# What befalls the people counted, so that one figure never counts two of them.
OUTCOME_EVENTS = ("kill", "wound")
# Words either side of the number that still describe it ("killed more than 50 people",
# "55 others injured", "50 people with serious injuries"), up to a clause break.
_WORDS_BEFORE, _WORDS_AFTER = 3, 4
_WORD = re.compile(r"[A-Za-z]+|[,;:.!?()\"]")
_CLAUSE_BREAK = frozenset({",", ";", ":", ".", "!", "?", "(", ")", '"', "and", "or", "but", "while", "as"})


def _adjacent_outcome(claim: Claim, lexicon: Lexicon) -> str | None:
    """The one outcome (killed or wounded) written right beside a head count, else None."""
    if claim.kind.value != "count":
        return None
    before, after = _words_beside(claim, chars=80)
    found = {event for w in before + after if (event := _outcome_of(w, lexicon)) is not None}
    return found.pop() if len(found) == 1 else None


def _words_beside(claim: Claim, chars: int) -> tuple[list[str], list[str]]:
    """The words that still describe the number: up to _WORDS_BEFORE before it
    (nearest first) and _WORDS_AFTER after it, within ``chars`` characters and
    stopping at a clause break."""
    rel_start, rel_end = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    before = _WORD.findall(claim.sentence[max(0, rel_start - chars) : max(0, rel_start)])
    after = _WORD.findall(claim.sentence[rel_end : rel_end + chars])
    return _up_to_break(list(reversed(before)), _WORDS_BEFORE), _up_to_break(after, _WORDS_AFTER)


def _up_to_break(words: list[str], limit: int) -> list[str]:
    kept = []
    for word in words[:limit]:
        if word.lower() in _CLAUSE_BREAK:
            break
        kept.append(word)
    return kept


def _outcome_of(word: str, lexicon: Lexicon) -> str | None:
    """kill / wound for a word of those lexicon sets, with crude inflection ("killing")."""
    w = word.lower()
    for form in (w, w.removesuffix("ing"), w.removesuffix("s"), w.removesuffix("ed")):
        if form in lexicon.predicate_canonical:
            event = lexicon.predicate_canonical[form]
            return event if event in OUTCOME_EVENTS else None
    return None


# Two periods this far apart are two periods, not one period written loosely ("early March"
# vs "Monday 9 April"): a week covers a weekday resolved against the wrong publication date.
PERIOD_GAP_DAYS = 7
_CALENDAR_WORD = re.compile(
    r"\b(?:1[89]|20)\d\d\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I
)


def distant_calendar_periods(claims: list[Claim]) -> np.ndarray:
    """Pairs whose time scopes are disjoint windows more than PERIOD_GAP_DAYS apart, one of
    them named by the calendar (a month or a year), so neither is a guess from a weekday.

    "Three people were wounded in early March" and "three people were shot on Monday"
    (April 9) are two incidents; a toll for 2002 is not the toll for 2004.
    """
    n = len(claims)
    start = np.array([_ordinal(c.scope.start) for c in claims])
    end = np.array([_ordinal(c.scope.end) for c in claims])
    calendar = np.array([bool(c.scope.text and _CALENDAR_WORD.search(c.scope.text)) for c in claims])
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
    dated = np.array([bool(c.scope.end and c.scope.text and _CALENDAR_WORD.search(c.scope.text)) for c in claims])
    if not dated.any():
        return np.zeros((n, n), dtype=bool)
    years = np.array([c.scope.end.year if d else 0 for c, d in zip(claims, dated)])
    historic = dated & (years <= years.max() - HISTORY_GAP_YEARS)
    present = np.array([not c.scope.text and not _CALENDAR_WORD.search(c.sentence) for c in claims])
    apart = historic[:, None] & present[None, :]
    return apart | apart.T


def _ordinal(day) -> float:
    return float(day.toordinal()) if day else float("nan")


# Verbs that report a market price or its move over one trading session.
MARKET_MOVES = frozenset({
    "close", "finish", "open", "end", "trade", "rise", "fall", "drop", "sag", "slip", "slide", "gain",
    "add", "soar", "jump", "climb", "surge", "plunge", "tumble", "dip", "sink", "rally", "edge",
})
_SHARES = re.compile(r"\b(?:shares?|stocks?|share price|stock price)\b", re.I)


def market_prices_of_other_days(claims: list[Claim]) -> np.ndarray:
    """Pairs of share prices or price moves not known to be of the same trading day.

    A closing price or a day's drop holds for one session: "HP shares dropped $2.49" and
    "HP shares sagged $2.56 Tuesday" may be Monday's and Tuesday's moves, so they are one
    quantity only when both name the same day (or neither names one).
    """
    n = len(claims)
    market = np.array([_is_market_move(c) for c in claims])
    if market.sum() < 2:
        return np.zeros((n, n), dtype=bool)
    days = _codes([_day_key(c) for c in claims])  # no day is a key of its own
    return market[:, None] & market[None, :] & (days[:, None] != days[None, :])


def _is_market_move(claim: Claim) -> bool:
    """A money or percent figure reported with a market verb in a sentence about shares."""
    return (
        claim.kind.value in ("money", "percent")
        and (claim.predicate or "").lower() in MARKET_MOVES
        and bool(_SHARES.search(claim.sentence))
    )


def _day_key(claim: Claim):
    """The day a claim is dated to: the resolved date, else the phrase itself, else None."""
    s = claim.scope
    if s.start and s.end and s.start == s.end:
        return s.start
    return s.text.lower().removeprefix("on ").strip() if s.text else None


def feature_tensor(
    claims: list[Claim],
    frame_sim: np.ndarray,
    context_sim: np.ndarray,
    counted_sim: np.ndarray,
    lexicon: Lexicon,
) -> np.ndarray:
    """Features of every pair of ``claims`` as an (n, n, F) array, in FEATURE_NAMES order.

    Vectorised over pairs: a story can hold hundreds of claims.
    """
    n = len(claims)
    counted = _relation_matrix([c.counted_head for c in claims], lexicon.counted_relation)
    predicate = _relation_matrix([c.predicate for c in claims], lexicon.predicate_relation)
    logs = np.array([math.log10(abs(c.value.point)) if c.value.point else -1.0 for c in claims])
    low = np.array([c.value.low for c in claims])
    high = np.array([c.value.high for c in claims])
    vague = np.array([c.vague for c in claims])
    article = np.array([hash(c.article_id) for c in claims])
    part = np.array([bool(c.part_of) for c in claims])
    day = np.array([_single_day(c) for c in claims], dtype=np.float64)
    place = [c.place.lower() if c.place else None for c in claims]
    place_ids = np.array([hash(p) if p else 0 for p in place])
    has_place = np.array([p is not None for p in place])

    # float32: what scikit-learn trees compare in (it casts to float32), at half the memory
    # of float64 (a 1,500-claim partition is 1,500 x 1,500 x 24 values).
    features = np.zeros((n, n, len(FEATURE_NAMES)), dtype=np.float32)
    features[:, :, _COLUMN["frame_cosine"]] = frame_sim
    features[:, :, _COLUMN["context_cosine"]] = context_sim
    features[:, :, _COLUMN["counted_same"]] = counted == _SAME
    features[:, :, _COLUMN["counted_conflict"]] = counted == _UNRELATED
    features[:, :, _COLUMN["predicate_same"]] = predicate == _SAME
    features[:, :, _COLUMN["predicate_nested"]] = predicate == _NESTED
    features[:, :, _COLUMN["predicate_conflict"]] = predicate == _UNRELATED
    features[:, :, _COLUMN["log_ratio"]] = np.minimum(np.abs(logs[:, None] - logs[None, :]), 3.0) / 3.0
    features[:, :, _COLUMN["values_overlap"]] = (low[:, None] <= high[None, :]) & (low[None, :] <= high[:, None])
    features[:, :, _COLUMN["vague_pair"]] = vague[:, None] | vague[None, :]
    both_days = ~np.isnan(day)[:, None] & ~np.isnan(day)[None, :]
    features[:, :, _COLUMN["scope_disjoint"]] = both_days & (np.abs(np.nan_to_num(day)[:, None] - np.nan_to_num(day)[None, :]) > 1)
    features[:, :, _COLUMN["same_article"]] = article[:, None] == article[None, :]
    features[:, :, _COLUMN["place_conflict"]] = has_place[:, None] & has_place[None, :] & (place_ids[:, None] != place_ids[None, :])
    features[:, :, _COLUMN["anaphoric"]] = part[:, None] | part[None, :]
    words = _incidence([_content_words(c.counted) for c in claims])
    shared = words @ words.T
    sizes = words.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    features[:, :, _COLUMN["counted_jaccard"]] = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    proper = _incidence([{w for w in _raw_words(c.counted) if w[:1].isupper()} for c in claims])
    has_proper = proper.sum(axis=1) > 0
    shared_proper = proper @ proper.T
    features[:, :, _COLUMN["proper_modifier_conflict"]] = has_proper[:, None] & has_proper[None, :] & (shared_proper == 0)
    features[:, :, _COLUMN["proper_modifier_shared"]] = shared_proper > 0
    points = np.array([c.value.point for c in claims])
    features[:, :, _COLUMN["same_point"]] = points[:, None] == points[None, :]
    counted_known = np.array([c.counted_head is not None for c in claims])
    features[:, :, _COLUMN["both_counted"]] = counted_known[:, None] & counted_known[None, :]
    kinds = np.array([hash(c.kind.value) for c in claims])
    features[:, :, _COLUMN["kind_same"]] = kinds[:, None] == kinds[None, :]
    units = np.array([hash(canonical_unit(c.unit)) for c in claims])
    features[:, :, _COLUMN["unit_same"]] = units[:, None] == units[None, :]
    features[:, :, _COLUMN["counted_cosine"]] = np.where(counted_known[:, None] & counted_known[None, :], counted_sim, 0.0)
    # Names near the number tell whose figure it is: the Angels' offer, not the Nationals'.
    names = _incidence([_names_near(c) for c in claims])
    shared_names = names @ names.T
    name_sizes = names.sum(axis=1)
    name_union = name_sizes[:, None] + name_sizes[None, :] - shared_names
    features[:, :, _COLUMN["names_jaccard"]] = np.divide(shared_names, name_union, out=np.zeros_like(shared_names), where=name_union > 0)
    has_names = name_sizes > 0
    features[:, :, _COLUMN["names_conflict"]] = has_names[:, None] & has_names[None, :] & (shared_names == 0)
    return features


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_NAME_WINDOW = 80


def _names_near(claim: Claim) -> set[str]:
    """Capitalised words (not sentence-initial) within a window around the number."""
    rel = claim.start - claim.sentence_start
    window_start = max(0, rel - _NAME_WINDOW)
    window = claim.sentence[window_start : rel + (claim.end - claim.start) + _NAME_WINDOW]
    return {m.group(0).lower() for m in _NAME.finditer(window) if m.start() + window_start > 0}


def _incidence(word_sets: list[set[str]]) -> np.ndarray:
    """Binary claim x word matrix, so set overlaps of all pairs are one matrix product."""
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*word_sets)))} if word_sets else {}
    matrix = np.zeros((len(word_sets), max(1, len(vocabulary))), dtype=np.float64)
    for row, ws in enumerate(word_sets):
        for w in ws:
            matrix[row, vocabulary[w]] = 1.0
    return matrix


def _raw_words(phrase: str | None) -> list[str]:
    return phrase.split() if phrase else []


def _content_words(phrase: str | None) -> set[str]:
    """Lower-cased words of a counted phrase, crude plural folded ("soldiers" ~ "soldier")."""
    return {w.lower().rstrip("s") for w in _raw_words(phrase) if len(w) > 2}


_SAME, _NESTED, _UNRELATED, _UNKNOWN = 1, 2, 3, 0
_RELATION_CODES = {"same": _SAME, "broader": _NESTED, "narrower": _NESTED, "unrelated": _UNRELATED, "unknown": _UNKNOWN}


def _relation_matrix(words: list[str | None], relation) -> np.ndarray:
    """Relation codes between every pair of words, computed once per distinct pair of words."""
    distinct = sorted({w for w in words if w})
    index = {w: i for i, w in enumerate(distinct)}
    table = np.zeros((len(distinct) + 1, len(distinct) + 1), dtype=np.int8)
    for i, a in enumerate(distinct):
        for j, b in enumerate(distinct):
            table[i, j] = _RELATION_CODES[relation(a, b)]
    ids = np.array([index[w] if w else len(distinct) for w in words])
    return table[ids[:, None], ids[None, :]]


def _single_day(claim: Claim) -> float:
    """The claim's event day as an ordinal, or NaN when its scope is not a single day."""
    s = claim.scope
    if s.start and s.end and s.start == s.end:
        return float(s.start.toordinal())
    return float("nan")
