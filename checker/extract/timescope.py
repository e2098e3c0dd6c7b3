"""Time scope of a claim: the phrase that says when it holds, resolved against the publication date.

``in the last three months`` in an article of 2020-02-15 -> 2019-11-15 .. 2020-02-15;
``on Monday`` -> that Monday; ``this year`` -> 1 January .. publication date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from pydantic import BaseModel, ConfigDict

from checker.days import MONTH_NUMBERS, RELATIVE_DAY_OFFSETS, WEEKDAYS
from checker.models import TimeScope

_WEEKDAYS = {name: i for i, name in enumerate(WEEKDAYS)}
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "few": 3,
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "hour": 1 / 24}
# How many units "in recent days / weeks / months / years" covers.
_RECENT_UNITS = {"day": 7, "week": 4, "month": 6, "year": 5}

_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
_MONTH = r"(?:" + "|".join(sorted((m for m in MONTH_NUMBERS if len(m) > 2), key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + ")"
_RELATIVE_DAY = "|".join(word.replace(" ", r"\s+") for word in RELATIVE_DAY_OFFSETS)

# Ordered: the first pattern that matches at a position wins, so longer phrases come first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("window", re.compile(rf"\b(?:in|over|during|within|for)\s+the\s+(?:last|past|previous)\s+(?P<n>{_NUM})\s+(?P<unit>hour|day|week|month|year)s?\b", re.I)),
    ("window", re.compile(rf"\b(?:in|over|within)\s+(?:just\s+)?(?P<n>{_NUM})\s+(?P<unit>hour|day|week|month|year)s?\b", re.I)),
    ("recent", re.compile(r"\b(?:in|over|during|for)\s+(?:the\s+)?(?:(?P<few>(?:last|past)\s+few|last\s+several|past\s+several)|recent)\s+(?P<unit>day|week|month|year)s\b", re.I)),
    ("since_start", re.compile(rf"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<month>{_MONTH})", re.I)),
    ("since_month", re.compile(rf"\bsince\s+(?:last\s+)?(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?", re.I)),
    ("since_year", re.compile(r"\bsince\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("month_day", re.compile(rf"\b(?:on\s+)?(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b", re.I)),
    ("day_month", re.compile(rf"\b(?:on\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\b", re.I)),
    ("early_month", re.compile(rf"\b(?:in\s+)?(?P<part>early|mid|late)[-\s](?P<month>{_MONTH})", re.I)),
    ("this_period", re.compile(r"\b(?:earlier\s+|so\s+far\s+)?(?P<which>this|last)\s+(?P<unit>week|month|year)\b", re.I)),
    ("weekday", re.compile(rf"\b(?:(?P<early>in\s+the\s+early\s+hours\s+of|early|late)\s+)?(?:on\s+)?(?P<weekday>{_WEEKDAY})\b", re.I)),
    ("relative_day", re.compile(rf"\b(?P<word>{_RELATIVE_DAY})\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b", re.I)),
    ("so_far", re.compile(r"\b(?:so\s+far|to\s+date)\b", re.I)),
    ("in_month", re.compile(rf"\bin\s+(?P<month>{_MONTH})(?:\s+(?P<year>\d{{4}}))?\b", re.I)),
    ("in_year", re.compile(r"\bin\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
]


# The kinds of phrase that name a month or a year of the calendar, and those that count a
# month or a year back from the writing when their unit is one (TimeScope.calendar).
_NAMED_CALENDAR_KINDS = frozenset({"since_start", "since_month", "since_year", "month_day", "day_month", "early_month", "in_month", "in_year"})
_COUNTED_BACK_KINDS = frozenset({"this_period", "ago"})
_CALENDAR_UNITS = frozenset({"month", "year"})


def _calendar(kind: str, m: re.Match[str]) -> str | None:
    """How the calendar names the phrase's window (TimeScope.calendar), else None."""
    if kind in _NAMED_CALENDAR_KINDS:
        return "named"
    if kind in _COUNTED_BACK_KINDS and m.group("unit").lower() in _CALENDAR_UNITS:
        return "counted_back"
    return None


