"""The interval a bounded number denotes.

Open ends are the finite sentinel :data:`OPEN_END` (1e18), not ``inf``: the interval must
serialise to JSON and compare safely. A number larger than the sentinel keeps itself as
its open end, so ``low <= high`` always holds.
"""

from __future__ import annotations

import math

from checker.models import Bound, Value
from checker.units import OPEN_END  # one definition, shared with comparison

# "almost 900,000" denotes a little under 900,000: this many tolerances below the number.
NEAR_BELOW_TOLERANCES = 2.0


def interval(point: float, bound: Bound, tolerance: float, near_below: bool = False) -> Value:
    """``point`` under ``bound``; ``near_below`` for "almost"/"nearly" (just under the number)."""
    tolerance = tolerance if math.isfinite(tolerance) and tolerance >= 0 else 0.0
    if bound == Bound.approx:
        low, high = point * (1 - tolerance), point * (1 + tolerance)
    elif bound in (Bound.at_least, Bound.more_than):
        low, high = point, max(OPEN_END, point)
    elif bound in (Bound.at_most, Bound.less_than):
        if near_below:
            low = point - abs(point) * min(1.0, NEAR_BELOW_TOLERANCES * tolerance)
        else:
            low = 0.0 if point > 0 else min(-OPEN_END, point)
        high = point
    else:
        low = high = point
    return Value(low=min(low, high), high=max(low, high), point=point)


# "about 3pm" means within a quarter of an hour of three: a clock time's slack is minutes, not a
# share of its HHMM number (5% of 1500 would stretch "about 3pm" to 3.45pm).
APPROX_CLOCK_MINUTES = 15


def approx_clock_interval(hhmm: float) -> Value:
    """"About" a clock time (24-hour HHMM): APPROX_CLOCK_MINUTES either side, within the day."""
    if not 0 <= hhmm < 2400:
        return Value(low=hhmm, high=hhmm, point=hhmm)
    minutes = (hhmm // 100) * 60 + hhmm % 100
    low = max(0.0, minutes - APPROX_CLOCK_MINUTES)
    high = min(23 * 60 + 59.0, minutes + APPROX_CLOCK_MINUTES)
    return Value(low=_hhmm(low), high=_hhmm(high), point=hhmm)


def _hhmm(minutes: float) -> float:
    return (minutes // 60) * 100 + minutes % 60


def range_interval(low: float, high: float, bound: Bound, tolerance: float) -> Value:
    """A written range ``low``..``high`` (point = ``low``), widened when approximate."""
    if bound == Bound.approx:
        tolerance = tolerance if math.isfinite(tolerance) and tolerance >= 0 else 0.0
        a, b = low - abs(low) * tolerance, high + abs(high) * tolerance
    else:
        a, b = low, high
    return Value(low=min(a, b), high=max(a, b), point=low)


def vague_interval(nominal: float, highest: float) -> Value:
    """A vague amount ("hundreds"): from its nominal value to the most it can mean."""
    return Value(low=nominal, high=max(nominal, highest), point=nominal)


def is_finite_value(value: Value) -> bool:
    return math.isfinite(value.low) and math.isfinite(value.high) and math.isfinite(value.point)
