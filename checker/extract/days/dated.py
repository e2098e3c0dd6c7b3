"""The days an article may have been written on, from its date or its own text.

A dated article was written on its date. An undated one may pin its own week with the
latest date it writes, when that date is the news and not history: a photo caption's date
("near Idlib, Syria on February 11, 2020. (Khalil Ashawi / Reuters)") whose weekday the
text tells of ("The Syrian army said Tuesday"; 11 February 2020 was a Tuesday), or a date
written with its weekday ("on Saturday December 13 2008"). News names the days of the past
week by weekday, so the writing is that day or within the six days after; a weekday still
to come ("will meet Turkish officials in Ankara on Wednesday") ends the range before it.
A date with a later year anywhere in the text is history, whatever its weekday.
"""

from __future__ import annotations

import datetime as dt
import re

from checker.days import WEEKDAY, WEEKDAYS
from checker.dates import dates_with_years
from checker.models import Article

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

def writing_range(article: Article) -> tuple[dt.date, dt.date] | None:
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
