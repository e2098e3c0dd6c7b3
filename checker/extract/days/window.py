"""The days a figure's window covers when it runs back from its article's writing ("in recent
days", "in the past 24 hours", "this week"), given the days the article may have been written
on (dated.py): read by the extract stage into ``Claim.window``, so the aligner can set such a
figure against another article's figures of other weeks without re-reading time phrases.
"""

from __future__ import annotations

import datetime as dt

from checker.extract.timescope import find_time_phrases
from checker.models import Claim

# Windows up to this long that end on the day of writing are read; longer ones ("in the last
# three months") are not.
MAX_WINDOW_DAYS = 14

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
