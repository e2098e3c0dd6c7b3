"""Figures of windows that end on the day an article was written, against figures of other
articles written well outside them.

An article's days of writing are read by the extract stage (extract/days/dated.py). So the
Idlib article written on 11 February has its "dozens of towns and villages in recent days"
taken in the week before: never the "13 towns and villages" an article of 17 February gives
with no time phrase, which are that day's news (or a total up to it, of which the window is
a part).
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

import numpy as np

from checker.extract.timescope import find_time_phrases
from checker.models import Claim

# Windows up to this long that end on the day of writing ("in recent days", "in the past
# 24 hours", "this week") are compared; longer ones ("in the last three months") are not.
MAX_WINDOW_DAYS = 14
# Days between a window and another article's writing that still may be one report told
# late (time zones, a wire story printed the next day).
SLACK_DAYS = 2

DayRange = tuple[dt.date, dt.date]


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
