"""Find every numeric expression in a text and normalise it to an interval.

The scanner walks the tokens left to right. At each token that can open an expression it
reads an optional bound ("more than", "almost", ">="), one quantity (:mod:`quantity`),
then what may follow it: a second number making a range ("20-30", "$12 billion to $13
billion", "between 20 and 30") or a ratio ("one in five"), and a trailing bound ("500 or
more"). Expressions never overlap; each starts after the previous one ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from checker.extract.numbers.context import flag_non_quantities
from checker.extract.numbers.intervals import (
    approx_clock_interval,
    interval,
    is_finite_value,
    range_interval,
    vague_interval,
)
from checker.extract.numbers.lexicon import (
    CHANGE_VERBS,
    DOZEN_WORDS,
    HUNDRED_WORDS,
    MANGLED_CURRENCY_LETTERS,
    NEAR_BELOW_PREFIXES,
    NEGATIVE_WORDS,
    NOT_BEFORE_DURATIONS,
    OR_EQUAL_SUFFIXES,
    PERCENT_NOUN_MODIFIERS,
    POSTFIX_BOUNDS,
    PREFIX_BOUNDS,
    PREFIX_CURRENCIES,
    RELATIVE_YEARS,
    TIME_ONLY_PREFIXES,
    VAGUE_COUNTS,
    VAGUE_MULTIPLES,
    VAGUE_PLURALS,
    phrase_key,
)
from checker.extract.numbers.numwords import is_number_word
from checker.extract.numbers.phrases import PhraseTable
from checker.extract.numbers.quantity import Quantity, QuantityReader
from checker.extract.numbers.tokens import Token, tokenize
from checker.models import Bound, NumberMention, QuantityKind

_PREFIXES = PhraseTable(PREFIX_BOUNDS)
_POSTFIXES = PhraseTable(POSTFIX_BOUNDS)
_OR_EQUAL = PhraseTable({phrase: True for phrase in OR_EQUAL_SUFFIXES})
_COMPARATOR_SYMBOLS = {"<", ">", "="}
_RANGE_DASHES = {"-", "–", "~"}
_RANGE_WORDS = {"to", "through", "thru"}
_FROM_CONNECTORS = _RANGE_WORDS | {"-", "–", "until", "till"}
# "percent of 10" (spec English for 10%); "percentage of .632" is a noun phrase.
_PERCENT_NOUNS = {"percent", "percents", "per"}

# Tokens that can open an expression; anything else is skipped without a look.
_START_WORDS = (
    set(_PREFIXES.first_words)
    | {phrase_key(p)[0] for p in (*VAGUE_COUNTS, *RELATIVE_YEARS)}
    | set(VAGUE_PLURALS) | set(VAGUE_MULTIPLES) | set(HUNDRED_WORDS) | set(DOZEN_WORDS)
    | NEGATIVE_WORDS | _PERCENT_NOUNS
    | {"between", "from", "a", "an", "half", "quarter", "magnitude", "age", "aged", "ages"}
)
_START_TEXTS = {key[0] for key in (phrase_key(p, lower=False) for p in PREFIX_CURRENCIES)} | set(MANGLED_CURRENCY_LETTERS) | {"-", "−"}


@dataclass(slots=True)
class Draft:
    """An expression being built: tokens ``first``..``last``, a quantity and its bound."""

    first: int
    last: int
    quantity: Quantity
    bound: Bound = Bound.exact
    near_below: bool = False
    high: Quantity | None = None  # the upper end of a range


def find_numbers(
    text: str, published: dt.date | None = None, approx_tolerance: float = 0.05
) -> list[NumberMention]:
    """Every numeric expression in ``text``, sorted by start and non-overlapping.

    Each mention's ``start``/``end`` are character offsets into ``text`` (end exclusive);
    its value is the interval the expression denotes, ``point`` the number as written.
    ``published`` resolves "last year"; ``approx_tolerance`` is the relative half-width of
    "about"/"around". Never raises on any string; every value is finite.
    """
    if not isinstance(text, str) or not text:
        return []
    return _Scanner(text, published, approx_tolerance).mentions()


class _Scanner:
    def __init__(self, text: str, published: dt.date | None, tolerance: float) -> None:
        self.text = text
        self.tolerance = tolerance
        self.tokens: list[Token] = tokenize(text)
        self.flags = flag_non_quantities(text, self.tokens)
        self.reader = QuantityReader(text, self.tokens, self.flags, published)

    def mentions(self) -> list[NumberMention]:
        drafts = self._drafts()
        _restated_bounds(self.text, self.tokens, drafts)
        _listed_units(self.text, self.tokens, drafts)
        found = []
        for draft in drafts:
            try:
                mention = self._mention(draft)
            except (ValueError, ArithmeticError):
                mention = None  # a value this reader cannot hold is dropped, not raised
            if mention is not None:
                found.append(mention)
        return found

    def _drafts(self) -> list[Draft]:
        found: list[Draft] = []
        i, n = 0, len(self.tokens)
        while i < n:
            if self.flags[i] or not self._may_start(self.tokens[i]):
                i += 1
                continue
            try:
                draft = self._expression(i)
            except (ValueError, ArithmeticError, IndexError, KeyError):
                # a text this reader does not foresee must cost one expression, not the article
                draft = None
            if draft is None:
                i += 1
                continue
            found.append(draft)
            i = draft.last + 1
        return found

    @staticmethod
    def _may_start(token: Token) -> bool:
        if token.kind in ("num", "vulgar"):
            return True
        if token.kind == "word":
            return token.low in _START_WORDS or is_number_word(token) or token.text in _START_TEXTS
        return token.text in _START_TEXTS or token.low in _PREFIXES.first_words

    # ------------------------------------------------------------------ expressions

    def _expression(self, i: int) -> Draft | None:
        word = self.tokens[i].low
        if word in ("between", "from"):
            return self._opened_range(i)
        if word in _PERCENT_NOUNS:
            return self._percent_first(i)
        bound, phrase, k = self._prefix(i)
        quantity = self.reader.read(k, allow_the=bound is not None, bounded=bound is not None)
        if quantity is None:
            return None
        if phrase is not None and not self._prefix_applies(phrase, quantity):
            bound, phrase = None, None
        draft = Draft(
            first=i if phrase is not None else quantity.first,
            last=quantity.last,
            quantity=quantity,
            bound=bound or Bound.exact,
            near_below=phrase in NEAR_BELOW_PREFIXES,
        )
        self._ratio(draft)
        ranged = self._range_after(draft)
        if ranged is not None:
            return ranged
        return self._postfix(draft)

    def _prefix(self, i: int) -> tuple[Bound | None, str | None, int]:
        """The bound phrase at ``i`` ("more than", ">="), its text, and where the number starts."""
        tokens = self.tokens
        found = _PREFIXES.match(tokens, i, skip_hyphens=False)
        if found is None:
            return None, None, i
        bound, last, phrase = found
        if tokens[i].text in _COMPARATOR_SYMBOLS or tokens[i].text in ("≥", "≤"):
            if i > 0 and tokens[i].glued and tokens[i - 1].text in _COMPARATOR_SYMBOLS:
                return None, None, i  # "=>30", "<>30" are no comparison
            if last + 1 < len(tokens) and tokens[last + 1].glued and tokens[last + 1].text in _COMPARATOR_SYMBOLS:
                return None, None, i
        return bound, phrase, last + 1

    @staticmethod
    def _prefix_applies(phrase: str, quantity: Quantity) -> bool:
        if phrase in TIME_ONLY_PREFIXES:
            return quantity.kind == QuantityKind.time  # "after 13 days of bombardment"
        if phrase in NOT_BEFORE_DURATIONS and quantity.kind == QuantityKind.duration:
            return quantity.age  # "over eight years" is a period; "over thirty years old" an age
        return True

    def _percent_first(self, i: int) -> Draft | None:
        """"percent of 10", "per cent of twenty-two": the unit written before the number."""
        tokens = self.tokens
        k = i + 1
        if tokens[i].low == "per":
            if k >= len(tokens) or tokens[k].low != "cent":
                return None
            k += 1
        if i > 0 and (tokens[i - 1].kind == "num" or tokens[i - 1].low in PERCENT_NOUN_MODIFIERS or is_number_word(tokens[i - 1])):
            return None
        if k + 1 >= len(tokens) or tokens[k].low != "of":
            return None
        quantity = self.reader.read(k + 1)
        if quantity is None or quantity.kind != QuantityKind.count or quantity.vague_high is not None:
            return None
        quantity.kind, quantity.unit, quantity.first = QuantityKind.percent, "%", i
        return Draft(first=i, last=quantity.last, quantity=quantity)

    # ------------------------------------------------------------------ ratios and ranges

    def _ratio(self, draft: Draft) -> None:
        """"one in five", "one out of three", "2000 over 3": a proportion, in percent when < 1."""
        numerator = draft.quantity
        year = numerator.kind == QuantityKind.year and numerator.bare
        if year:
            numerator.kind = QuantityKind.count  # "2000 over 3" is a ratio, not the year 2000...
        if not self._read_ratio(draft) and year:
            numerator.kind = QuantityKind.year  # ...but "in 2002 over protests" is a year

    def _read_ratio(self, draft: Draft) -> bool:
        tokens = self.tokens
        numerator = draft.quantity
        k = numerator.last + 1
        if not _plain_count(numerator) or k >= len(tokens):
            return False
        word = tokens[k].low
        if word == "out" and k + 1 < len(tokens) and tokens[k + 1].low == "of":
            k += 1
        elif word not in ("in", "over"):
            return False
        denominator = self.reader.read(k + 1)
        if denominator is None or not _plain_count(denominator) or denominator.point == 0:
            return False
        if word == "over":
            after = tokens[denominator.last + 1] if denominator.last + 1 < len(tokens) else None
            if draft.bound != Bound.exact or (after is not None and after.kind != "sym"):
                return False  # "over 3 years" is more than three years, not a third
        elif not 0 < numerator.point < denominator.point:
            return False  # "12 out of 10", "8 in 5": two numbers
        elif word == "in" and (not numerator.integer or denominator.kind == QuantityKind.year):
            return False
        value = numerator.point / denominator.point
        numerator.last, numerator.bare = denominator.last, False
        if abs(value) < 1:
            numerator.kind, numerator.unit, numerator.point = QuantityKind.percent, "%", value * 100
        else:
            numerator.point = value
        draft.last = numerator.last
        return True

    def _range_after(self, draft: Draft) -> Draft | None:
        """"20-30", "20 to 30", "$12 billion to $13 billion", "three or four"."""
        tokens = self.tokens
        low = draft.quantity
        if draft.bound not in (Bound.exact, Bound.approx) or low.vague_high is not None:
            return None
        k = low.last + 1
        if k + 1 >= len(tokens):
            return None
        connector = tokens[k]
        if connector.text in _RANGE_DASHES:
            if not low.digits:
                return None
            high = self.reader.read(k + 1)
            if high is None or not high.digits:
                return None
        elif connector.low in _RANGE_WORDS:
            if draft.first > 0 and tokens[draft.first - 1].low == "from":
                return None  # "rose from 40 to 50": "from" already said this is no range
            high = self.reader.read(k + 1)
        elif connector.low == "or":
            high = self.reader.read(k + 1)
            if high is None or not _close_alternatives(low, high):
                return None
        else:
            return None
        if high is None:
            return None
        return self._joined(draft.first, low, high, draft.bound)

    def _opened_range(self, i: int) -> Draft | None:
        """"between 20 and 30", "from 20 to 30" (not "rose from 20 to 30", a change)."""
        tokens = self.tokens
        opener = tokens[i].low
        if opener == "from" and i > 0 and tokens[i - 1].low in CHANGE_VERBS:
            return None
        low = self.reader.read(i + 1, allow_the=True)
        if low is None:
            return None
        k = low.last + 1
        connectors = ("and",) if opener == "between" else _FROM_CONNECTORS
        if k >= len(tokens) or tokens[k].low not in connectors:
            return None
        high = self.reader.read(k + 1, allow_the=True)
        if high is None:
            return None
        return self._joined(i, low, high, Bound.exact)

    def _joined(self, first: int, low: Quantity, high: Quantity, bound: Bound) -> Draft | None:
        """One range from two quantities, the low end taking the high end's unit and scale."""
        if low.vague_high is not None or high.vague_high is not None:
            return None
        low, high = replace(low), replace(high)  # the low end stays as read if no range forms
        _year_span(low, high)
        _share_units(low, high)
        if low.kind != high.kind or low.unit != high.unit or not low.point < high.point:
            return None
        return Draft(first=first, last=high.last, quantity=low, bound=bound, high=high)

    # ------------------------------------------------------------------ after the expression

    def _postfix(self, draft: Draft) -> Draft:
        """"500 or more", "20-plus", "more than 5000 or equal to (it)"."""
        tokens = self.tokens
        k = draft.last + 1
        found = _POSTFIXES.match(tokens, k)
        if found is not None and not self._number_at(found.last + 1) and not self._word_at(found.last + 1, "than"):
            draft.bound, draft.last, draft.near_below = found.value, found.last, False
            return draft
        found = _OR_EQUAL.match(tokens, k)
        if found is not None and not self._number_at(found.last + 1):
            if draft.bound == Bound.more_than:
                draft.bound, draft.last = Bound.at_least, found.last
            elif draft.bound == Bound.less_than:
                draft.bound, draft.last = Bound.at_most, found.last
        return draft

    def _word_at(self, k: int, word: str) -> bool:
        return k < len(self.tokens) and self.tokens[k].low == word

    def _number_at(self, k: int) -> bool:
        tokens = self.tokens
        if k >= len(tokens):
            return False
        token = tokens[k]
        if token.low == "the" and k + 1 < len(tokens):
            token = tokens[k + 1]
        return token.kind in ("num", "vulgar") or is_number_word(token) or token.low in ("a", "an") and k + 1 < len(tokens) and is_number_word(tokens[k + 1])

    # ------------------------------------------------------------------ the mention

    def _mention(self, draft: Draft) -> NumberMention | None:
        quantity = draft.quantity
        start, end = self.tokens[draft.first].start, self.tokens[draft.last].end
        bound, vague = draft.bound, False
        if draft.high is not None:
            value = range_interval(quantity.point, draft.high.point, bound, self.tolerance)
        elif quantity.vague_high is not None:
            value = vague_interval(quantity.point, quantity.vague_high)
            vague = True
            if quantity.kind != QuantityKind.year:
                bound = Bound.at_least
        elif quantity.kind == QuantityKind.time and bound == Bound.approx:
            value = approx_clock_interval(quantity.point)
        else:
            value = interval(quantity.point, bound, self.tolerance, draft.near_below)
        if not is_finite_value(value):
            return None
        return NumberMention(
            start=start,
            end=end,
            text=self.text[start:end],
            value=value,
            bound=bound,
            kind=quantity.kind,
            unit=quantity.unit,
            vague=vague,
            is_range=draft.high is not None,
        )


