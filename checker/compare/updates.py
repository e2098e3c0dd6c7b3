"""Across runs (--ledger), a toll that grew is news, not a contradiction.

A disagreement that sets claims of earlier articles against claims of this run's articles
becomes an ``updated`` finding (info) when every earlier article was published before every
later one and each later figure is higher than each earlier one, unless a later claim dates
its figure to the earlier time (its scope ends on or before the earlier publication day):
then the two accounts of one moment still conflict and the finding stays as it was.
"""

from __future__ import annotations

from collections.abc import Mapping

from checker.compare.findings import explanation, fill_headline, finding_fingerprint
from checker.lexicon import Lexicon
from checker.models import Article, Claim, Finding, FindingKind
from checker.ruleset.schema import FindingRule

# The disagreements a later, higher figure may explain.
_UPDATABLE = frozenset({FindingKind.value_conflict, FindingKind.scope_differs})


def as_updates(
    findings: list[Finding], claims: dict[str, Claim], articles: dict[str, Article], labels: Mapping[str, str],
    rules: dict[str, FindingRule], lexicon: Lexicon,
) -> list[Finding]:
    """``findings`` with each one a later report explains turned into an ``updated`` finding
    (when the compare.updated rule is enabled); the others marked ``against_earlier`` where
    they set this run's claims against an earlier run's. ``labels``: group id -> label."""
    rule_id, rule = next(((rid, r) for rid, r in sorted(rules.items()) if r.finding == "updated"), (None, None))
    result = []
    for finding in findings:
        sides = [claims[i] for i in finding.claim_ids if i in claims]
        earlier = [c for c in sides if articles[c.article_id].earlier]
        later = [c for c in sides if not articles[c.article_id].earlier]
        if not earlier or not later:
            result.append(finding)
            continue
        finding = finding.model_copy(update={"against_earlier": True})
        if rule is not None and finding.kind in _UPDATABLE and _updated(earlier, later, articles):
            label = labels.get(finding.group_id, finding.group_id)
            result.append(_updated_finding(finding, sides, articles, label, rule_id, rule, lexicon))
        else:
            result.append(finding)
    return result


def _updated(earlier: list[Claim], later: list[Claim], articles: dict[str, Article]) -> bool:
    earlier_days = [articles[c.article_id].published for c in earlier]
    later_days = [articles[c.article_id].published for c in later]
    if None in earlier_days or None in later_days:
        return False  # without both dates there is no "later"
    last_earlier = max(earlier_days)
    if last_earlier >= min(later_days):
        return False
    if min(c.value.point for c in later) <= max(c.value.point for c in earlier):
        return False
    # "the toll as of Monday": a later article that dates its figure to the earlier time
    return not any(c.scope.end is not None and c.scope.end <= last_earlier for c in later)


def _updated_finding(
    finding: Finding, claims: list[Claim], articles: dict[str, Article], label: str, rule_id: str,
    rule: FindingRule, lexicon: Lexicon,
) -> Finding:
    published = {a.id: a.published.isoformat() for a in articles.values() if a.published}
    headline = fill_headline(rule.headline, claims, lexicon, published) if rule.headline else None
    fingerprint = finding_fingerprint(FindingKind.updated, claims)
    return finding.model_copy(update={
        "id": f"updated-{fingerprint[:12]}",
        "rule": rule_id,
        "kind": FindingKind.updated,
        "severity": rule.severity,
        "headline": headline,
        "message": f"{label}: {headline or explanation(FindingKind.updated)}",
        "fingerprint": fingerprint,
    })
