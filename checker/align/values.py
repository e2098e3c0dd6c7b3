"""Claims' values in one unit per dimension, and the pairs whose values cannot be one figure.

One place for what the pair features (features.py) and the facet rules (facet_pairs.py)
both read: "seven km" and "4 miles" are one distance, "three years" and "three decades" are
3 and 30 years.
"""

from __future__ import annotations

import numpy as np

from checker.models import Claim, Value
from checker.units import to_canonical


def canonical_values(claims: list[Claim]) -> list[Value]:
    """Each claim's value in its dimension's unit."""
    return [to_canonical(c.value, c.unit)[0] for c in claims]


def values_disjoint(values: list[Value]) -> np.ndarray:
    """(n, n) bool: pairs whose intervals do not overlap."""
    low = np.array([v.low for v in values])
    high = np.array([v.high for v in values])
    return (high[:, None] < low[None, :]) | (high[None, :] < low[:, None])
