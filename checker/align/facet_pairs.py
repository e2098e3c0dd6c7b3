"""Pairs the claims' facets keep apart, as each facet rule of rules/facets/ says (`apart`)."""

from __future__ import annotations

from typing import Mapping

import numpy as np

from checker.models import Claim
from checker.align.values import canonical_values, values_disjoint


def facets_apart_by_facet(
    claims: list[Claim], verdicts: Mapping[str, str], excludes: Mapping[str, tuple[str, ...]] | None = None
) -> list[tuple[str, np.ndarray]]:
    """(facet, n x n matrix, True = never one quantity) for each facet that keeps some pair
    apart: a figure marked with a facet and one that is not
    ("a combined 157 games" / "54 games"), where the facet's rule says so; with
    ``marked_vs_unmarked_if_values_differ`` only when the values differ, as the same total
    may be written once with the mark and once without. A facet that ``excludes`` another
    also keeps its figures from that facet's ("a depth of 12 miles" / "twelve miles east of
    Cloverdale"), whatever the values."""
    found: list[tuple[str, np.ndarray]] = []
    disjoint: np.ndarray | None = None
    for facet, verdict in sorted(verdicts.items()):
        if verdict == "none":
            continue
        marked = np.array([facet in c.facets for c in claims], dtype=bool)
        if not marked.any() or marked.all():
            continue
        pairs = marked[:, None] != marked[None, :]
        if verdict == "marked_vs_unmarked_if_values_differ":
            if disjoint is None:
                disjoint = values_disjoint(canonical_values(claims))
            pairs &= disjoint
        for other in (excludes or {}).get(facet, ()):
            theirs = np.array([other in c.facets for c in claims], dtype=bool)
            pairs |= (marked[:, None] & theirs[None, :]) | (theirs[:, None] & marked[None, :])
        if pairs.any():
            found.append((facet, pairs))
    return found
