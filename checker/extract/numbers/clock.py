"""Clock times, years and relative years.

Clock times are 24-hour HHMM numbers (``3.45pm`` -> 1545, ``17:06`` -> 1706,
``12am`` -> 0, ``1336 GMT`` -> 1336). A bare four-digit number from 1900 to 2100 is a year
unless a plural noun after it makes it a count ("2000 tents"); "last year" resolves
against the article's publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.extract.numbers.lexicon import (
    DETERMINERS,
    IRREGULAR_PLURALS,
    RELATIVE_YEARS,
    STRONG_YEAR_PRECEDERS,
    TIME_ZONE_WORDS,
)
from checker.extract.numbers.tokens import Token

YEAR_RANGE = (1900, 2100)

# Anchored at a digit token; every part is bounded, so a match costs constant time.
_CLOCK = re.compile(
    r"""
    (?P<h>\d{1,2})(?:[ ]?[:.][ ]?(?P<m>\d{2}))?[ ]?(?P<ampm>[aApP])\.?[ ]?[mM]\b\.?   # 3pm, 3.45pm, 10 a. m.
    | (?P<h24>\d{1,2})[ ]?:[ ]?(?P<m24>\d{2})(?![\d:])                           # 17:06, 10 : 30
    | (?P<hhmm>[0-2]\d[0-5]\d)[ ]?(?=(?P<zone>[A-Za-z]{1,5})\b)                  # 1336 GMT
    """,
    re.X,
)


def clock_time(text: str, tokens: list[Token], i: int) -> tuple[float, int] | None:
    """The clock time written from numeral token ``i`` (HHMM), and the index of its last token."""
    token = tokens[i]
    if i > 0 and tokens[i - 1].glued and tokens[i - 1].low in (":", "."):
        return None  # the minutes of a time, or a version number
    match = _CLOCK.match(text, token.start)
    if match is None:
        return None
    if match.group("hhmm") is not None:
        if match.group("zone").lower() not in TIME_ZONE_WORDS:
            return None
        value = int(match.group("hhmm"))
        if value // 100 > 24:
            return None
        return float(value), _last_token_before(tokens, match.end("zone"), i, text)
    if match.group("h24") is not None:
        hour, minute = int(match.group("h24")), int(match.group("m24"))
        if hour > 24 or minute > 59:
            return None
        return float(hour * 100 + minute), _last_token_before(tokens, match.end(), i, text)
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    if hour > 24 or minute > 59 or (hour == 0 and match.group("m") is None):
        return None
    if hour <= 12:
        pm = match.group("ampm").lower() == "p"
        hour = hour % 12 + (12 if pm else 0)
    return float(hour * 100 + minute), _last_token_before(tokens, match.end(), i, text)


def _last_token_before(tokens: list[Token], end: int, i: int, text: str) -> int:
    """Index of the last token that ends at or before character ``end``."""
    end = min(end, len(text))
    while end > 0 and text[end - 1].isspace():
        end -= 1
    j = i
    while j + 1 < len(tokens) and tokens[j + 1].end <= end:
        j += 1
    return j


def is_year_like(token: Token) -> bool:
    """Four bare digits from 1900 to 2100."""
    return token.kind == "num" and token.shape == "int" and len(token.text) == 4 and YEAR_RANGE[0] <= token.value <= YEAR_RANGE[1]


def reads_as_year(tokens: list[Token], first: int, i: int) -> bool:
    """A year-like numeral at ``i`` (its expression starting at ``first``) names a year.

    "in 2018", "the 1967 slayings", "a 2018 agreement" are years; "2000 tents" and
    "killed 2000 people" are counts.
    """
    before = tokens[first - 1].low if first > 0 else ""
    if before in STRONG_YEAR_PRECEDERS or (first == i and before in DETERMINERS):
        return True
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (after is not None and after.kind == "word" and looks_plural(after))


def looks_plural(word: Token) -> bool:
    """A lower-case plural noun: "tents", "people" (not "its", "this", "has", "was")."""
    low = word.text
    if low != low.lower():
        return False
    if low in IRREGULAR_PLURALS:
        return True
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous"))


def relative_year(tokens: list[Token], i: int, published: dt.date | None) -> tuple[float, int] | None:
    """"last year" / "this year" at token ``i``, resolved against ``published``."""
    if published is None or i + 1 >= len(tokens):
        return None
    phrase = f"{tokens[i].low} {tokens[i + 1].low}"
    if phrase not in RELATIVE_YEARS or tokens[i + 1].glued:
        return None
    if i > 0 and tokens[i - 1].low == "the":
        return None  # "in the last year" is a window of twelve months, not a calendar year
    return float(published.year + RELATIVE_YEARS[phrase]), i + 1
