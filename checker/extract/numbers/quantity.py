"""Read one quantity at a token: currency, sign, the number, its scale, unit or percent sign.

Bounds ("more than"), ranges and ratios are the finder's job (:mod:`finder`); this module
reads what a single number is: ``$ 1.85 trillion`` (money, USD, 1.85e12), ``eight-year``
(duration, year, 8), ``hundreds of thousands`` (vague, 200000), ``17:06`` (time, 1706).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from checker.extract.numbers.clock import clock_time, is_year_like, reads_as_year, relative_year
from checker.extract.numbers.context import is_plain_fraction
from checker.extract.numbers.lexicon import (
    AGE_PREFIXES,
    DOZEN_WORDS,
    HUNDRED_WORDS,
    IRREGULAR_PLURALS,
    MAGNITUDE_PREFIXES,
    MANGLED_CURRENCY_LETTERS,
    NEGATIVE_WORDS,
    NOT_BEFORE_VAGUE_COUNTS,
    ORDINAL_SUFFIXES,
    ORDINAL_WORDS,
    PERCENT_WORDS,
    PERCENTAGE_POINT_WORDS,
    PLURAL_SCALE_WORDS,
    POUNDS,
    PREFIX_CURRENCIES,
    PRONOUN_ONE_PRECEDERS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SPACED_SCALE_ABBREVIATIONS,
    SUFFIX_CURRENCY_CODES,
    SUFFIX_CURRENCY_WORDS,
    VAGUE_COUNTS,
    VAGUE_MULTIPLES,
    VAGUE_PLURALS,
)
from checker.extract.numbers.numwords import Atom, Reading, collect_atoms, is_number_word, read_cardinal, read_fraction
from checker.extract.numbers.phrases import PhraseTable
from checker.extract.numbers.tokens import Token
from checker.extract.numbers.units import AGE_PHRASES, UNIT_PHRASES
from checker.models import QuantityKind

_COMPARATORS = {"<", ">", "=", "(", "[", "{", ":", "≤", "≥", "~", "/"}
_MINUS_SIGNS = {"-", "−"}
# Words after which "half" is a part of something, not a proportion ("the first half").
_NOT_BEFORE_HALF = {"the", "this", "that", "first", "second", "other", "latter", "former", "each", "every"}
# Words after "a third" that keep it a fraction ("a third of"); any other word makes it an
# ordinal ("a third attack").
_AFTER_FRACTION = {"of", "and", "or", "but", "to", "in", "on", "at", "for", "than", "as", "is", "was", "were", "are"}

_ANGLE_NOUNS = {"angle", "angles", "turn", "rotation", "incline", "slope", "arc"}
_TURN_VERBS = {"rotate", "rotated", "rotates", "rotating", "turn", "turned", "turns", "turning", "tilt", "tilted", "tilts"}
_PERCENT = PhraseTable({p: "%" for p in PERCENT_WORDS} | {p: "pp" for p in PERCENTAGE_POINT_WORDS})
_CURRENCY_WORDS = PhraseTable(SUFFIX_CURRENCY_WORDS)
_UNITS = PhraseTable(UNIT_PHRASES)
_VAGUE_COUNTS = PhraseTable(VAGUE_COUNTS)
_PREFIX_CURRENCIES = PhraseTable(PREFIX_CURRENCIES, lower=False)
_SCALE_AFTER = {**SCALE_WORDS, **HUNDRED_WORDS, **DOZEN_WORDS}


@dataclass(slots=True)
class Quantity:
    """A number as written, before any bound: tokens ``first``..``last`` (inclusive)."""

    first: int
    last: int
    point: float
    kind: QuantityKind = QuantityKind.count
    unit: str | None = None
    vague_high: float | None = None  # vague amounts: the most the phrase can mean
    scale: float = 0.0  # scale written with the number ("million"), for ranges
    bare: bool = True  # nothing but the number: no sign, scale, unit or currency
    proportion: bool = False  # a fraction of a whole ("two thirds"): reported as percent
    age: bool = False
    digits: bool = False  # written in digits
    integer: bool = True


class QuantityReader:
    """Reads quantities from a tokenised text; ``flags`` marks tokens that are no quantity."""

    def __init__(self, text: str, tokens: list[Token], flags: bytearray, published: dt.date | None) -> None:
        self.text = text
        self.tokens = tokens
        self.flags = flags
        self.published = published

    # ------------------------------------------------------------------ entry point

    def read(self, i: int, allow_the: bool = False, bounded: bool = False) -> Quantity | None:
        """The quantity starting at token ``i``, or None. ``bounded``: a bound phrase stands
        before it ("more than"), so "a week" after it is one week."""
        tokens = self.tokens
        if i >= len(tokens) or self.flags[i]:
            return None
        relative = relative_year(tokens, i, self.published)
        if relative is not None:
            return Quantity(i, relative[1], relative[0], kind=QuantityKind.year, bare=False)
        if allow_the and tokens[i].low == "the" and i + 1 < len(tokens) and self._starts_ordinal(i + 1):
            i += 1
        prefixed = self._unit_prefix(i)
        if prefixed is not None:
            return prefixed
        if tokens[i].kind == "num":
            clock = clock_time(self.text, tokens, i)
            if clock is not None:
                return Quantity(i, clock[1], clock[0], kind=QuantityKind.time, bare=False, digits=True)
        one_unit = self._a_unit(i, alone=bounded)
        if one_unit is not None:
            return one_unit
        currency, k = self._currency_prefix(i)
        sign, k = self._sign(k)
        quantity = self._core(k, currency)
        if quantity is None:
            return None
        quantity.first = i
        if sign < 0:
            quantity.point = -quantity.point
            quantity.bare = False
        if currency is not None:
            quantity.kind, quantity.unit, quantity.bare = QuantityKind.money, currency, False
        elif quantity.kind not in (QuantityKind.ordinal, QuantityKind.year):
            self._suffix(quantity)
        self._classify(quantity)
        return quantity

    def _a_unit(self, i: int, alone: bool) -> Quantity | None:
        """"a mile and a half", "an hour and a half": one and a half of the unit; with
        ``alone`` (after a bound: "more than a week", "nearly a year") also one of it. A bare
        "a mile" stays unread: "a year" and "a day" are far more often a rate or a period's name."""
        if self.tokens[i].low not in ("a", "an"):
            return None
        quantity = Quantity(i, i, 1.0, bare=False, integer=True)
        self._suffix(quantity)
        if quantity.unit is None or quantity.point not in ((1.0, 1.5) if alone else (1.5,)):
            return None
        self._classify(quantity)
        return quantity

    def _starts_ordinal(self, i: int) -> bool:
        token = self.tokens[i]
        if token.low in ORDINAL_WORDS:
            return True
        return token.kind == "num" and i + 1 < len(self.tokens) and self.tokens[i + 1].glued and self.tokens[i + 1].low in ORDINAL_SUFFIXES

    # ------------------------------------------------------------------ before the number

    def _unit_prefix(self, i: int) -> Quantity | None:
        """"magnitude 7.6", "magnitude-5.2", "a magnitude of 6.1", "age 61", "aged 47"."""
        tokens = self.tokens
        word = tokens[i].low
        if word not in AGE_PREFIXES and word not in MAGNITUDE_PREFIXES:
            return None
        k = i + 1
        if word in MAGNITUDE_PREFIXES and k < len(tokens) and tokens[k].low in ("of", "-"):
            k += 1
        if word in AGE_PREFIXES and k < len(tokens) and tokens[k].low == "-":
            k += 1
        if k >= len(tokens) or not (tokens[k].kind == "num" or is_number_word(tokens[k])):
            return None
        quantity = self._core(k, None)
        if quantity is None or quantity.kind != QuantityKind.count:
            return None
        quantity.first, quantity.bare = i, False
        if word in AGE_PREFIXES:
            quantity.kind, quantity.unit, quantity.age = QuantityKind.duration, "year", True
        else:
            quantity.kind, quantity.unit = QuantityKind.measure, "magnitude"
        return quantity

    def _currency_prefix(self, i: int) -> tuple[str | None, int]:
        tokens = self.tokens
        token = tokens[i]
        if token.text in MANGLED_CURRENCY_LETTERS and i + 1 < len(tokens) and tokens[i + 1].glued and tokens[i + 1].kind == "num" and not self.flags[i + 1]:
            if i == 0 or not token.glued:
                return MANGLED_CURRENCY_LETTERS[token.text], i + 1
        found = _PREFIX_CURRENCIES.match(tokens, i, skip_hyphens=False)
        if found is None:
            return None, i
        code, last, _ = found
        if not self._currency_written_together(i, last):
            return None, i
        nxt = last + 1
        if nxt < len(tokens) and (tokens[nxt].kind == "num" or tokens[nxt].low in _MINUS_SIGNS or is_number_word(tokens[nxt])):
            return str(code), nxt
        return None, i

    def _currency_written_together(self, first: int, last: int) -> bool:
        """"US$", "US $", "U.S. $", "Rs." are one sign; "A $" with a space is not "A$"."""
        tokens = self.tokens
        for j in range(first + 1, last + 1):
            if tokens[j].glued:
                continue
            if tokens[j].text == "$" and len(tokens[j - 1].text) >= 2:
                continue
            return False
        return True

    def _sign(self, k: int) -> tuple[int, int]:
        """-1 and the index after a minus sign or "minus"/"negative" at ``k``; else (1, k)."""
        tokens = self.tokens
        if k + 1 >= len(tokens):
            return 1, k
        token, nxt = tokens[k], tokens[k + 1]
        if token.low in NEGATIVE_WORDS and (nxt.kind == "num" or is_number_word(nxt)):
            return -1, k + 1
        if token.text not in _MINUS_SIGNS or nxt.kind != "num":
            return 1, k
        previous = tokens[k - 1] if k > 0 else None
        opens = previous is None or previous.text in _COMPARATORS or "\n" in token.space_before
        if nxt.glued:
            if opens:
                return -1, k + 1
            if token.glued or (previous is not None and (previous.kind == "num" or is_number_word(previous))):
                return 1, k  # "10-20", "10 -20": a dash between numbers
            return -1, k + 1
        return (-1, k + 1) if opens else (1, k)

    # ------------------------------------------------------------------ the number

    def _core(self, k: int, currency: str | None) -> Quantity | None:
        if k >= len(self.tokens) or self.flags[k]:
            return None
        token = self.tokens[k]
        if token.kind == "num":
            return self._numeral(k, currency)
        if token.kind == "vulgar":
            return Quantity(k, k, token.value, proportion=True, digits=True, integer=False)
        if token.kind == "word":
            return self._words(k)
        return None

    def _numeral(self, k: int, currency: str | None) -> Quantity | None:
        tokens = self.tokens
        token = tokens[k]
        value = token.value
        if not math.isfinite(value):
            return None
        quantity = Quantity(k, k, value, digits=True, integer=token.shape == "int")
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if is_plain_fraction(tokens, k):
            quantity.point, quantity.last = value / tokens[k + 2].value, k + 2
            quantity.proportion, quantity.integer = True, False
            return quantity
        if nxt is not None and token.shape == "int" and nxt.kind == "num" and not nxt.glued and is_plain_fraction(tokens, k + 1):
            quantity.point, quantity.last = value + nxt.value / tokens[k + 3].value, k + 3
            quantity.integer, quantity.bare = False, False
            return quantity
        if nxt is not None and nxt.kind == "vulgar" and nxt.glued:
            quantity.point, quantity.last, quantity.integer = value + nxt.value, k + 1, False
            return quantity
        if nxt is not None and nxt.glued and nxt.low in ORDINAL_SUFFIXES and token.shape == "int":
            quantity.kind, quantity.last, quantity.bare = QuantityKind.ordinal, k + 1, False
            return quantity
        decade_end = _decade_suffix_end(tokens, k)
        if decade_end is not None and is_year_like(token) and value % 10 == 0:
            quantity.kind, quantity.last, quantity.bare = QuantityKind.year, decade_end, False
            quantity.vague_high = value + 9  # "the 1990s", "the 1930's"
            return quantity
        abbreviation = self._scale_abbreviation(k, currency)
        if abbreviation is not None:
            scale, last = abbreviation
            quantity.point, quantity.scale, quantity.last, quantity.bare = value * scale, scale, last, False
            return quantity
        if nxt is not None and nxt.low == "-" and nxt.glued and k + 2 < len(tokens):
            word = tokens[k + 2]
            if word.glued and word.low in SCALE_WORDS:  # "$ 137-million"
                scale = SCALE_WORDS[word.low]
                quantity.point, quantity.scale, quantity.last, quantity.bare = value * scale, scale, k + 2, False
                return quantity
        reading, last = self._spelled(k)
        if reading is not None and last > k:
            quantity.point, quantity.last, quantity.bare = reading.value, last, False
            quantity.scale = reading.last_scale if reading.last_kind == "scale" else 0.0
            quantity.integer = float(reading.value).is_integer()
        return quantity

    def _scale_abbreviation(self, k: int, currency: str | None) -> tuple[float, int] | None:
        """"10k", "13.9bn", "2.33 k", "1,674.5 G". A glued "m" is a million after money, a
        decimal or before a plural ("$5m", "1.2m", "4m Syrians"), else a metre ("a 7m wall")."""
        tokens = self.tokens
        if k + 1 >= len(tokens):
            return None
        token, word = tokens[k], tokens[k + 1]
        if word.kind != "word" or self.flags[k + 1]:
            return None
        if word.text == "G" and token.shape == "int" and token.value < 10:
            return None  # 4G, 5G: network generations
        if word.glued:
            if word.text in SCALE_ABBREVIATIONS:
                return SCALE_ABBREVIATIONS[word.text], k + 1
            if word.text == "m" and (currency is not None or token.shape == "decimal" or self._plural_at(k + 2)):
                return 1e6, k + 1
            return None
        if "\n" in word.space_before:
            return None
        if word.text in SPACED_SCALE_ABBREVIATIONS:
            return SCALE_ABBREVIATIONS[word.text], k + 1
        if word.text == "m" and currency is not None:
            return 1e6, k + 1
        return None

    def _plural_at(self, k: int) -> bool:
        if k >= len(self.tokens) or self.tokens[k].kind != "word":
            return False
        word = self.tokens[k].low
        return word in IRREGULAR_PLURALS or (len(word) > 3 and word.endswith("s") and not word.endswith("ss"))

    def _spelled(self, k: int, atoms: list[Atom] | None = None) -> tuple[Reading | None, int]:
        """The longest spelled (or digit-and-word) number at ``k``, and its last token."""
        atoms = collect_atoms(self.tokens, k) if atoms is None else atoms
        if not atoms:
            return None, k
        reading = read_cardinal(atoms)
        fraction = read_fraction(atoms) if any(a.kind in ("ord", "frac") for a in atoms) else None
        if fraction is not None and (reading is None or fraction.end >= reading.end):
            reading = fraction
        if reading is None:
            return None, k
        last = atoms[reading.end - 1].last
        if reading.is_fraction:
            reading, last = self._fraction_of_scale(reading, last)
        return reading, last

    def _fraction_of_scale(self, reading: Reading, last: int) -> tuple[Reading, int]:
        """"two thirds of a million", "five and a half million", "one billion and a half million"."""
        scale, scale_last = self._scale_after(last + 1)
        if scale is None:
            return reading, last
        whole, part = reading.whole, reading.part
        if reading.whole_scale > scale:
            value = whole + part * scale
        else:
            value = (whole + part) * scale
        return Reading(value, reading.end, "scale", scale), scale_last

    def _scale_after(self, j: int) -> tuple[float | None, int]:
        """A scale word after a fraction, with an optional "of" and "a": "of a million"."""
        tokens = self.tokens
        start = j
        if j < len(tokens) and tokens[j].low == "of":
            j += 1
        if j < len(tokens) and tokens[j].low in ("a", "an"):
            j += 1
        if j < len(tokens) and tokens[j].low in _SCALE_AFTER and not tokens[j].low.endswith("s"):
            if j == start or tokens[j - 1].low in ("a", "an"):
                return float(_SCALE_AFTER[tokens[j].low]), j
        return None, start

    def _words(self, k: int) -> Quantity | None:
        tokens = self.tokens
        vague = self._vague(k)
        if vague is not None:
            return vague
        token = tokens[k]
        if token.low in ("a", "an") and k + 1 < len(tokens) and tokens[k + 1].low == "single" and not tokens[k + 1].glued:
            return Quantity(k, k + 1, 1.0, bare=False)
        atoms = collect_atoms(tokens, k)
        if not atoms:
            return None
        if atoms[0].kind == "frac":
            return self._bare_fraction_noun(k, atoms[0].value)
        if atoms[0].kind == "ord":
            return Quantity(k, atoms[0].last, atoms[0].value, kind=QuantityKind.ordinal, bare=False)
        reading, last = self._spelled(k, atoms)
        if reading is None:
            return None
        if reading.is_fraction and atoms[0].kind == "a" and reading.end == len(atoms) and atoms[-1].kind == "ord":
            after = tokens[last + 1] if last + 1 < len(tokens) else None
            if after is not None and after.kind == "word" and after.low not in _AFTER_FRACTION:
                ordinal = atoms[-1]  # "a third attack": an ordinal, not a third of something
                return Quantity(ordinal.first, ordinal.last, ordinal.value, kind=QuantityKind.ordinal, bare=False)
        if self._pronoun_one(k, reading):
            return None
        quantity = Quantity(k, last, reading.value, integer=float(reading.value).is_integer())
        quantity.scale = reading.last_scale if reading.last_kind == "scale" else 0.0
        quantity.proportion = reading.is_fraction and reading.whole == 0 and abs(reading.value) < 1
        return quantity

    def _bare_fraction_noun(self, k: int, denominator: float) -> Quantity | None:
        """"half" and "quarter" without a numerator: "half a million", "half of", "quarter million"."""
        tokens = self.tokens
        scale, last = self._scale_after(k + 1)
        if scale is not None:
            return Quantity(k, last, scale / denominator, bare=False, integer=False)
        if denominator != 2:
            return None  # a bare "quarter" is a period of the year, not a number
        before = tokens[k - 1].low if k > 0 else ""
        if before in _NOT_BEFORE_HALF or before in ORDINAL_WORDS:
            return None
        if k + 2 < len(tokens) and tokens[k + 1].low == "-" and tokens[k + 1].glued and tokens[k + 2].kind == "word":
            return None  # "half-brother"
        if k + 2 < len(tokens) and tokens[k + 1].low in ("a", "an") and _UNITS.match(tokens, k + 2) is not None:
            return Quantity(k, k + 1, 0.5, bare=False, integer=False)  # "half a mile": the unit follows
        return Quantity(k, k, 0.5, proportion=True, integer=False)

    def _pronoun_one(self, k: int, reading: Reading) -> bool:
        """"the one you mentioned", "which one", "one another": "one" as a pronoun."""
        tokens = self.tokens
        if reading.end != 1 or tokens[k].low != "one":
            return False
        before = tokens[k - 1].low if k > 0 else ""
        after = tokens[k + 1].low if k + 1 < len(tokens) else ""
        after_number = k > 0 and tokens[k - 1].kind == "num"  # "a 7.6 one"
        return before in PRONOUN_ONE_PRECEDERS or after_number or after in ("another", "anothers")

    def _vague(self, k: int) -> Quantity | None:
        """"several", "a few", "dozens", "hundreds of thousands", "several dozen"."""
        tokens = self.tokens
        word = tokens[k].low
        counted = _VAGUE_COUNTS.match(tokens, k)
        if counted is not None:
            (nominal, highest), last, _ = counted
            if k > 0 and tokens[k - 1].low in NOT_BEFORE_VAGUE_COUNTS:
                return None
            nxt = last + 1
            if nxt < len(tokens) and tokens[nxt].low in _SCALE_AFTER and not tokens[nxt].low.endswith("s"):
                scale = float(_SCALE_AFTER[tokens[nxt].low])
                return Quantity(k, nxt, nominal * scale, vague_high=(highest + 1) * scale - 1, bare=False)
            return Quantity(k, last, float(nominal), vague_high=float(highest), bare=False)
        if word in VAGUE_MULTIPLES and k + 2 < len(tokens) and tokens[k + 1].low == "of" and tokens[k + 2].low in PLURAL_SCALE_WORDS:
            nominal, highest = VAGUE_MULTIPLES[word]
            scale = PLURAL_SCALE_WORDS[tokens[k + 2].low]
            return Quantity(k, k + 2, nominal * scale, vague_high=(highest + 1) * scale - 1, bare=False)
        if word in VAGUE_PLURALS:
            if word in ("tens", "scores") and (k + 1 >= len(tokens) or tokens[k + 1].low != "of"):
                return None
            nominal, highest = VAGUE_PLURALS[word]
            return Quantity(k, k, float(nominal), vague_high=float(highest), bare=False)
        return None

    # ------------------------------------------------------------------ after the number

    def _suffix(self, quantity: Quantity) -> None:
        """Percent sign, currency or unit written after the number."""
        tokens = self.tokens
        k = quantity.last + 1
        if k >= len(tokens) or self.flags[k]:
            return
        if quantity.vague_high is not None:
            if tokens[k].low == "of" and k + 1 < len(tokens):
                found = _CURRENCY_WORDS.match(tokens, k + 1)
                if found is not None:
                    quantity.kind, quantity.unit = QuantityKind.money, str(found.value)  # "billions of dollars"
            return
        if self._glued_letter_unit(quantity, tokens[k]):
            return
        for table, kind in ((_PERCENT, QuantityKind.percent), (_CURRENCY_WORDS, QuantityKind.money)):
            found = table.match(tokens, k)
            if found is not None:
                unit, last, _ = found
                if kind == QuantityKind.money and tokens[k].low in POUNDS and not quantity.scale:
                    quantity.kind, quantity.unit, quantity.last = QuantityKind.measure, "lb", last
                else:
                    quantity.kind, quantity.unit, quantity.last = kind, str(unit), last
                quantity.bare = False
                return
        if tokens[k].text in SUFFIX_CURRENCY_CODES:
            quantity.kind, quantity.unit, quantity.last, quantity.bare = QuantityKind.money, tokens[k].text, k, False
            return
        found = _UNITS.match(tokens, k)
        if found is not None and self._year_before_singular(quantity, tokens[k : found.last + 1]):
            found = None  # "HP's 2008 second-quarter": a year, not 2008 seconds
        if found is not None:
            (unit, kind), last, phrase = found
            quantity.kind, quantity.unit, quantity.last, quantity.bare = kind, unit, last, False
            quantity.age = phrase in AGE_PHRASES
            if [t.low for t in tokens[last + 1 : last + 4]] == ["and", "a", "half"]:
                quantity.point, quantity.last, quantity.integer = quantity.point + 0.5, last + 3, False  # "two miles and a half"
            if unit == "degree" and (self._angle(last) or self._turned(quantity.first)):
                quantity.unit = "angle_degree"

    def _year_before_singular(self, quantity: Quantity, unit_tokens: list[Token]) -> bool:
        token = self.tokens[quantity.first]
        if quantity.first != quantity.last or not is_year_like(token):
            return False
        words = [t.low for t in unit_tokens if t.kind == "word"]
        return len(words) == 1 and not words[0].endswith("s")

    def _glued_letter_unit(self, quantity: Quantity, word: Token) -> bool:
        """"7m" (metres), "40C" (Celsius), "17c" (cents): one letter right after the digits."""
        if not word.glued or not quantity.digits or word.kind != "word":
            return False
        index = quantity.last + 1
        after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        cents_sign = after is not None and after.glued and after.low == "/"  # "14.7C/"
        if word.text == "m":
            quantity.kind, quantity.unit = QuantityKind.measure, "m"
        elif word.text == "C" and -90 <= quantity.point <= 60 and not cents_sign:
            quantity.kind, quantity.unit = QuantityKind.measure, "C"
        elif word.low == "c":
            quantity.kind, quantity.unit = QuantityKind.money, "cent"
        else:
            return False
        quantity.last, quantity.bare = index, False
        return True

    def _angle(self, last: int) -> bool:
        """"a 45 degrees angle", "rotate 90°": degrees of an angle, not of temperature."""
        tokens = self.tokens
        after = tokens[last + 1].low if last + 1 < len(tokens) else ""
        return after in _ANGLE_NOUNS

    def _turned(self, first: int) -> bool:
        """"rotate 90 degrees": a turn, so an angle."""
        return first > 0 and self.tokens[first - 1].low in _TURN_VERBS

    # ------------------------------------------------------------------ what it is

    def _classify(self, quantity: Quantity) -> None:
        if quantity.proportion and quantity.unit is None and quantity.kind == QuantityKind.count:
            # "two thirds", "half": a proportion, reported in percent as the gold does (half = 50)
            quantity.kind, quantity.unit, quantity.point = QuantityKind.percent, "%", quantity.point * 100
            return
        token = self.tokens[quantity.first]
        if quantity.bare and quantity.kind == QuantityKind.count and quantity.first == quantity.last and is_year_like(token):
            if reads_as_year(self.tokens, quantity.first, quantity.first):
                quantity.kind = QuantityKind.year



def _decade_suffix_end(tokens: list[Token], k: int) -> int | None:
    """The index of the "s" glued to a number that makes it a decade ("1990s", and the older
    style "1930's"), or None."""
    at = k + 1
    if at < len(tokens) and tokens[at].glued and tokens[at].text in ("'", "\u2019"):
        at += 1
    if at < len(tokens) and tokens[at].glued and tokens[at].text == "s":
        return at
    return None
