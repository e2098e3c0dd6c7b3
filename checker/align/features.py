"""Pair features for the same-quantity classifier, and the hard constraints that forbid a pair.

Every feature is a number in [0, 1] (or a small clipped range) so the logistic model's
weights stay readable; FEATURE_NAMES fixes their order in the trained model file.
"""

from __future__ import annotations

import math

import numpy as np

from checker.lexicon import Lexicon
from checker.models import Claim, QuantityKind

FEATURE_NAMES = (
    "frame_cosine",
    "context_cosine",
    "counted_same",
    "counted_conflict",
    "predicate_same",
    "predicate_nested",
    "predicate_conflict",
    "log_ratio",
    "values_overlap",
    "vague_pair",
    "scope_disjoint",
    "same_article",
    "place_conflict",
    "anaphoric",
)

# Kinds that can be compared only with their own kind.
_COMPATIBLE_KINDS = {QuantityKind.duration: {QuantityKind.duration, QuantityKind.count}}


def may_pair(a: Claim, b: Claim) -> bool:
    """Hard constraints: pairs that are never the same quantity, whatever the model says."""
    if a.article_id == b.article_id and a.sentence_start == b.sentence_start and a.start == b.start:
        return False
    kinds_ok = a.kind == b.kind or b.kind in _COMPATIBLE_KINDS.get(a.kind, set()) or a.kind in _COMPATIBLE_KINDS.get(b.kind, set())
    if not kinds_ok:
        return False
    if (a.unit or None) != (b.unit or None) and not _convertible(a.unit, b.unit):
        return False
    # A part ("300,000 of those") is never the same quantity as a whole.
    if bool(a.part_of) != bool(b.part_of):
        return False
    # Inside one article only different sources make a comparison worth having.
    if a.article_id == b.article_id:
        sa, sb = a.attribution.source_normalized, b.attribution.source_normalized
        if not sa or not sb or sa == sb:
            return False
    return True


_CONVERTIBLE = [{"km", "mi"}, {"m", "ft"}, {"C", "F"}, {"km2", "mi2"}]


def _convertible(u: str | None, v: str | None) -> bool:
    return any(u in group and v in group for group in _CONVERTIBLE)


def feature_tensor(claims: list[Claim], frame_sim: np.ndarray, context_sim: np.ndarray, lexicon: Lexicon) -> np.ndarray:
    """Features of every pair of ``claims`` as an (n, n, F) array, in FEATURE_NAMES order.

    Vectorised over pairs: a story can hold hundreds of claims.
    """
    n = len(claims)
    counted = _relation_matrix([c.counted_head for c in claims], lexicon.counted_relation)
    predicate = _relation_matrix([c.predicate for c in claims], lexicon.predicate_relation)
    logs = np.array([math.log10(abs(c.value.point)) if c.value.point else -1.0 for c in claims])
    low = np.array([c.value.low for c in claims])
    high = np.array([c.value.high for c in claims])
    vague = np.array([c.vague for c in claims])
    article = np.array([hash(c.article_id) for c in claims])
    part = np.array([bool(c.part_of) for c in claims])
    day = np.array([_single_day(c) for c in claims], dtype=np.float64)
    place = [c.place.lower() if c.place else None for c in claims]
    place_ids = np.array([hash(p) if p else 0 for p in place])
    has_place = np.array([p is not None for p in place])

    features = np.zeros((n, n, len(FEATURE_NAMES)), dtype=np.float64)
    features[:, :, 0] = frame_sim
    features[:, :, 1] = context_sim
    features[:, :, 2] = counted == _SAME
    features[:, :, 3] = counted == _UNRELATED
    features[:, :, 4] = predicate == _SAME
    features[:, :, 5] = predicate == _NESTED
    features[:, :, 6] = predicate == _UNRELATED
    features[:, :, 7] = np.minimum(np.abs(logs[:, None] - logs[None, :]), 3.0) / 3.0
    features[:, :, 8] = (low[:, None] <= high[None, :]) & (low[None, :] <= high[:, None])
    features[:, :, 9] = vague[:, None] | vague[None, :]
    both_days = ~np.isnan(day)[:, None] & ~np.isnan(day)[None, :]
    features[:, :, 10] = both_days & (np.abs(np.nan_to_num(day)[:, None] - np.nan_to_num(day)[None, :]) > 1)
    features[:, :, 11] = article[:, None] == article[None, :]
    features[:, :, 12] = has_place[:, None] & has_place[None, :] & (place_ids[:, None] != place_ids[None, :])
    features[:, :, 13] = part[:, None] | part[None, :]
    return features


_SAME, _NESTED, _UNRELATED, _UNKNOWN = 1, 2, 3, 0
_RELATION_CODES = {"same": _SAME, "broader": _NESTED, "narrower": _NESTED, "unrelated": _UNRELATED, "unknown": _UNKNOWN}


def _relation_matrix(words: list[str | None], relation) -> np.ndarray:
    """Relation codes between every pair of words, computed once per distinct pair of words."""
    distinct = sorted({w for w in words if w})
    index = {w: i for i, w in enumerate(distinct)}
    table = np.zeros((len(distinct) + 1, len(distinct) + 1), dtype=np.int8)
    for i, a in enumerate(distinct):
        for j, b in enumerate(distinct):
            table[i, j] = _RELATION_CODES[relation(a, b)]
    ids = np.array([index[w] if w else len(distinct) for w in words])
    return table[ids[:, None], ids[None, :]]


def _single_day(claim: Claim) -> float:
    """The claim's event day as an ordinal, or NaN when its scope is not a single day."""
    s = claim.scope
    if s.start and s.end and s.start == s.end:
        return float(s.start.toordinal())
    return float("nan")
