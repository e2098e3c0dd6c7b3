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
    clusters: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(index)
    groups = [sorted(members) for members in clusters.values() if len(members) > 1]
    return sorted(groups, key=lambda g: g[0])
