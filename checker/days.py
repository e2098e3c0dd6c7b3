"""Day words several stages read: weekday and month names, relative day words, an earlier
event's weekday. The words are rules/lexicons/days.yml; the patterns built from them are here.

Shared (not a stage): the extract stage reads them off article text (extract/days/,
extract/timescope.py), the align stage off a claim's own sentence and time phrase
(align/event_days.py, align/written_days.py).
"""

from __future__ import annotations

import re

from checker.ruleset import bundled_rule
from checker.ruleset.schema import DaysRule

_DAYS: DaysRule = bundled_rule("lexicons.days")  # type: ignore[assignment]
# Weekday names in Python's order (0 = Monday), and a weekday in text.
WEEKDAYS = tuple(_DAYS.weekdays)
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
# Month names, January first, and every word for a month ("september", "sep", "sept") -> 1-12.
MONTHS = tuple(_DAYS.months)
MONTH_NUMBERS = (
    {name: i for i, name in enumerate(MONTHS, start=1)}
    | {name[:3]: i for i, name in enumerate(MONTHS, start=1)}
    | dict(_DAYS.month_abbreviations)
)
# The day a relative day word names, counted from the day of writing.
RELATIVE_DAY_OFFSETS = dict(_DAYS.relative_days)
# Relative day words that name one day ("overnight" spans two), and a sentence's one of them.
ONE_DAY_WORDS = dict(_DAYS.one_day_words)
ONE_DAY_WORD = re.compile(r"\b(" + "|".join(map(re.escape, ONE_DAY_WORDS)) + r")\b", re.I)
# "Earlier on Sunday", "earlier Sunday", "a day earlier, on Sunday", "on Sunday, a day earlier".
EARLIER_DAY = re.compile(
    r"\bearlier,?\s+(?:on\s+|that\s+)?(" + "|".join(WEEKDAYS) + r")\b"
    r"|\b(" + "|".join(WEEKDAYS) + r")'s\s+(?:earlier|previous|first)\b"
    r"|\bon\s+(" + "|".join(WEEKDAYS) + r"),?\s+a\s+day\s+earlier\b",
    re.I,
)


def earlier_weekday(match: re.Match[str]) -> str:
    """The weekday an EARLIER_DAY match names, lower-cased."""
    return next(g for g in match.groups() if g).lower()
