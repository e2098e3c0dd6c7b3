"""Align stage: group claims that measure the same quantity, across articles and sources.

Articles are blocked into stories (stories.py); inside a story, claims are partitioned by
kind, every pair is scored by a same-quantity classifier (pair_model.py) over embedding and
frame features (features.py), pairs that can never be one quantity are forbidden
(constraints.py), pairs that are one quantity by rule are linked (links.py), and the scores
are clustered (cluster.py).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from collections import Counter
from typing import Callable

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.cluster import cluster_pairs
from checker.align.constraints import is_part, may_pair_matrix
from checker.align.pair_rules import kept_apart_by_rule, rule_links, union_of, vetoed
from checker.align.features import FEATURE_NAMES, feature_tensor
from checker.align.links import RuleLinks
from checker.align.pair_model import PairModel, load_pair_model
from checker.align.stories import block_stories
from checker.align.texts import TEXT_MAKERS, frame_vectors
from checker.lexicon import Lexicon
from checker.models import Article, Claim, ClaimGroup, ClaimLink, KeptApart, QuantityKind

Embed = Callable[[list[str]], np.ndarray]


class AlignSettings(BaseModel):
    model_config = ConfigDict(frozen=True)

    story_threshold: float = 0.62  # cosine distance of title+lead vectors (stories.py)
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
    parts = partition_pairs(articles, claims, lexicon, embed, settings)
    return group_partitions(parts, model or load_pair_model(), lexicon)


def group_partitions(parts: list["PartitionPairs"], model: PairModel, lexicon: Lexicon) -> list[ClaimGroup]:
    """Score, cluster and label each partition: the groups, sorted by their first claim."""
    groups: list[ClaimGroup] = []
    for part in parts:
        probabilities = score_partition(part, model)
        kept = _kept_apart(part, model)
        for cluster in cluster_partition(part, probabilities, model):
            group_claims = [part.claims[i] for i in cluster]
            if _worth_a_group(group_claims):
                links = _direct_links(part, cluster, probabilities, model)
                groups.append(_group(group_claims, links, lexicon, _kept_from(part, cluster, kept)))
    return sorted(groups, key=lambda g: g.claim_ids[0])


@dataclass(frozen=True)
class PartitionPairs:
    """One partition's claims and what every pair of them is: the classifier's features,
    whether the pair may be linked at all, the rule links, and the pairs kept apart even
    through a third claim. What the pipeline scores and what training fits on."""

    claims: list[Claim]
    features: np.ndarray  # (n, n, F) in FEATURE_NAMES order
    allowed: np.ndarray  # (n, n) bool
    links: RuleLinks
    apart: np.ndarray  # (n, n) bool
    # (n, n) bool: the pairs the classifier may score before the rules have their say (the
    # pairs kept apart taken out, the rule links' exceptions made); training fits on these,
    # so a rule changes the grouping, never the model (a rule's effect can be measured alone).
    candidates: np.ndarray | None = None
    # (rule id, (n, n) bool) of each rule that keeps some pair apart: what a group's JSON
    # says kept a claim out of it
    apart_by: tuple[tuple[str, np.ndarray], ...] = ()


def partition_pairs(
    articles: list[Article], claims: list[Claim], lexicon: Lexicon, embed: Embed, settings: AlignSettings = AlignSettings()
) -> list[PartitionPairs]:
    """The partitions of ``claims`` (same story, kind family, part-ness) with their pair facts."""
    story_of = _story_index(articles, embed, settings)
    days = {a.id: a.days for a in articles if a.days is not None}  # read by extract/days/
    vectors = claim_vectors(claims, embed)
    parts = []
    for members in _partitions(claims, story_of, settings):
        sub = [claims[i] for i in members]
        features, allowed, candidates, links = _features_allowed_and_links(sub, [v[members] for v in vectors], lexicon)
        apart_by = tuple(kept_apart_by_rule(sub, lexicon, days))
        apart = union_of(apart_by, len(sub))
        parts.append(PartitionPairs(sub, features, allowed & ~apart, links, apart, candidates=candidates, apart_by=apart_by))
    return parts


def claim_vectors(claims: list[Claim], embed: Embed) -> list[np.ndarray]:
    """Each claim's frame, sentence-context and counted-phrase vectors (one ``embed`` call).

    Speed and scale: embedding is most of a run's CPU. The context window is embedded per
    claim; the frame is composed from its parts' vectors (texts.py), which repeat.
    """
    vectors = embed(claim_texts(claims))
    n = len(claims)
    context, counted, predicate = (vectors[k * n : (k + 1) * n] for k in range(len(TEXT_MAKERS)))
    return [frame_vectors(claims, context, counted, predicate), context, counted]


def claim_texts(claims: list[Claim]) -> list[str]:
    """The texts :func:`claim_vectors` embeds, in its order (engines embed them ahead)."""
    return [make(c) for make in TEXT_MAKERS for c in claims]


def pair_features(claims: list[Claim], vectors: list[np.ndarray], lexicon: Lexicon) -> np.ndarray:
    """The classifier's features of every pair of ``claims`` (n x n x F), from their frame,
    context and counted vectors (:func:`claim_vectors`)."""
    frame, context, counted = vectors
    return feature_tensor(claims, frame @ frame.T, context @ context.T, counted @ counted.T, lexicon)


def _features_allowed_and_links(
    claims: list[Claim], vectors: list[np.ndarray], lexicon: Lexicon
) -> tuple[np.ndarray, np.ndarray, np.ndarray, RuleLinks]:
    """Pair features, allowed pairs, the pairs the classifier is fitted on, and rule links.

    Rule-linked pairs (links.py) may pair whatever their counted words say; the hard
    constraints still hold. Training fits on the pairs allowed before the rule links make
    their exceptions, so adding or switching off a link changes the grouping, never the model.
    """
    features = pair_features(claims, vectors, lexicon)
    links = rule_links(claims, lexicon)
    may_pair = may_pair_matrix(claims)
    forbidden = vetoed(claims, features, lexicon)
    allowed = may_pair & ~(forbidden & ~(links.rival | links.certain))
    return features, allowed, may_pair & ~forbidden, links


def score_partition(part: PartitionPairs, model: PairModel) -> np.ndarray:
    """Symmetric n x n P(same quantity); pairs not allowed keep probability 0.

    Every feature is symmetric, so only the allowed pairs of the upper triangle are
    scored: the classifier is the costliest step after embedding.
    """
    n = len(part.claims)
    allowed = part.allowed
    rows, cols = np.nonzero(np.triu(allowed, k=1))
    probabilities = np.zeros((n, n), dtype=np.float64)
    scored = model.probabilities(part.features[rows, cols])
    probabilities[rows, cols] = scored
    probabilities[cols, rows] = scored
    # Two sides' accounts of one quantity are linked whatever the classifier scores them
    # (their words differ by design, links.rival_accounts), but weigh only as a pair
    # halfway between the threshold and certain when clusters are merged. One person's age
    # is certain (links.one_age): it may pull a cluster of that person's other ages in; so is
    # a figure's conversion in brackets (links.restated_in_other_units).
    rival = part.links.rival & allowed
    probabilities[rival] = np.maximum(probabilities[rival], (1.0 + model.threshold) / 2)
    probabilities[part.links.certain & allowed] = 1.0
    return probabilities


def cluster_partition(part: PartitionPairs, probabilities: np.ndarray, model: PairModel) -> list[list[int]]:
    """Clusters of one partition's scored claims, with figures of two different times or
    events kept apart even through a third claim: what the pipeline groups and what the
    aligner's cross-validation scores."""
    return cluster_pairs(len(part.claims), probabilities, part.allowed, model.threshold, model.linkage, part.apart)


