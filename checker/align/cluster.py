"""Cluster claims from pairwise same-quantity probabilities (agglomerative, precomputed distances)."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import AgglomerativeClustering


def cluster_pairs(n: int, probabilities: np.ndarray, allowed: np.ndarray, threshold: float, linkage: str) -> list[list[int]]:
    """Clusters of item indices; pairs not ``allowed`` get the maximum distance.

    ``probabilities`` and ``allowed`` are n x n symmetric matrices. Only clusters of two or
    more items are returned, each sorted, in order of their first item.
    """
    if n < 2:
        return []
    distance = 1.0 - probabilities
    distance[~allowed] = 1.0 + 1e-6  # beyond any threshold: never merged directly
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
