"""Clustering of pair scores (align/cluster.py): what greedy merging gets wrong is settled."""

from __future__ import annotations

import numpy as np

from checker.align.cluster import cluster_pairs


def _scores(n: int, pairs: dict[tuple[int, int], float]) -> np.ndarray:
    p = np.zeros((n, n))
    for (i, j), score in pairs.items():
        p[i, j] = p[j, i] = score
    return p


def test_a_claim_caught_early_by_a_few_high_pairs_ends_with_the_group_it_is_closest_to():
    """Four 7.6 figures (0-3), four 7.3-7.5 figures (4-7, a second quake, kept apart from the
    7.6 ones) and one 7.7 (8): the 7.7 scores highest with two 7.5 figures, so greedy merging
    puts it there first, yet on average it is far closer to the 7.6 figures."""
    first, second, seven_seven = range(4), range(4, 8), 8
    pairs = {(i, j): 0.99 for i in first for j in first if i < j}
    pairs |= {(4, 5): 0.99, (6, 7): 0.99, (4, 6): 0.9, (4, 7): 0.9, (5, 6): 0.9, (5, 7): 0.9}
    pairs |= {(4, seven_seven): 0.98, (5, seven_seven): 0.98, (6, seven_seven): 0.3, (7, seven_seven): 0.3}
    pairs |= {(i, seven_seven): 0.93 for i in first}
    probabilities = _scores(9, pairs)
    allowed = ~np.eye(9, dtype=bool)
    apart = np.zeros((9, 9), dtype=bool)
    for i in first:
        for j in second:
            apart[i, j] = apart[j, i] = True
    groups = cluster_pairs(9, probabilities, allowed, threshold=0.65, linkage="average", apart=apart)
    assert groups == [[0, 1, 2, 3, 8], [4, 5, 6, 7]]


def test_a_large_group_is_not_split_to_feed_a_small_one():
    """A claim of a six-claim group scoring 0.99 with both claims of a pair does not leave the
    group for them: a small cluster's average is that of a few best pairs."""
    from checker.align.cluster import _settle

    big = range(6)
    pairs = {(i, j): 0.7 for i in big for j in big if i < j}
    pairs |= {(0, 6): 0.99, (0, 7): 0.99, (6, 7): 0.99}
    similarity = _scores(8, pairs) + np.eye(8)
    labels = np.array([0, 0, 0, 0, 0, 0, 1, 1])
    assert _settle(labels, similarity, threshold=0.65).tolist() == labels.tolist()
