"""Cut an ordered list of work into contiguous parts of about equal weight.

Only the speed depends on the cut: every engine concatenates the parts' results in order,
and each item's result depends on that item alone.
"""

from __future__ import annotations

from typing import Sequence, TypeVar

T = TypeVar("T")


def balanced_slices(weights: Sequence[float], parts: int) -> list[slice]:
    """At most ``parts`` contiguous, non-empty slices whose weights are about equal."""
    n = len(weights)
    parts = max(1, min(parts, n))
    if n == 0:
        return []
    if not sum(weights):
        weights = [1.0] * n  # no weights: count items
    total = float(sum(weights))
    slices: list[slice] = []
    start, running = 0, 0.0
    for index, weight in enumerate(weights):
        running += weight
        remaining_items = n - index - 1
        remaining_parts = parts - len(slices) - 1
        # Close a part once it holds its share, keeping one item for every part still to come.
        if remaining_parts > 0 and (running >= total * (len(slices) + 1) / parts or remaining_items == remaining_parts):
            slices.append(slice(start, index + 1))
            start = index + 1
    slices.append(slice(start, n))
    return [s for s in slices if s.stop > s.start]


def split(items: Sequence[T], weights: Sequence[float], parts: int) -> list[list[T]]:
    """``items`` cut by :func:`balanced_slices` of their ``weights``."""
    return [list(items[s]) for s in balanced_slices(weights, parts)]


def chunked(items: Sequence[T], size: int) -> list[list[T]]:
    """Consecutive chunks of ``size`` items (the last may be shorter)."""
    return [list(items[i : i + size]) for i in range(0, len(items), max(1, size))]


def deal(items: Sequence[T], parts: int) -> list[list[T]]:
    """``items`` dealt in turn into at most ``parts`` non-empty lists (item i to list i % parts):
    from a sorted list, every list gets the same mix of small and large items."""
    parts = max(1, min(parts, len(items)))
    return [list(items[k::parts]) for k in range(parts)] if items else []