class TimePhrase(BaseModel):
    """A time phrase found in a sentence (offsets relative to that sentence)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    text: str
    scope: TimeScope


def find_time_phrases(sentence: str, published: dt.date | None) -> list[TimePhrase]:
    """Every time phrase in ``sentence``, non-overlapping, resolved where the date allows."""
    taken: list[tuple[int, int]] = []
    phrases: list[TimePhrase] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            text = m.group(0)
            start, end = _resolve(kind, m, published)
            taken.append((m.start(), m.end()))
            phrases.append(
                TimePhrase(
                    start=m.start(), end=m.end(), text=text,
                    scope=TimeScope(text=text, start=start, end=end, calendar=_calendar(kind, m)),
                )
            )
    return sorted(phrases, key=lambda p: p.start)


def calendar_of(phrase: str) -> str | None:
    """How the calendar names the window of a time phrase as written (TimeScope.calendar):
    for scopes stored before the field existed (a ledger's earlier runs)."""
    found = find_time_phrases(phrase, None)
    return found[0].scope.calendar if found else None


# A non-restrictive relative clause after the number tells of something else: "40 people were
# injured in the earthquakes, which rekindled memories of quakes that hit the town in 2002".
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whom|whose|where)\b", re.I)


def nearest_time_phrase(phrases: list[TimePhrase], at: int, sentence: str | None = None) -> TimePhrase | None:
    """The phrase closest to character ``at`` (phrases after the number win ties: "killed 13 ... on Monday").
    Given the ``sentence``, a phrase after a ", which" clause opened after the number is not
    the number's."""
    if sentence is not None:
        phrases = [p for p in phrases if p.start < at or not _RELATIVE_CLAUSE.search(sentence, at, p.start)]
    if not phrases:
        return None
    return min(phrases, key=lambda p: (min(abs(p.start - at), abs(p.end - at)), p.start < at))


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else (published.year if published else None)
    try:
        if kind == "window" and published:
            days = _count(groups["n"]) * _UNIT_DAYS[groups["unit"].lower()]
            return published - dt.timedelta(days=round(days)), published
        if kind == "recent" and published:
            # "the past few days" is three of them; "recent days" a loose week, "recent months" half a year
            n = 3 if groups.get("few") else _RECENT_UNITS[groups["unit"].lower()]
            days = n * _UNIT_DAYS[groups["unit"].lower()]
            return published - dt.timedelta(days=round(days)), published
        if kind == "ago" and published:
            days = _count(groups["n"]) * _UNIT_DAYS[groups["unit"].lower()]
            day = published - dt.timedelta(days=round(days))
            return day, day
        if kind in ("since_start", "since_month") and year:
            month = _month(groups["month"])
            if published and month > published.month and not groups.get("year"):
                year -= 1  # "since last April" in February means the April before
            return dt.date(year, month, 1), published
        if kind == "since_year":
            return dt.date(int(groups["year"]), 1, 1), published
        if kind in ("month_day", "day_month") and year:
            day = dt.date(year, _month(groups["month"]), int(groups["day"]))
            return day, day
        if kind == "early_month" and year:
            month = _month(groups["month"])
            first = {"early": 1, "mid": 10, "late": 20}[groups["part"].lower()]
            last = {"early": 10, "mid": 20, "late": calendar.monthrange(year, month)[1]}[groups["part"].lower()]
            return dt.date(year, month, first), dt.date(year, month, last)
        if kind == "in_month" and year:
            month = _month(groups["month"])
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        if kind == "in_year":
            y = int(groups["year"])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if kind == "this_period" and published:
            return _period(groups["which"].lower(), groups["unit"].lower(), published)
        if kind == "weekday" and published:
            back = (published.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
            day = published - dt.timedelta(days=back)
            return day, day
        if kind == "relative_day" and published:
            word = " ".join(groups["word"].lower().split())
            day = published + dt.timedelta(days=RELATIVE_DAY_OFFSETS[word])
            return (day, published) if word == "overnight" else (day, day)
        if kind == "so_far" and published:
            return None, published
    except (ValueError, KeyError, OverflowError):
        return None, None
    return None, None


def _count(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _SMALL_NUMBERS.get(word, 1)


def _month(word: str) -> int:
    return MONTH_NUMBERS[word.lower().rstrip(".")]


def _period(which: str, unit: str, published: dt.date) -> tuple[dt.date, dt.date]:
    if unit == "year":
        year = published.year - (1 if which == "last" else 0)
        return dt.date(year, 1, 1), (published if which == "this" else dt.date(year, 12, 31))
    if unit == "month":
        first = published.replace(day=1)
        if which == "this":
            return first, published
        last_end = first - dt.timedelta(days=1)
        return last_end.replace(day=1), last_end
    start = published - dt.timedelta(days=published.weekday())
    if which == "this":
        return start, published
    return start - dt.timedelta(days=7), start - dt.timedelta(days=1)
