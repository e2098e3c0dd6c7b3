"""The gold metrics: mention recall, value/bound/source accuracy, alignment, flags, traps."""

from __future__ import annotations

from itertools import combinations

from pydantic import BaseModel, Field

from checker.evaluation.gold import GoldFile, GoldMention
from checker.evaluation.matching import best_claim, locate, same_source
from checker.models import SEVERITY_RANK, Bound, Claim, Report


class Counts(BaseModel):
    """Numerators and denominators, so files can be summed before dividing."""

    mentions: int = 0
    matched: int = 0
    value_ok: int = 0
    bound_ok: int = 0
    source_ok: int = 0
    pairs_gold: int = 0
    pairs_pred: int = 0
    pairs_both: int = 0
    required: int = 0
    required_flagged: int = 0
    flags: int = 0
    flags_true: int = 0
    traps: int = 0
    trap_violations: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(**{k: getattr(self, k) + getattr(other, k) for k in Counts.model_fields})


class Metrics(BaseModel):
    mention_recall: float
    value_accuracy: float
    bound_accuracy: float
    source_accuracy: float
    alignment_precision: float
    alignment_recall: float
    flag_recall: float
    flag_precision: float
    trap_violations: int

    @classmethod
    def from_counts(cls, c: Counts) -> "Metrics":
        return cls(
            mention_recall=_ratio(c.matched, c.mentions),
            value_accuracy=_ratio(c.value_ok, c.matched),
            bound_accuracy=_ratio(c.bound_ok, c.matched),
            source_accuracy=_ratio(c.source_ok, c.matched),
            alignment_precision=_ratio(c.pairs_both, c.pairs_pred),
            alignment_recall=_ratio(c.pairs_both, c.pairs_gold),
            flag_recall=_ratio(c.required_flagged, c.required),
            flag_precision=_ratio(c.flags_true, c.flags),
            trap_violations=c.trap_violations,
        )


class FileResult(BaseModel):
    gold: str
    cluster: str
    counts: Counts
    metrics: Metrics
    missed_mentions: list[str] = Field(default_factory=list)
    wrong_values: list[str] = Field(default_factory=list)
    wrong_sources: list[str] = Field(default_factory=list)
    missed_flags: list[str] = Field(default_factory=list)
    false_flags: list[str] = Field(default_factory=list)
    violated_traps: list[str] = Field(default_factory=list)


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def evaluate(gold_name: str, gold: GoldFile, report: Report) -> FileResult:
    """Score one report against one gold file."""
    articles = {a.id.split("/")[-1]: a for a in report.articles}
    claims_by_doc: dict[str, list[Claim]] = {}
    for claim in report.claims:
        claims_by_doc.setdefault(claim.article_id.split("/")[-1], []).append(claim)
    group_of = {cid: g.id for g in report.groups for cid in g.claim_ids}
    disagreements = [f for f in report.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK["warning"]]

    def match(doc: str, context: str, number: str) -> Claim | None:
        article = articles.get(doc)
        if article is None:
            return None
        span = locate(article, context, number)
        return best_claim(claims_by_doc.get(doc, []), span) if span else None

    c = Counts()
    result = FileResult(gold=gold_name, cluster=gold.cluster, counts=c, metrics=Metrics.from_counts(c))
    matched: dict[tuple[str, int], Claim] = {}  # (group id, mention index) -> claim
    mention_group: dict[str, set[str]] = {}  # claim id -> gold groups it matches
    for group in gold.groups:
        for index, mention in enumerate(group.mentions):
            c.mentions += 1
            claim = match(mention.doc, mention.context, mention.number)
            label = f"{group.id}: {mention.doc} {mention.number!r}"
            if claim is None:
                result.missed_mentions.append(label)
                continue
            c.matched += 1
            matched[(group.id, index)] = claim
            mention_group.setdefault(claim.id, set()).add(group.id)
            value_ok, bound_ok = _value_and_bound_ok(claim, mention)
            c.value_ok += value_ok
            c.bound_ok += bound_ok
            if not (value_ok and bound_ok):
                result.wrong_values.append(f"{label}: got {claim.value.point:g} {claim.bound.value}, gold {mention.value:g} {mention.bound.value}")
            if same_source(mention.source, claim.attribution.source):
                c.source_ok += 1
            else:
                result.wrong_sources.append(f"{label}: got {claim.attribution.source!r}, gold {mention.source!r}")

    _alignment(gold, matched, group_of, c)
    _flags(gold, matched, mention_group, disagreements, c, result)
    _traps(gold, match, group_of, report, c, result)
    result.counts = c
    result.metrics = Metrics.from_counts(c)
    return result


