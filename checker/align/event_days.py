"""Two events an article itself sets on two days: "Monday's earthquake was the second one to
hit Qeshm. Earlier on Sunday a 5.6 quake jolted the island."

Undated articles name days only by weekday. When one article tells of an earlier event on
one weekday and names one other weekday for its own news, its figures with no time phrase
are that other day's: the magnitude-5.2 quake that injured three people is Monday's, never
the Sunday quake other articles date to Sunday, nor the Sunday quake of an article that
names no day but Sunday. Only a figure of such a two-event article is ever kept apart this
way: between other articles, two weekdays are one toll told on two days, and the compare
stage says the dates differ. The articles' days are read by the extract stage
(extract/days/) and stored on ``Article.days``.
"""

from __future__ import annotations

from typing import Mapping

import numpy as np

from checker.days import EARLIER_DAY, WEEKDAY
from checker.models import ArticleDays, Claim

_NONE = ArticleDays(news="")


def claim_day(claim: Claim, days: Mapping[str, ArticleDays]) -> tuple[str | None, bool]:
    """The weekday a claim is of, and whether an article of two events tells it.

    A claim's own time phrase names its day; a sentence telling of an article's earlier
    event is that day's, and a figure with no time phrase is the article's news day's.
    """
    own = WEEKDAY.search(claim.scope.text or "")
    article = days.get(claim.article_id)
    two_events = article is not None and article.earlier is not None
    if article is not None and article.earlier is not None and EARLIER_DAY.search(claim.sentence):
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
