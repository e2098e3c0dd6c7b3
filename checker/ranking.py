"""The order a desk reads findings in, the same in every format.

Most severe first; then the surest (the calibrated confidence that the claims are one
quantity; a finding the aligner was not asked about counts as sure); then the larger
disagreement relative to the values (900,000 vs 700,000 before 3.5 vs 3.6 million); then
stable by group label, kind and fingerprint. Each finding's ``rank`` (1 = read first) is
its place in that order, so JSON keeps its deterministic layout and still says it.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.models import SEVERITY_RANK, Claim, ClaimGroup, Finding


def rank_key(finding: Finding, claims: dict[str, Claim], labels: dict[str, str]) -> tuple:
    """Sort key of a finding: smaller is read first."""
    confidence = 1.0 if finding.confidence is None else finding.confidence
    return (
        -SEVERITY_RANK.get(finding.severity, -1),
        -round(confidence, 4),
        -round(relative_spread(claims[i] for i in finding.claim_ids if i in claims), 4),
        labels.get(finding.group_id, finding.group_id),
        finding.kind.value,
        finding.fingerprint,
        finding.id,
    )


def relative_spread(claims: Iterable[Claim]) -> float:
    """How far apart the figures are, relative to the largest: 0 for agreement, near 1 for
    figures an order of magnitude apart."""
    points = [abs(c.value.point) for c in claims]
    if len(points) < 2 or max(points) == 0:
        return 0.0
    return (max(points) - min(points)) / max(points)


def ranked(findings: list[Finding], claims: list[Claim], groups: list[ClaimGroup]) -> list[Finding]:
    """``findings`` in reading order, each with its ``rank`` (1-based)."""
    by_id = {c.id: c for c in claims}
    labels = {g.id: g.label for g in groups}
    ordered = sorted(findings, key=lambda f: rank_key(f, by_id, labels))
    return [f.model_copy(update={"rank": k}) for k, f in enumerate(ordered, start=1)]