def _story_index(articles: list[Article], embed: Embed, settings: AlignSettings) -> dict[str, int]:
    blocks = block_stories(articles, embed, threshold=settings.story_threshold)
    return {articles[i].id: b for b, block in enumerate(blocks) for i in block}


# Kinds whose values can measure one quantity: an age is written "38" or "38-year-old",
# a magnitude "7.6" or "magnitude 7.6". Money, percentages, years and clock times stand alone.
_KIND_FAMILIES = {
    QuantityKind.count: "amount",
    QuantityKind.duration: "amount",
    QuantityKind.measure: "amount",
}


def partition_key(claim: Claim) -> tuple:
    """What a claim must share with another to be scored against it at all."""
    return (_KIND_FAMILIES.get(claim.kind, claim.kind.value), is_part(claim))


def _partitions(claims: list[Claim], story_of: dict[str, int], settings: AlignSettings) -> list[list[int]]:
    """Claim indices that may be the same quantity: same story, kind, unit family, part-ness."""
    buckets: dict[tuple, list[int]] = {}
    for i, claim in enumerate(claims):
        key = (story_of.get(claim.article_id, -1),) + partition_key(claim)
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


def _direct_links(part: PartitionPairs, cluster: list[int], probabilities: np.ndarray, model: PairModel) -> list[ClaimLink]:
    """Pairs of the cluster scored at or above the threshold themselves.

    Linkage can join two claims only through others (A~B, B~C); compare sets only directly
    linked claims against each other, so a finding always rests on a pair the model trusts.
    """
    claims, differ = part.claims, values_differ(part.features)
    links = []
    for x, i in enumerate(cluster):
        for j in cluster[x + 1 :]:
            if part.allowed[i, j] and probabilities[i, j] >= model.threshold:
                pair = tuple(sorted((claims[i].id, claims[j].id)))
                score = float(probabilities[i, j])
                confidence = model.confidence(score, values_differ=bool(differ[i, j]))
                links.append(ClaimLink(claim_ids=pair, score=round(score, 4), confidence=round(confidence, 4)))
    return sorted(links, key=lambda link: link.claim_ids)


