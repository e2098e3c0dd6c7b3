"""Pair checks on what a figure is measured in: its dimension, the place a distance is
measured from, and whether it can count things at all. Each takes one partition's claims
and returns an n x n boolean matrix (True = never one quantity), for rules/align/.
"""

from __future__ import annotations

import re

import numpy as np

from checker.align.features import value_codes
from checker.models import Claim, QuantityKind
from checker.units import canonical_unit

def different_dimensions(claims: list[Claim], units_left_out: frozenset[str]) -> np.ndarray:
    """Pairs of a physical measure and a figure not in its dimension (n x n, True = apart):
    "two tonnes of medicine" is never "two more" patients, nor 35 km a 35-hectare farm.
    Miles and kilometres share a dimension (units.canonical_unit); a unit figures are often
    written without (``units_left_out``: "a 7.6 quake" is "magnitude 7.6") is no dimension."""
    dimension = np.array([_dimension(c, units_left_out) for c in claims], dtype=object)
    measured = dimension != ""
    return (measured[:, None] | measured[None, :]) & (dimension[:, None] != dimension[None, :])


def _dimension(claim: Claim, units_left_out: frozenset[str]) -> str:
    if claim.kind != QuantityKind.measure or not claim.unit:
        return ""
    unit = canonical_unit(claim.unit) or ""
    return "" if unit in units_left_out else unit


def fractions_and_counted_things(claims: list[Claim]) -> np.ndarray:
    """Pairs of a bare fractional figure and a whole count of named things (n x n, True =
    apart): "two quakes, measuring 7.6 and 7.4" is a reading, never "seven bridges"; a
    batting average of .358 is never 13 homers. A count of things is a whole number, so a
    figure with a fraction, no unit and nothing counted measures something else."""
    bare_fraction = np.array([_bare_fraction(c) for c in claims], dtype=bool)
    counted_whole = np.array([_counted_whole(c) for c in claims], dtype=bool)
    apart = bare_fraction[:, None] & counted_whole[None, :]
    return apart | apart.T


def _bare_fraction(claim: Claim) -> bool:
    point = claim.value.point
    return (claim.kind in (QuantityKind.count, QuantityKind.measure) and not claim.unit
            and not claim.counted_head and point != int(point))


def _counted_whole(claim: Claim) -> bool:
    point = claim.value.point
    return claim.kind == QuantityKind.count and not claim.unit and bool(claim.counted_head) and point == int(point)


# The place a distance is measured from, after its direction: "14 miles north-northeast of
# Healdsburg", "75 kilometers (50 miles) west of Manokwari", "85 miles from Papua's main city
# of Manokwari" (the last name of the clause: the city, not the province).
_REFERENCE_PLACE = re.compile(r"\b(?:of|from)\s+(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)")
_CLAUSE_END = re.compile(r"[,;:]|\.(?:\s|$)")
_REFERENCE_CHARS = 90


def reference_place(claim: Claim) -> str | None:
    """The named place an offset distance (the offset facet) is measured from, else None."""
    if "offset" not in claim.facets:
        return None
    after = claim.sentence[claim.end - claim.sentence_start :][:_REFERENCE_CHARS]
    if after.lstrip().startswith("("):  # "75 kilometers (50 miles) west of ...": past the conversion
        after = after[after.find(")") + 1 :]
    clause = _CLAUSE_END.split(after, maxsplit=1)[0]
    names = _REFERENCE_PLACE.findall(clause)
    return names[-1].lower() if names else None


def distances_from_other_places(claims: list[Claim]) -> np.ndarray:
    """Pairs of distances measured from two different named places (n x n, True = apart):
    "twelve miles east of Cloverdale" is never "about 14 miles north-northeast of Healdsburg"."""
    places = [reference_place(c) for c in claims]
    codes = value_codes(places)
    known = np.array([p is not None for p in places])
    return known[:, None] & known[None, :] & (codes[:, None] != codes[None, :])
