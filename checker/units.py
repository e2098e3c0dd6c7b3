"""Unit conversions shared by the stages: every unit to the canonical unit of its dimension.

Extraction records units as written (``mi``, ``F``); comparison converts both sides to
the canonical unit so ``35 km (22 miles)`` and ``minus seven Celsius (19 degrees
Fahrenheit)`` are consistent.
"""

from __future__ import annotations

from checker.models import Value

# Open interval ends (see checker/extract/numbers/intervals.py) are never converted.
OPEN_END = 1e18

# Canonical unit per unit code: (canonical code, factor, offset): canonical = x * factor + offset.
CONVERSIONS: dict[str, tuple[str, float, float]] = {
    "mi": ("km", 1.609344, 0.0), "nmi": ("km", 1.852, 0.0), "ft": ("m", 0.3048, 0.0),
    "in": ("m", 0.0254, 0.0), "yd": ("m", 0.9144, 0.0), "cm": ("m", 0.01, 0.0),
    "mm": ("m", 0.001, 0.0), "mi2": ("km2", 2.589988110336, 0.0), "ft2": ("m2", 0.09290304, 0.0),
    "acre": ("ha", 0.40468564224, 0.0), "lb": ("kg", 0.45359237, 0.0),
    "oz": ("kg", 0.028349523125, 0.0), "g": ("kg", 0.001, 0.0), "t": ("kg", 1000.0, 0.0),
    "ml": ("l", 0.001, 0.0), "gal": ("l", 3.785411784, 0.0), "mph": ("km/h", 1.609344, 0.0),
    "kn": ("km/h", 1.852, 0.0), "F": ("C", 5 / 9, -32 * 5 / 9), "decade": ("year", 10.0, 0.0),
    "century": ("year", 100.0, 0.0), "week": ("day", 7.0, 0.0), "fortnight": ("day", 14.0, 0.0),
}


def to_canonical(value: Value, unit: str | None) -> tuple[Value, str | None]:
    """``value`` in the canonical unit of ``unit``'s dimension, and that unit.

    Open ends (``±OPEN_END``, see :mod:`intervals`) stay open; units without a conversion
    (``km``, ``C``, ``USD``, ``%``) come back unchanged.
    """
    if unit not in CONVERSIONS:
        return value, unit
    canonical, factor, offset = CONVERSIONS[unit]

    def convert(x: float) -> float:
        if abs(x) >= OPEN_END:
            return x
        return x * factor + offset

    low, high, point = convert(value.low), convert(value.high), convert(value.point)
    return Value(low=min(low, high), high=max(low, high), point=point), canonical


def canonical_unit(unit: str | None) -> str | None:
    """The unit values of ``unit`` are compared in (km for miles, C for Fahrenheit)."""
    return CONVERSIONS[unit][0] if unit in CONVERSIONS else unit
