"""Pair features for the same-quantity classifier.

Every feature is a number in [0, 1] (or a small clipped range) so the logistic model's
weights stay readable; FEATURE_NAMES fixes their order in the trained model file. The hard
constraints that forbid a pair are in constraints.py, the rule links that make one in
links.py.
"""

from __future__ import annotations

import math
import re

import numpy as np

from checker.lexicon import Lexicon
from checker.models import Claim
from checker.align.values import canonical_values, values_disjoint
from checker.units import canonical_unit

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
    "counted_jaccard",
    "proper_modifier_conflict",
    "same_point",
    "both_counted",
    "kind_same",
    "unit_same",
    "counted_cosine",
    "names_jaccard",
    "names_conflict",
    "proper_modifier_shared",
)
COLUMN = {name: index for index, name in enumerate(FEATURE_NAMES)}


def value_codes(values: list) -> np.ndarray:
    """One integer per distinct value, so equality of all pairs is one array comparison."""
    index: dict[object, int] = {}
    return np.array([index.setdefault(v, len(index)) for v in values])


def feature_tensor(
    claims: list[Claim],
    frame_sim: np.ndarray,
    context_sim: np.ndarray,
    counted_sim: np.ndarray,
    lexicon: Lexicon,
) -> np.ndarray:
    """Features of every pair of ``claims`` as an (n, n, F) array, in FEATURE_NAMES order.

    Vectorised over pairs: a story can hold hundreds of claims.
    """
    n = len(claims)
    counted = relation_matrix([c.counted_head for c in claims], lexicon.counted_relation)
    predicate = relation_matrix([c.predicate for c in claims], lexicon.predicate_relation)
    values = canonical_values(claims)
    logs = np.array([math.log10(abs(v.point)) if v.point else -1.0 for v in values])
    vague = np.array([c.vague for c in claims])
    article = np.array([hash(c.article_id) for c in claims])
    part = np.array([bool(c.part_of) for c in claims])
    day = np.array([_single_day(c) for c in claims], dtype=np.float64)
    place = [c.place.lower() if c.place else None for c in claims]
    place_ids = np.array([hash(p) if p else 0 for p in place])
    has_place = np.array([p is not None for p in place])

    # float32: what scikit-learn trees compare in (it casts to float32), at half the memory
    # of float64 (a 1,500-claim partition is 1,500 x 1,500 x 24 values).
    features = np.zeros((n, n, len(FEATURE_NAMES)), dtype=np.float32)
    features[:, :, COLUMN["frame_cosine"]] = frame_sim
    features[:, :, COLUMN["context_cosine"]] = context_sim
    features[:, :, COLUMN["counted_same"]] = counted == SAME
    features[:, :, COLUMN["counted_conflict"]] = counted == UNRELATED
    features[:, :, COLUMN["predicate_same"]] = predicate == SAME
    features[:, :, COLUMN["predicate_nested"]] = predicate == NESTED
    features[:, :, COLUMN["predicate_conflict"]] = predicate == UNRELATED
    features[:, :, COLUMN["log_ratio"]] = np.minimum(np.abs(logs[:, None] - logs[None, :]), 3.0) / 3.0
    features[:, :, COLUMN["values_overlap"]] = ~values_disjoint(values)
    features[:, :, COLUMN["vague_pair"]] = vague[:, None] | vague[None, :]
    both_days = ~np.isnan(day)[:, None] & ~np.isnan(day)[None, :]
    features[:, :, COLUMN["scope_disjoint"]] = both_days & (np.abs(np.nan_to_num(day)[:, None] - np.nan_to_num(day)[None, :]) > 1)
    features[:, :, COLUMN["same_article"]] = article[:, None] == article[None, :]
    features[:, :, COLUMN["place_conflict"]] = has_place[:, None] & has_place[None, :] & (place_ids[:, None] != place_ids[None, :])
    features[:, :, COLUMN["anaphoric"]] = part[:, None] | part[None, :]
    words = incidence([_content_words(c.counted) for c in claims])
    shared = words @ words.T
    sizes = words.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    features[:, :, COLUMN["counted_jaccard"]] = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    proper = incidence([{w for w in _raw_words(c.counted) if w[:1].isupper()} for c in claims])
    has_proper = proper.sum(axis=1) > 0
    shared_proper = proper @ proper.T
    features[:, :, COLUMN["proper_modifier_conflict"]] = has_proper[:, None] & has_proper[None, :] & (shared_proper == 0)
    features[:, :, COLUMN["proper_modifier_shared"]] = shared_proper > 0
    points = np.array([v.point for v in values])
    features[:, :, COLUMN["same_point"]] = points[:, None] == points[None, :]
    counted_known = np.array([c.counted_head is not None for c in claims])
    features[:, :, COLUMN["both_counted"]] = counted_known[:, None] & counted_known[None, :]
    kinds = np.array([hash(c.kind.value) for c in claims])
    features[:, :, COLUMN["kind_same"]] = kinds[:, None] == kinds[None, :]
    units = np.array([hash(canonical_unit(c.unit)) for c in claims])
    features[:, :, COLUMN["unit_same"]] = units[:, None] == units[None, :]
    features[:, :, COLUMN["counted_cosine"]] = np.where(counted_known[:, None] & counted_known[None, :], counted_sim, 0.0)
    # Names near the number tell whose figure it is: the Angels' offer, not the Nationals'.
    names = incidence([_names_near(c) for c in claims])
    shared_names = names @ names.T
    name_sizes = names.sum(axis=1)
    name_union = name_sizes[:, None] + name_sizes[None, :] - shared_names
    features[:, :, COLUMN["names_jaccard"]] = np.divide(shared_names, name_union, out=np.zeros_like(shared_names), where=name_union > 0)
    has_names = name_sizes > 0
    features[:, :, COLUMN["names_conflict"]] = has_names[:, None] & has_names[None, :] & (shared_names == 0)
    return features


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_NAME_WINDOW = 80


def _names_near(claim: Claim) -> set[str]:
    """Capitalised words (not sentence-initial) within a window around the number."""
    rel = claim.start - claim.sentence_start
    window_start = max(0, rel - _NAME_WINDOW)
    window = claim.sentence[window_start : rel + (claim.end - claim.start) + _NAME_WINDOW]
    return {m.group(0).lower() for m in _NAME.finditer(window) if m.start() + window_start > 0}


def incidence(word_sets: list[set[str]]) -> np.ndarray:
    """Binary claim x word matrix, so set overlaps of all pairs are one matrix product."""
    vocabulary = {w: i for i, w in enumerate(sorted(set().union(*word_sets)))} if word_sets else {}
    matrix = np.zeros((len(word_sets), max(1, len(vocabulary))), dtype=np.float64)
    for row, ws in enumerate(word_sets):
        for w in ws:
            matrix[row, vocabulary[w]] = 1.0
    return matrix


def _raw_words(phrase: str | None) -> list[str]:
    return phrase.split() if phrase else []


def _content_words(phrase: str | None) -> set[str]:
    """Lower-cased words of a counted phrase, crude plural folded ("soldiers" ~ "soldier")."""
    return {w.lower().rstrip("s") for w in _raw_words(phrase) if len(w) > 2}


SAME, NESTED, UNRELATED, UNKNOWN = 1, 2, 3, 0
_RELATION_CODES = {"same": SAME, "broader": NESTED, "narrower": NESTED, "unrelated": UNRELATED, "unknown": UNKNOWN}


def relation_matrix(words: list[str | None], relation) -> np.ndarray:
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