def _restated_bounds(text: str, tokens: list[Token], drafts: list[Draft]) -> None:
    """A conversion in brackets restates the figure before it, bound included:
    "about 85 miles (135 kilometers)" is about 135 km."""
    for before, after in zip(drafts, drafts[1:]):
        between = text[tokens[before.last].end : tokens[after.first].start]
        if between.strip() != "(" or after.bound != Bound.exact or after.high is not None or before.high is not None:
            continue
        if before.bound != Bound.exact and before.quantity.kind == after.quantity.kind and before.quantity.unit != after.quantity.unit:
            after.bound, after.near_below = before.bound, before.near_below


# What joins the items of a list of figures: "7.6 and 7.5", "10, 20 or 30".
_LIST_JOINS = frozenset({"and", "or", ",", ", and", ", or"})


def _listed_units(text: str, tokens: list[Token], drafts: list[Draft]) -> None:
    """A unit written once after a list of figures holds for each: "7.6 and 7.5 magnitude
    quakes", "10, 20 or 30 miles". Right to left, so the unit walks down the whole list."""
    for before, after in reversed(list(zip(drafts, drafts[1:]))):
        between = " ".join(text[tokens[before.last].end : tokens[after.first].start].split())
        item, unit_of = before.quantity, after.quantity
        if between not in _LIST_JOINS or before.high is not None or after.high is not None:
            continue
        if item.unit is None and item.kind == QuantityKind.count and item.bare and item.digits and not item.proportion:
            if unit_of.unit is not None and unit_of.kind != QuantityKind.count and unit_of.digits:
                item.kind, item.unit = unit_of.kind, unit_of.unit


