"""Collects the pairs behind each finding kind of a group and writes the findings' messages."""

from __future__ import annotations

import hashlib
import re

from checker.lexicon import Lexicon
from checker.models import KIND_DESCRIPTIONS, SEVERITY_RANK, Claim, ClaimGroup, Finding, FindingKind
from checker.ruleset.schema import FindingRule



class FindingBuilder:
    """Accumulates claim pairs per finding kind for one group, then emits one finding per kind."""

    def __init__(self, group: ClaimGroup, rules: dict[str, FindingRule], lexicon: Lexicon, published: dict[str, object]):
        self.group = group
        self.lexicon = lexicon
        self.published = published
        self.rules = {rule.finding: (rid, rule) for rid, rule in sorted(rules.items())}
        self.pairs: dict[FindingKind, list[tuple[Claim, Claim]]] = {}
        self.major: dict[FindingKind, bool] = {}
        self.confidence: dict[FindingKind, float | None] = {}

    def add(
        self, kind: FindingKind, a: Claim, b: Claim, gap: float = 0.0, minor: bool = False, confidence: float | None = None
    ) -> None:
        """Record a pair behind a finding of ``kind``; its link's ``confidence`` (None: not
        scored) bounds the finding's, which is that of its least sure pair."""
        if kind.value not in self.rules:
            return  # rule disabled
        self.pairs.setdefault(kind, []).append((a, b))
        self.major[kind] = self.major.get(kind, False) or not minor
        if confidence is not None:
            known = self.confidence.get(kind)
            self.confidence[kind] = confidence if known is None else min(known, confidence)

    def findings(self) -> list[Finding]:
        result = []
        for kind in FindingKind:
            if kind not in self.pairs:
                continue
            rule_id, rule = self.rules[kind.value]
            severity = rule.severity
            if not self.major[kind] and rule.minor_severity is not None:
                severity = rule.minor_severity
            claims = _unique_claims(self.pairs[kind])
            fingerprint = finding_fingerprint(kind, claims)
            headline = self._headline(rule, claims, minor=not self.major[kind])
            result.append(
                Finding(
                    id=f"{kind.value}-{fingerprint[:12]}",
                    rule=rule_id,
                    kind=kind,
                    severity=severity,
                    message=self._message(kind, claims, headline),
                    headline=headline,
                    group_id=self.group.id,
                    claim_ids=[c.id for c in claims],
                    fingerprint=fingerprint,
                    confidence=self.confidence.get(kind),
                )
            )
        # Most severe first inside a group, so a reader sees the conflict before the agreement.
        return sorted(result, key=lambda f: (-SEVERITY_RANK[f.severity], f.kind.value))

    def _message(self, kind: FindingKind, claims: list[Claim], headline: str | None) -> str:
        sides = "; ".join(self._describe(c) for c in claims)
        return f"{self.group.label}: {headline or explanation(kind)} — {sides}"

    def _headline(self, rule: FindingRule, claims: list[Claim], minor: bool) -> str | None:
        """The rule's one line on what differs, filled from the claims' own words."""
        template = (rule.minor_headline if minor else None) or rule.headline
        return fill_headline(template, claims, self.lexicon, self.published) if template else None

    def _describe(self, claim: Claim) -> str:
        parts = [claim.phrase] if claim.phrase else [claim.text, *(w for w in (claim.counted, claim.predicate) if w)]
        detail = [claim.article_id]
        source = claim.attribution.source
        detail.append(f"according to {source}" if source else "unattributed")
        if claim.scope.text:
            detail.append(claim.scope.text)
        date = self.published.get(claim.article_id)
        if date:
            detail.append(f"published {date}")
        return f"{' '.join(parts)} ({', '.join(detail)})"


def explanation(kind: FindingKind) -> str:
    """What a finding of ``kind`` says when its rule has no headline: its kind's description."""
    text = KIND_DESCRIPTIONS[kind].rstrip(".")
    return text[:1].lower() + text[1:]


def fill_headline(template: str, claims: list[Claim], lexicon: Lexicon, published: dict[str, object]) -> str:
    """A rule's headline template with its fields filled from ``claims`` (see FindingRule.headline)."""
    fields = {
        "values": _versus(c.text for c in sorted(claims, key=lambda c: (c.value.point, c.id))),
        "counted": _versus(c.counted or "not said" for c in claims),
        "scopes": _versus(c.scope.text or "no period given" for c in claims),
        "sources": _versus(f"{c.attribution.source or 'unattributed'}: {c.text}" for c in claims),
        "measures": _measures(claims, lexicon),
        "outlets": str(len({c.article_id for c in claims})),
        "dates": _versus(sorted(str(published[c.article_id]) for c in claims if published.get(c.article_id))),
    }
    return template.format_map(fields)


def _measures(claims: list[Claim], lexicon: Lexicon) -> str:
    """"neutralized covers killed, wounded, seized and arrested" for the broadest measure."""
    for claim in claims:
        narrower = lexicon.predicate_broader.get(lexicon.canonical_predicate(claim.predicate) or "")
        if narrower:
            covered = sorted(lexicon.written_predicate(n) or n for n in narrower)
            listed = ", ".join(covered[:-1]) + f" and {covered[-1]}" if len(covered) > 1 else covered[0]
            return f"{lexicon.written_predicate(claim.predicate)} covers {listed}"
    return "one counts a broader measure than the other"


def _versus(texts) -> str:
    """Distinct texts in order, joined as a comparison: "3.5 million vs 3.6 million"."""
    seen: list[str] = []
    for text in texts:
        text = " ".join(text.split())
        if text not in seen:
            seen.append(text)
    return " vs ".join(seen)


def _unique_claims(pairs: list[tuple[Claim, Claim]]) -> list[Claim]:
    seen: dict[str, Claim] = {}
    for a, b in pairs:
        seen.setdefault(a.id, a)
        seen.setdefault(b.id, b)
    return [seen[i] for i in sorted(seen)]


def finding_fingerprint(kind: FindingKind, claims: list[Claim]) -> str:
    """Stable across runs and unrelated edits: built from what the claims say, not where."""
    keys = sorted(f"{c.article_id}\x1f{_norm(c.text)}\x1f{_norm(c.sentence)}" for c in claims)
    payload = kind.value + "\x1e" + "\x1e".join(keys)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()