def _value_and_bound_ok(claim: Claim, mention: GoldMention) -> tuple[bool, bool]:
    def close(x: float, y: float) -> bool:
        return abs(x - y) <= 1e-6 * max(1.0, abs(y))

    if close(claim.value.point, mention.value):
        return True, claim.bound == mention.bound
    # A range claim matches either end: low end at_least, high end at_most.
    if close(claim.value.low, mention.value):
        return True, mention.bound in (Bound.at_least, Bound.more_than, claim.bound)
    if close(claim.value.high, mention.value):
        return True, mention.bound in (Bound.at_most, Bound.less_than, claim.bound)
    return False, claim.bound == mention.bound


def _alignment(gold: GoldFile, matched: dict[tuple[str, int], Claim], group_of: dict[str, str], c: Counts) -> None:
    doc_of = {(g.id, i): m.doc for g in gold.groups for i, m in enumerate(g.mentions)}
    keys = sorted(matched)
    for k1, k2 in combinations(keys, 2):
        if doc_of[k1] == doc_of[k2]:
            continue
        a, b = matched[k1], matched[k2]
        if a.id == b.id:
            continue
        gold_same = k1[0] == k2[0]
        pred_same = a.id in group_of and group_of.get(a.id) == group_of.get(b.id)
        c.pairs_gold += gold_same
        c.pairs_pred += pred_same
        c.pairs_both += gold_same and pred_same


def _flags(gold, matched, mention_group, disagreements, c: Counts, result: FileResult) -> None:
    flags_by_group = {g.id: g.flag for g in gold.groups}
    for group in gold.groups:
        if group.flag != "required":
            continue
        c.required += 1
        claims = {matched[(group.id, i)].id: group.mentions[i] for i in range(len(group.mentions)) if (group.id, i) in matched}
        covered = False
        for finding in disagreements:
            hit = [claims[cid] for cid in finding.claim_ids if cid in claims]
            if _two_sides(hit):
                covered = True
                break
        c.required_flagged += covered
        if not covered:
            result.missed_flags.append(f"{group.id}: {group.why[:120]}")
    for finding in disagreements:
        touched = set().union(*(mention_group.get(cid, set()) for cid in finding.claim_ids)) if finding.claim_ids else set()
        if touched and all(flags_by_group[g] == "optional" for g in touched):
            continue
        c.flags += 1
        true = False
        for gid in touched:
            if flags_by_group[gid] in ("required", "optional"):
                n = sum(1 for cid in finding.claim_ids if gid in mention_group.get(cid, set()))
                if n >= 2:
                    true = True
        c.flags_true += true
        if not true:
            result.false_flags.append(f"{finding.kind.value} ({finding.severity}): {finding.message[:200]}")


def _two_sides(mentions: list[GoldMention]) -> bool:
    for a, b in combinations(mentions, 2):
        if a.doc != b.doc or (a.source or "") != (b.source or ""):
            return True
    return False


def _traps(gold, match, group_of, report: Report, c: Counts, result: FileResult) -> None:
    for trap in gold.traps:
        c.traps += 1
        a = match(trap.a.doc, trap.a.context, trap.a.number)
        b = match(trap.b.doc, trap.b.context, trap.b.number)
        if a is None or b is None or a.id == b.id:
            continue
        same_group = a.id in group_of and group_of[a.id] == group_of.get(b.id)
        same_finding = any(a.id in f.claim_ids and b.id in f.claim_ids for f in report.findings)
        if same_group or same_finding:
            c.trap_violations += 1
            result.violated_traps.append(f"{trap.why}: {trap.a.doc} {trap.a.number!r} ~ {trap.b.doc} {trap.b.number!r}")