def _plain_count(quantity: Quantity) -> bool:
    """A count with nothing attached: the parts of a ratio."""
    return (
        quantity.kind == QuantityKind.count
        and quantity.unit is None
        and quantity.vague_high is None
        and not quantity.proportion
        and not quantity.scale
    )


def _close_alternatives(low: Quantity, high: Quantity) -> bool:
    """"three or four", "10 or 12": two near whole numbers offered as alternatives."""
    if not (_plain_count(low) and _plain_count(high) and low.bare and high.bare and low.integer and high.integer):
        return False
    gap = high.point - low.point
    return 0 < gap <= min(low.point, 10)


def _share_units(low: Quantity, high: Quantity) -> None:
    """"20-30%", "$ 140-150 million", "between 5 and 10 million": one end's unit and scale
    apply to the other; the low end takes the scale only if it stays below the high end."""
    if low.kind == QuantityKind.year and high.kind == QuantityKind.count and low.bare and high.bare:
        low.kind = QuantityKind.count  # "between 2000 and 3000 people"
    if high.kind == QuantityKind.year and low.kind == QuantityKind.count and low.bare and high.bare:
        high.kind = QuantityKind.count
    if low.unit is None and low.kind == QuantityKind.count and high.unit is not None and not low.proportion:
        low.kind, low.unit = high.kind, high.unit
    elif high.unit is None and high.kind == QuantityKind.count and low.unit is not None and not high.proportion:
        high.kind, high.unit = low.kind, low.unit
    if not low.scale and high.scale and low.kind == high.kind and low.point * high.scale <= high.point:
        low.point *= high.scale
        low.scale = high.scale


def _year_span(low: Quantity, high: Quantity) -> None:
    """"2014-15": a span of years written with the second year short."""
    if low.kind == QuantityKind.year and high.kind == QuantityKind.count and high.bare and high.integer and 0 <= high.point < 100:
        century = low.point - low.point % 100
        if century + high.point > low.point:
            high.point, high.kind = century + high.point, QuantityKind.year