def _kept_apart(part: PartitionPairs, model: PairModel) -> list[tuple[int, int, float, list[str]]]:
    """(i, j, score, rule ids) of the pairs the model scores at or above its threshold that
    rules kept apart: only these changed the grouping, so only these are worth saying."""
    if part.candidates is None or not part.apart_by:
        return []
    rows, cols = np.nonzero(np.triu(part.candidates & part.apart, k=1))
    if len(rows) == 0:
        return []
    scores = model.probabilities(part.features[rows, cols])
    kept = []
    for i, j, score in zip(rows.tolist(), cols.tolist(), scores.tolist()):
        if score >= model.threshold:
            kept.append((i, j, float(score), [rule for rule, matrix in part.apart_by if matrix[i, j]]))
    return kept


MAX_KEPT_APART_PER_GROUP = 10


def _kept_from(part: PartitionPairs, cluster: list[int], kept: list[tuple[int, int, float, list[str]]]) -> list[KeptApart] | None:
    members = set(cluster)
    found = []
    for i, j, score, rules in kept:
        for member, other in ((i, j), (j, i)):
            if member in members and other not in members:
                found.append(KeptApart(claim_ids=(part.claims[member].id, part.claims[other].id), rules=rules,
                                       score=round(score, 4)))
    # the pairs the model was surest of, so a large story does not swell the report
    found = sorted(found, key=lambda k: (-k.score, k.claim_ids))[:MAX_KEPT_APART_PER_GROUP]
    return sorted(found, key=lambda k: k.claim_ids) or None


def values_differ(features: np.ndarray) -> np.ndarray:
    """(n, n) bool: pairs whose values do not overlap (what a disagreement rests on)."""
    return features[..., FEATURE_NAMES.index("values_overlap")] <= 0


def _group(claims: list[Claim], links: list[ClaimLink], lexicon: Lexicon, kept_apart: list[KeptApart] | None = None) -> ClaimGroup:
    claim_ids = sorted(c.id for c in claims)
    digest = hashlib.sha1("\n".join(claim_ids).encode("utf-8")).hexdigest()[:10]
    return ClaimGroup(id=f"g-{digest}", label=_label(claims, lexicon), claim_ids=claim_ids, links=links,
                      kept_apart=kept_apart)


def _label(claims: list[Claim], lexicon: Lexicon) -> str:
    """A short human label in the articles' own words: the most telling claim's phrase with
    its figure left out ("… Turkish soldiers were killed"), so the label names the quantity,
    not one source's value. Claims without a phrase (built by hand) fall back to the counted
    phrase and the predicate."""
    heads = Counter(c.counted_head for c in claims if c.counted_head)
    phrased = [c for c in claims if c.phrase]
    if phrased:
        best = min(phrased, key=lambda c: (-bool(c.counted), -heads.get(c.counted_head, 0), -bool(c.predicate), len(c.phrase or ""), c.id))
        return _without_figure(best)
    counted = Counter(c.counted.lower() for c in claims if c.counted)
    predicates = Counter(lexicon.canonical_predicate(c.predicate) for c in claims if c.predicate)
    what = min(counted.items(), key=lambda kv: (-kv[1], kv[0]))[0] if counted else claims[0].kind.value
    event = min(predicates.items(), key=lambda kv: (-kv[1], kv[0]))[0] if predicates else None
    return f"{what} ({event})" if event else what


def _without_figure(claim: Claim) -> str:
    phrase = claim.phrase or ""
    at = phrase.find(claim.text)
    if at < 0 or phrase.strip() == claim.text.strip():
        return phrase
    return " ".join(f"{phrase[:at]}…{phrase[at + len(claim.text):]}".split())
