"""Two events an article itself sets on two days: "Monday's earthquake was the second one to
hit Qeshm. Earlier on Sunday a 5.6 quake jolted the island."

Undated articles name days only by weekday. When one article tells of an earlier event on
one weekday and names one other weekday for its own news, its figures with no time phrase
are that other day's: the magnitude-5.2 quake that injured three people is Monday's, never
the Sunday quake other articles date to Sunday, nor the Sunday quake of an article that
names no day but Sunday. Only a figure of such a two-event article is ever kept apart this
way: between other articles, two weekdays are one toll told on two days, and the compare
stage says the dates differ.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Mapping

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.week_of_writing import WEEKDAY, WEEKDAYS, writing_range
from checker.align.written_days import written_days
from checker.models import Article, Claim

# "Earlier on Sunday", "earlier Sunday", "a day earlier, on Sunday", "on Sunday, a day earlier".
_EARLIER = re.compile(
    r"\bearlier,?\s+(?:on\s+|that\s+)?(" + "|".join(WEEKDAYS) + r")\b"
    r"|\b(" + "|".join(WEEKDAYS) + r")'s\s+(?:earlier|previous|first)\b"
    r"|\bon\s+(" + "|".join(WEEKDAYS) + r"),?\s+a\s+day\s+earlier\b",
    re.I,
)


class ArticleDays(BaseModel):
    """The day of an article's own news, and the day of the earlier event it tells of (None
    when it names no other day)."""

    model_config = ConfigDict(frozen=True)

    news: str = ""
    earlier: str | None = None
    # (batch, day) the article was written on, relative to articles it shares an event
    # with (written_days.py); None when nothing places it.
    written: tuple[int, int] | None = None
    # First and last day the article may have been written on (week_of_writing.py); None when
    # neither its date nor its text tells.
    dated: tuple[dt.date, dt.date] | None = None


def article_days(articles: list[Article]) -> dict[str, ArticleDays]:
    """By article id: the articles that name one weekday besides an earlier event's (or no
    earlier event and one weekday in all), those written_days.py places in time, and those
    whose days of writing are known (week_of_writing.py)."""
    days: dict[str, ArticleDays] = {}
    for article in articles:
        text = f"{article.title or ''}\n{article.text}"
        earlier = {_matched_day(m) for m in _EARLIER.finditer(text)}
        others = {m.group(1).lower() for m in WEEKDAY.finditer(text)} - earlier
        if len(earlier) <= 1 and len(others) == 1:
            days[article.id] = ArticleDays(news=others.pop(), earlier=min(earlier) if earlier else None)
    for article_id, place in written_days(articles).items():
        days[article_id] = days.get(article_id, ArticleDays()).model_copy(update={"written": place})
    for article in articles:
        if (dated := writing_range(article)) is not None:
            days[article.id] = days.get(article.id, ArticleDays()).model_copy(update={"dated": dated})
    return days


_NONE = ArticleDays(news="")


def _matched_day(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g).lower()


def claim_day(claim: Claim, days: Mapping[str, ArticleDays]) -> tuple[str | None, bool]:
    """The weekday a claim is of, and whether an article of two events tells it.

    A claim's own time phrase names its day; a sentence telling of an article's earlier
    event is that day's, and a figure with no time phrase is the article's news day's.
    """
    own = WEEKDAY.search(claim.scope.text or "")
    article = days.get(claim.article_id)
    two_events = article is not None and article.earlier is not None
    if article is not None and article.earlier is not None and _EARLIER.search(claim.sentence):
        return article.earlier, True
    if own:
        return own.group(1).lower(), two_events
    if article is not None and claim.scope.text is None:
        return article.news, two_events
    return None, False


def other_days_events(claims: list[Claim], days: Mapping[str, ArticleDays]) -> np.ndarray:
    """Pairs of figures an article of two events puts on different days (n x n, True = apart):
    one of them from that article, both with a day, the days differ."""
    n = len(claims)
    if not any(days.get(c.article_id, _NONE).earlier for c in claims):
        return np.zeros((n, n), dtype=bool)
    found = [claim_day(c, days) for c in claims]
    day = np.array([d or "" for d, _ in found], dtype=object)
    told = np.array([t for _, t in found], dtype=bool)
    known = day != ""
    return known[:, None] & known[None, :] & (day[:, None] != day[None, :]) & (told[:, None] | told[None, :])
