"""Calendar dates as written (shared: ingest reads publication dates, extract the dates an article writes).

Publication dates as scraped: ISO stamps and the free-form lines news sites print.

news-please's ``date_publish`` is usually "2020-02-04 10:00:00", but older scrapes (the ECB+
corpus) hold the page's own wording, often tokenized with spaces around ``/ : -``:
"Published : April 10, 2007", "Updated 4 / 9 / 2007 6 : 04 PM", "on Apr 12 2007",
"Released 2013 - 09 - 28 05 : 08 : 35 GMT", "11 / 10 / 11 02 : 39 PM ET". The first date
written is taken (a later one is usually an "updated" stamp). Numeric dates are read month
first, as in the US sources these come from, unless the first number cannot be a month.

A date with a four-digit year is read wherever it stands. A two-digit year ("5 / 2 / 07")
is weaker evidence, so it is read only when the whole value is a date stamp: what is left
after the dates, clock times, time zones and labels such as "Posted" is punctuation.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.days import MONTH_NUMBERS

# A month's name or abbreviation (rules/lexicons/days.yml).
_MONTH = r"(?P<month_name>" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_SHORT_YEAR = r"(?P<short_year>\d{2})"
# No further part may follow: "5 / 2 / 07 / 3" is not a date (a clock time after it is fine).
_END = r"(?!\s*[-/.]\s*\d)"

# Four-digit years: read anywhere in the value.
_PATTERNS = [
    re.compile(rf"\b{_YEAR}\s*(?P<sep>[-./])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<day>\d{{1,2}})(?!\d)"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+|\s*-\s*){_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<first>\d{{1,2}})\s*/\s*(?P<second>\d{{1,2}})\s*/\s*{_YEAR}\b"),
]
# Two-digit years: read only when the value is nothing but a date stamp.
_SHORT_PATTERNS = [
    re.compile(rf"\b(?P<first>\d{{1,2}})\s*(?P<sep>[/.])\s*(?P<second>\d{{1,2}})\s*(?P=sep)\s*{_SHORT_YEAR}\b{_END}"),
    re.compile(rf"\b{_MONTH}\s*-\s*{_DAY}\s*-\s*{_SHORT_YEAR}\b{_END}", re.IGNORECASE),
]

# What a date stamp may hold besides its dates: clock times, zones, weekdays, labels.
_CLOCK = re.compile(r"\b\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?", re.IGNORECASE)
_STAMP_WORDS = re.compile(
    r"\b(?:(?:first\s+)?posted|published|updated|released|edited|modified|last|date|on|at|"
    r"am|pm|utc|gmt|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\.?",
    re.IGNORECASE,
)
# Zones are written in capitals (ET, EST, PDT, GMT); lower-case "at" or "it" is a word.
_ZONE = re.compile(r"\b(?:[A-Z]{1,3}T|UTC|Z)\b")
_STAMP_PUNCTUATION = re.compile(r"[\s,|:;\-\u2013\u2014()\[\]/.]*")
# Two-digit years up to this pivot are this century's ("08" is 2008, "98" is 1998).
_CENTURY_PIVOT = 69


def parse_loose_date(value: str) -> dt.date | None:
    """The first calendar date written in ``value``, or None when there is none."""
    found = [m for pattern in _PATTERNS for m in pattern.finditer(value)]
    short = [m for pattern in _SHORT_PATTERNS for m in pattern.finditer(value)]
    if short and _is_date_stamp(value, found + short):
        found += short
    for match in sorted(found, key=lambda m: m.start()):
        date = _to_date(match)
        if date is not None:
            return date
    return None


def dates_with_years(text: str) -> list[tuple[dt.date, int, int]]:
    """Every calendar date with a four-digit year written in ``text`` ("February 11, 2020",
    "11 February 2020", "2020-02-11") with its start and end offsets, in order of appearance."""
    found = sorted((m for pattern in _PATTERNS for m in pattern.finditer(text)), key=lambda m: m.start())
    return [(date, m.start(), m.end()) for m in found if (date := _to_date(m)) is not None]


def _is_date_stamp(value: str, dates: list[re.Match[str]]) -> bool:
    """True when ``value`` holds nothing but dates, times, zones, weekdays and labels.

    So "She was 91." or a headline that happens to hold "5.2.13" is not taken for a date.
    """
    rest = list(value)
    for match in dates:
        rest[match.start():match.end()] = " " * (match.end() - match.start())
    text = _STAMP_WORDS.sub(" ", _ZONE.sub(" ", _CLOCK.sub(" ", "".join(rest))))
    return _STAMP_PUNCTUATION.fullmatch(text) is not None


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    if parts.get("short_year"):
        short = int(parts["short_year"])
        year = 2000 + short if short <= _CENTURY_PIVOT else 1900 + short
    else:
        year = int(parts["year"])
    if parts.get("month_name"):
        month, day = MONTH_NUMBERS[parts["month_name"].lower()], int(parts["day"])
    elif parts.get("first"):
        month, day = int(parts["first"]), int(parts["second"])
        if month > 12:
            month, day = day, month
    else:
        month, day = int(parts["month"]), int(parts["day"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
