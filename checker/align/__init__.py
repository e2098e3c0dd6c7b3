"""Align stage: group claims that measure the same quantity, across articles and sources.

Articles are blocked into stories; inside a story, claims are partitioned by what can never
be the same quantity (kind, unit, part vs whole), every pair is scored by a logistic
same-quantity classifier over embedding and frame features, and the scores are clustered.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Callable

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.cluster import cluster_pairs
from checker.align.features import feature_tensor, may_pair
from checker.align.pair_model import PairModel, load_pair_model
from checker.align.stories import block_stories
from checker.align.texts import context_text, frame_text
from checker.lexicon import Lexicon
from checker.models import Article, Claim, ClaimGroup, QuantityKind

Embed = Callable[[list[str]], np.ndarray]


class AlignSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    story_threshold: float = 0.6
    max_claims_per_partition: int = 1500


def align_claims(
    articles: list[Article],
    claims: list[Claim],
    lexicon: Lexicon,
    embed: Embed,
    settings: AlignSettings = AlignSettings(),
    model: PairModel | None = None,
) -> list[ClaimGroup]:
    """Groups of claims about one quantity, each spanning two articles or two sources."""
    model = model or load_pair_model()
    story_of = _story_index(articles, embed, settings)
    frame_vectors = embed([frame_text(c) for c in claims])
    context_vectors = embed([context_text(c) for c in claims])
    groups: list[ClaimGroup] = []
    for members in _partitions(claims, story_of, settings):
        sub = [claims[i] for i in members]
        f = frame_vectors[members]
        c = context_vectors[members]
        probabilities = same_quantity_probabilities(sub, f, c, lexicon, model)
        allowed = np.array([[may_pair(a, b) for b in sub] for a in sub], dtype=bool)
        for cluster in cluster_pairs(len(sub), probabilities, allowed, model.threshold, model.linkage):
            group_claims = [sub[i] for i in cluster]
            if _worth_a_group(group_claims):
                groups.append(_group(group_claims, lexicon))
    return sorted(groups, key=lambda g: g.claim_ids[0])


def same_quantity_probabilities(
    claims: list[Claim], frame_vectors: np.ndarray, context_vectors: np.ndarray, lexicon: Lexicon, model: PairModel
) -> np.ndarray:
    """Symmetric n x n matrix of P(same quantity)."""
    n = len(claims)
    features = feature_tensor(claims, frame_vectors @ frame_vectors.T, context_vectors @ context_vectors.T, lexicon)
    flat = model.probabilities(features.reshape(n * n, -1)).reshape(n, n)
    return (flat + flat.T) / 2.0


def _story_index(articles: list[Article], embed: Embed, settings: AlignSettings) -> dict[str, int]:
    blocks = block_stories(articles, embed, threshold=settings.story_threshold)
    return {articles[i].id: b for b, block in enumerate(blocks) for i in block}


def _partition_key(claim: Claim) -> tuple:
    kind = QuantityKind.count if claim.kind == QuantityKind.duration and not claim.unit else claim.kind
    return (kind.value, _unit_family(claim.unit), bool(claim.part_of))


_UNIT_FAMILIES = {"mi": "km", "ft": "m", "F": "C", "mi2": "km2"}


def _unit_family(unit: str | None) -> str:
    return _UNIT_FAMILIES.get(unit or "", unit or "")


def _partitions(claims: list[Claim], story_of: dict[str, int], settings: AlignSettings) -> list[list[int]]:
    """Claim indices that may be the same quantity: same story, kind, unit family, part-ness."""
    buckets: dict[tuple, list[int]] = {}
    for i, claim in enumerate(claims):
        key = (story_of.get(claim.article_id, -1),) + _partition_key(claim)
        buckets.setdefault(key, []).append(i)
    parts = []
    for key in sorted(buckets, key=lambda k: tuple(str(x) for x in k)):
        members = buckets[key]
        step = settings.max_claims_per_partition
        parts.extend(members[i : i + step] for i in range(0, len(members), step))
    return [p for p in parts if len(p) > 1]


def _worth_a_group(claims: list[Claim]) -> bool:
    """Two articles, or two different sources inside one article."""
    if len({c.article_id for c in claims}) > 1:
        return True
    return len({c.attribution.source_normalized for c in claims}) > 1


def _group(claims: list[Claim], lexicon: Lexicon) -> ClaimGroup:
    claim_ids = sorted(c.id for c in claims)
    digest = hashlib.sha1("\n".join(claim_ids).encode("utf-8")).hexdigest()[:10]
    return ClaimGroup(id=f"g-{digest}", label=_label(claims, lexicon), claim_ids=claim_ids)


def _label(claims: list[Claim], lexicon: Lexicon) -> str:
    """A short human label: the commonest counted phrase and event."""
    counted = Counter(c.counted.lower() for c in claims if c.counted)
    predicates = Counter(lexicon.canonical_predicate(c.predicate) for c in claims if c.predicate)
    what = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counted else claims[0].kind.value
    event = min(predicates.items(), key=lambda kv: (-kv[1], kv[0]))[0] if predicates else None
    return f"{what} ({event})" if event else what
