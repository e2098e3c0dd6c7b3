"""Publication dates as scraped: ISO stamps and the free-form lines news sites print.

news-please's ``date_publish`` is usually "2020-02-04 10:00:00", but older scrapes (the ECB+
corpus) hold the page's own wording: "Published : April 10, 2007", "Updated 4 / 9 / 2007
6 : 04 PM", "on Apr 12 2007". The first date written is taken (a later one is usually an
"updated" stamp). Numeric dates are read month first, as in the US sources these come from,
unless the first number cannot be a month.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_MONTH = r"(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"

_PATTERNS = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<first>\d{{1,2}})\s*/\s*(?P<second>\d{{1,2}})\s*/\s*{_YEAR}\b"),
]


def parse_loose_date(value: str) -> dt.date | None:
    """The first calendar date written in ``value``, or None when there is none."""
    found = [(m.start(), m) for pattern in _PATTERNS if (m := pattern.search(value))]
    for _, match in sorted(found, key=lambda item: item[0]):
        date = _to_date(match)
        if date is not None:
            return date
    return None


def _to_date(match: re.Match[str]) -> dt.date | None:
    parts = match.groupdict()
    year = int(parts["year"])
    if parts.get("month_name"):
        month, day = _MONTHS[parts["month_name"].lower()], int(parts["day"])
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
