"""Comparison intervals: the interval a claim's value denotes as extracted (``almost
900,000`` is 90-100% of 900,000, ``up to 700`` is 0-700, ``more than 100`` anything above
100: extract/numbers/intervals.py decides it, once), widened by the rules' tolerance.
"""

from __future__ import annotations

import re

from checker.units import OPEN_END, canonical_unit, to_canonical
from checker.models import Claim, Value
from checker.ruleset.schema import Tolerance



def comparison_interval(claim: Claim, tolerance: Tolerance, converted: bool = False) -> tuple[float, float]:
    """The interval a claim admits, widened by the tolerance of its kind, in a canonical unit.

    ``converted``: the other side is written in another unit, so one of the two is likely a
    rounded conversion ("7 km (4 miles)"): each value then admits half a unit of its last
    written digit (4 miles is 3.5-4.5 miles) before conversion.
    """
    low, high = claim.value.low, claim.value.high
    if converted:
        half_digit = _half_last_digit(claim.value.point)
        low, high = low - half_digit, min(OPEN_END, high + half_digit)
    precision = _written_precision(claim)
    low, high = _to_canonical(claim.unit, low, high)
    if precision is not None:
        # in the canonical unit too (a linear conversion scales the precision with the value)
        scale = _to_canonical(claim.unit, claim.value.point, claim.value.point)[0] / claim.value.point if claim.value.point else 1.0
        precision *= abs(scale)
    slack_low = max(tolerance.absolute, _capped(tolerance.relative * abs(low), precision))
    slack_high = max(tolerance.absolute, _capped(tolerance.relative * abs(high), precision))
    return low - slack_low, min(OPEN_END, high + slack_high)


def _capped(slack: float, precision: float | None) -> float:
    """The rule's relative slack, but never more than the figure's own rounding: "$13.9
    billion" is written to the nearest $0.1 billion, so it does not stretch to $14.0 billion."""
    # Rounding is half-open ("8.6" is 8.55 up to but not 8.65), so two figures written to
    # the same digit that differ never touch: a hair under half the last digit.
    return slack if precision is None else min(slack, precision * (1 - 1e-9))


_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _written_precision(claim: Claim) -> float | None:
    """Half a unit of the last significant digit the figure is written with, in its value's
    scale: "$13.9 billion" -> 0.05 billion, "1,850" -> 5, "14,000,000" -> 500,000; None for a
    figure written in words or not read as one number."""
    matches = list(_WRITTEN_NUMBER.finditer(claim.text))
    if len(matches) != 1 or not claim.value.point:
        return None
    match = matches[0]
    digits = match.group(0).replace(",", "")
    written = float(digits)
    if written == 0:
        return None
    scale = claim.value.point / written  # "billion", "million", a percent sign: 1e9, 1e6, 1
    if match.group(1):
        place = 10.0 ** -len(match.group(1))
    else:
        whole = digits.rstrip("0")
        place = 10.0 ** (len(digits) - len(whole)) if whole else 1.0
    return 0.5 * place * abs(scale)


def _half_last_digit(point: float) -> float:
    """Half a unit of the last digit a value is written with: 4 -> 0.5, 3.5 -> 0.05."""
    text = f"{point:.6f}".rstrip("0")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return 0.5 * 10.0 ** (-decimals)


def _to_canonical(unit: str | None, low: float, high: float) -> tuple[float, float]:
    """Convert miles to km, Fahrenheit to Celsius...: ``35 km (22 miles)`` is one value."""
    value, _ = to_canonical(Value(low=low, high=high, point=low), unit)
    return value.low, value.high


def written_in_other_units(a: Claim, b: Claim) -> bool:
    """Both have units, comparable ones, written differently (km vs miles)."""
    return bool(a.unit and b.unit) and a.unit != b.unit and canonical_unit(a.unit) == canonical_unit(b.unit)


def comparable_units(a: Claim, b: Claim) -> bool:
    """Values in the same canonical unit (money in two currencies is not, without rates)."""
    return canonical_unit(a.unit) == canonical_unit(b.unit) or not (a.unit and b.unit)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def relative_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far apart two disjoint intervals are, relative to the larger value (0 if they overlap)."""
    if overlaps(a, b):
        return 0.0
    gap = b[0] - a[1] if a[1] < b[0] else a[0] - b[1]
    scale = max(abs(a[0]), abs(b[0]), 1e-9)
    return gap / scale
