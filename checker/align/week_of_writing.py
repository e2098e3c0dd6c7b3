"""Figures of windows that end on the day an article was written, against figures of other
articles written well outside them.

An article's days of writing and a figure's window are read by the extract stage
(extract/days/dated.py, extract/days/window.py: ``Claim.window``). So the
Idlib article written on 11 February has its "dozens of towns and villages in recent days"
taken in the week before: never the "13 towns and villages" an article of 17 February gives
with no time phrase, which are that day's news (or a total up to it, of which the window is
a part).
"""

from __future__ import annotations

import datetime as dt
from typing import Mapping

import numpy as np

from checker.models import Claim

# Days between a window and another article's writing that still may be one report told
# late (time zones, a wire story printed the next day).
SLACK_DAYS = 2

DayRange = tuple[dt.date, dt.date]


def windows_of_other_weeks(claims: list[Claim], written: Mapping[str, DayRange]) -> np.ndarray:
    """Pairs of a figure over a short window ending on its article's writing and a figure
    with no time phrase from another article written well before or after that window
    (n x n, True = apart)."""
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    windows = {i: c.window for i, c in enumerate(claims) if c.window is not None and c.article_id in written}
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
