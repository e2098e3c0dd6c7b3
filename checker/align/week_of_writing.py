"""The days an article may have been written on, and figures of windows that end there.

A dated article was written on its date. An undated one may pin its own week with the
latest date it writes, when that date is the news and not history: a photo caption's date
("near Idlib, Syria on February 11, 2020. (Khalil Ashawi / Reuters)") whose weekday the
text tells of ("The Syrian army said Tuesday"; 11 February 2020 was a Tuesday), or a date
written with its weekday ("on Saturday December 13 2008"). News names the days of the past
week by weekday, so the writing is that day or within the six days after; a weekday still
to come ("will meet Turkish officials in Ankara on Wednesday") ends the range before it.
A date with a later year anywhere in the text is history, whatever its weekday.

So the Idlib article above was written on 11 February, and its "dozens of towns and
villages in recent days" were taken in the week before: never the "13 towns and villages"
an article of 17 February gives with no time phrase, which are that day's news (or a
total up to it, of which the window is a part).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping

import numpy as np

from checker.extract.timescope import find_time_phrases
from checker.ingest.dates import dates_with_years
from checker.models import Article, Claim

# Weekday names in Python's order (0 = Monday), and a weekday in text (event_days.py too).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
# A weekday after these words in its sentence is still to come: "will meet ... on Wednesday".
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected)\s+to|(?:is|are)\s+to)\b", re.I)
# "Saturday December 13 2008", "Tuesday, 11 February 2020", "Tuesday (11 February 2020".
_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b,?\s*\(?(?:the\s+)?$", re.I)
# A caption's credit right after its date: ". (Khalil Ashawi / Reuters)", ". REUTERS/Name",
# " (AP Photo/Name)", ". Photo: AFP".
_PHOTO_CREDIT = re.compile(
    r"[.,]?\s*(?:\([^()\n]{0,60}(?:/|\b(?:Reuters|AFP|AP|Getty|EPA|Xinhua|Photo)\b)[^()\n]{0,60}\)"
    r"|(?:REUTERS|AFP|Photo:|Picture:|Credit:))",
)
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# News names by weekday only the days of the week around its writing.
_WEEKDAY_REACH_DAYS = 6
# Windows up to this long that end on the day of writing ("in recent days", "in the past
# 24 hours", "this week") are compared; longer ones ("in the last three months") are not.
MAX_WINDOW_DAYS = 14
# Days between a window and another article's writing that still may be one report told
# late (time zones, a wire story printed the next day).
SLACK_DAYS = 2

DayRange = tuple[dt.date, dt.date]


def writing_range(article: Article) -> DayRange | None:
    """The first and last day ``article`` may have been written on: its publication date, or
    the week its own text pins (see the module docstring); None when neither is known."""
    if article.published is not None:
        return article.published, article.published
    text = f"{article.title or ''}\n{article.text}"
    past, coming = _weekdays_told(text)
    dates = dates_with_years(text)
    if not dates:
        return None
    # The news is the latest thing an article dates: a date with any later date or year
    # beside it ("On Tuesday, Oct. 10, 1972, Washington awoke", told in 2008) is history.
    anchor, start, end = max(dates)
    latest_year = max(int(year) for year in _YEAR.findall(text))
    if anchor.year < latest_year or not _dates_the_news(text, anchor, start, end, past):
        return None
    last = anchor + dt.timedelta(days=_WEEKDAY_REACH_DAYS)
    for weekday in coming:
        ahead = (weekday - anchor.weekday()) % 7 or 7
        last = min(last, anchor + dt.timedelta(days=ahead - 1))
    return anchor, last


def _dates_the_news(text: str, date: dt.date, start: int, end: int, past: set[int]) -> bool:
    """A date written with its weekday ("on Saturday December 13 2008"), or a photo caption's
    date ("... on February 11, 2020. (Khalil Ashawi / Reuters)") whose weekday the text also
    tells of. A date in a sentence of its own is often history ("broke the cease-fire on 4
    November 2008"), whatever weekday it fell on."""
    beside = _WEEKDAY_BEFORE.search(text[max(0, start - 16) : start])
    if beside:
        sentence = text[max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1 : start]
        # "will be televised live on Sunday, February 22, 2009": written before that day
        return WEEKDAYS.index(beside.group(1).lower()) == date.weekday() and not _FUTURE.search(sentence)
    return bool(_PHOTO_CREDIT.match(text, end)) and date.weekday() in past


def _weekdays_told(text: str) -> tuple[set[int], set[int]]:
    """Weekdays (0 = Monday) the text tells of as past or present, and as still to come."""
    past: set[int] = set()
    coming: set[int] = set()
    for sentence in _SENTENCE_END.split(text):
        for match in WEEKDAY.finditer(sentence):
            day = WEEKDAYS.index(match.group(1).lower())
            (coming if _FUTURE.search(sentence[: match.start()]) else past).add(day)
    return past, coming


def recent_window(claim: Claim, written: DayRange) -> DayRange | None:
    """The days a claim's window may cover when it runs back from the day of writing ("in
    recent days", "in the past 24 hours"), given the days its article may have been written
    on; None for any other scope, calendar-named ones included ("since February 1")."""
    if not claim.scope.text:
        return None
    earliest, latest = (_resolved(claim.scope.text, day) for day in written)
    moved = _resolved(claim.scope.text, written[0] + dt.timedelta(days=1))
    if earliest is None or latest is None or moved is None or moved[0] == earliest[0]:
        return None
    if earliest[1] != written[0] or not 0 < (earliest[1] - earliest[0]).days <= MAX_WINDOW_DAYS:
        return None
    return earliest[0], latest[1]


def _resolved(phrase: str, written: dt.date) -> DayRange | None:
    """First and last day of a time phrase written on ``written``; None if either is open."""
    found = find_time_phrases(phrase, written)
    if not found or found[0].scope.start is None or found[0].scope.end is None:
        return None
    return found[0].scope.start, found[0].scope.end


def windows_of_other_weeks(claims: list[Claim], written: Mapping[str, DayRange]) -> np.ndarray:
    """Pairs of a figure over a short window ending on its article's writing and a figure
    with no time phrase from another article written well before or after that window
    (n x n, True = apart)."""
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    windows = {
        i: window for i, c in enumerate(claims)
        if c.article_id in written and (window := recent_window(c, written[c.article_id])) is not None
    }
    if not windows:
        return apart
    bare = [i for i, c in enumerate(claims) if not c.scope.text and c.article_id in written]
    for i, (start, end) in windows.items():
        for j in bare:
            if claims[j].article_id == claims[i].article_id:
                continue
            first, last = written[claims[j].article_id]
            if (first - end).days > SLACK_DAYS or (start - last).days > SLACK_DAYS:
                apart[i, j] = apart[j, i] = True
    return apart
