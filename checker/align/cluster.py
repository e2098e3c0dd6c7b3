"""Cluster claims from pairwise same-quantity probabilities (agglomerative, precomputed distances)."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering

# The distance of a pair that must never share a cluster: far enough that no linkage average
# brings two clusters holding it under the threshold.
APART_DISTANCE = 1e6


def cluster_pairs(
    n: int,
    probabilities: np.ndarray,
    allowed: np.ndarray,
    threshold: float,
    linkage: str,
    apart: np.ndarray | None = None,
) -> list[list[int]]:
    """Clusters of item indices; pairs not ``allowed`` get the maximum distance.

    A pair not allowed is never merged directly but may still meet through others (average
    linkage); a pair marked in ``apart`` never ends in one cluster at all. ``probabilities``,
    ``allowed`` and ``apart`` are n x n symmetric matrices. Only clusters of two or more
    items are returned, each sorted, in order of their first item.
    """
    if n < 2:
        return []
    distance = 1.0 - probabilities
    distance[~allowed] = 1.0 + 1e-6  # beyond any threshold: never merged directly
    if apart is not None:
        distance[apart] = APART_DISTANCE
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None,
        metric="precomputed",
        linkage=linkage,
        distance_threshold=1.0 - threshold,
    ).fit_predict(distance)
    labels = _settle(np.asarray(labels, dtype=np.int64), 1.0 - distance, threshold)
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    groups = [sorted(members) for members in clusters.values() if len(members) > 1]
    return sorted(groups, key=lambda g: g[0])


# A claim moves to another cluster only when it is this much closer to it on average.
MOVE_MARGIN = 0.05
_MAX_PASSES = 3


def _settle(labels: np.ndarray, similarity: np.ndarray, threshold: float) -> np.ndarray:
    """Move each item to the cluster it is on average most similar to, where that beats its
    own cluster by MOVE_MARGIN and clears the threshold.

    Agglomerative merging is greedy: "the 7.7 magnitude quake" pairs first with the two
    "7.5 magnitude" figures it scores highest with, and stays in their cluster once that
    cluster may no longer merge with the 7.6 figures, though it is closer to the 7.6 figures
    on average. A pair kept apart (similarity far below zero) makes a cluster unreachable.
    """
    labels = labels.copy()
    for _ in range(_MAX_PASSES):
        moved = False
        for i in range(len(labels)):
            own = labels[i]
            sizes = np.bincount(labels, minlength=labels.max() + 1).astype(np.float64)
            totals = np.bincount(labels, weights=similarity[i], minlength=len(sizes))
            sizes[own] -= 1  # the average to one's own cluster leaves oneself out
            totals[own] -= similarity[i, i]
            mean = np.full(len(sizes), -np.inf)
            np.divide(totals, sizes, out=mean, where=sizes > 0)
            own_mean = mean[own]
            # Only to a cluster at least as large as the rest of its own: a small cluster's
            # average is that of a few best pairs, and moving there would split a large one.
            mean[(sizes < sizes[own]) | (np.arange(len(sizes)) == own)] = -np.inf
            best = int(np.argmax(mean))
            if mean[best] >= threshold and mean[best] > own_mean + MOVE_MARGIN:
                labels[i] = best
                moved = True
        if not moved:
            break
    return labels
