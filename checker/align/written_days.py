"""Figures of two articles placed in time (extract/days/written.py) told with relative days
that fall on different days: "more than 30 yesterday" written a day after "more than 40
were fired yesterday" are two days' rockets, never one quantity."""

from __future__ import annotations

from typing import Mapping

import numpy as np

from checker.days import ONE_DAY_WORD, ONE_DAY_WORDS
from checker.models import Claim


def other_written_days(claims: list[Claim], written: Mapping[str, tuple[int, int]]) -> np.ndarray:
    """Pairs of figures told with relative days ("yesterday") in two placed articles of one
    batch whose days differ once the articles' writing days are known (n x n, True = apart)."""
    n = len(claims)
    if not written:
        return np.zeros((n, n), dtype=bool)
    batch = np.full(n, -1)
    day = np.zeros(n, dtype=int)
    for i, claim in enumerate(claims):
        match = ONE_DAY_WORD.search(claim.scope.text or "")
        place = written.get(claim.article_id)
        if match and place is not None:
            batch[i] = place[0]
            day[i] = place[1] + ONE_DAY_WORDS[match.group(1).lower()]
    known = batch >= 0
    article = np.array([c.article_id for c in claims], dtype=object)
    return (
        known[:, None] & known[None, :] & (batch[:, None] == batch[None, :])
        & (article[:, None] != article[None, :]) & (day[:, None] != day[None, :])
    )
