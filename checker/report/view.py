"""The shared view model every reporter renders from.

It joins the flat :class:`Report` lists (findings -> claims -> articles), orders them
deterministically, computes file locations, and pre-formats values, intervals, time scopes
and attributions, so each format module only decides *layout* and *escaping*.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from checker.ranking import ranked
from checker.locations import Location, locate_claim, relative_path
from checker.report.timeline import Timeline, timeline_of
from checker.models import KIND_DESCRIPTIONS as MODEL_KIND_DESCRIPTIONS
from checker.models import (
    SEVERITY_RANK,
    Article,
    Claim,
    ClaimGroup,
    Finding,
    InputError,
    QuantityKind,
    Report,
    Warning_,
)

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")  # most severe first

#: Values this large stand for "no bound" (e.g. the high end of "more than 100"): the extract
#: stage writes open ends as the finite sentinel 1e18 (``OPEN_END``); inf is treated alike.
UNBOUNDED = 1e18

#: One line per finding kind, by its name (models.KIND_DESCRIPTIONS is the one home).
KIND_DESCRIPTIONS: dict[str, str] = {kind.value: text for kind, text in MODEL_KIND_DESCRIPTIONS.items()}

_SAFE_URL = re.compile(r"^https?://[^\s\x00-\x1f\x7f\"'<>\\]+$", re.IGNORECASE)


def safe_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL, else None (never ``javascript:``, ``data:``...)."""
    if not url:
        return None
    return url if _SAFE_URL.match(url) else None


def severity_rank(severity: str) -> int:
    return SEVERITY_RANK.get(severity, -1)


def marked_if_earlier(name: str, article: Article) -> str:
    """--ledger: an article of an earlier run says so, as it is not in this batch."""
    return f"{name} (earlier run)" if article.earlier else name


def format_number(x: float, kind: QuantityKind | None = None) -> str:
    """Human form of a value: thousands separators, no trailing '.0', infinities as ∞; a
    year as written (2017, not 2,017) and a clock time as one (17:06, not 1,706)."""
    if math.isnan(x):
        return "NaN"
    if math.isinf(x) or abs(x) >= UNBOUNDED:
        return "∞" if x > 0 else "−∞"
    if kind == QuantityKind.year and float(x).is_integer():
        return str(int(x))
    if kind == QuantityKind.time and float(x).is_integer() and 0 <= x < 2400 and int(x) % 100 < 60:
        return f"{int(x) // 100:02d}:{int(x) % 100:02d}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1e6 else f"{x:,.6f}".rstrip("0").rstrip(".")


def format_interval(low: float, high: float, kind: QuantityKind | None = None) -> str:
    if low == high:
        return f"[{format_number(low, kind)}]"
    return f"[{format_number(low, kind)}, {format_number(high, kind)}]"


@dataclass(frozen=True)
class SourceView:
    """One claim as a fact-checker sees it next to the others of its group."""

    claim: Claim
    article: Article
    article_anchor: str
    claim_anchor: str
    location: Location
    path: str  # relative, POSIX

    @property
    def outlet(self) -> str:
        return marked_if_earlier(self.article.source or self.article.title or self.article.id, self.article)

    @property
    def date(self) -> str | None:
        return self.article.published.isoformat() if self.article.published else None

    @property
    def value_as_read(self) -> str:
        unit = f" {self.claim.unit}" if self.claim.unit else ""
        return f"{format_number(self.claim.value.point, self.claim.kind)}{unit}"

    @property
    def exact(self) -> bool:
        """The expression names one value: no interval worth showing beside it."""
        value = self.claim.value
        return value.low == value.high

    @property
    def interval(self) -> str:
        return format_interval(self.claim.value.low, self.claim.value.high, self.claim.kind)

    @property
    def reading(self) -> str:
        """What the number was read as: the value where it is exact, else its interval."""
        return self.value_as_read if self.exact else self.interval

    @property
    def bound(self) -> str:
        return self.claim.bound.value

    @property
    def scope(self) -> str | None:
        scope = self.claim.scope
        window = ""
        if scope.start or scope.end:
            start = scope.start.isoformat() if scope.start else "…"
            end = scope.end.isoformat() if scope.end else "…"
            window = f"{start} – {end}"
        if scope.text and window:
            return f"{scope.text} ({window})"
        return scope.text or window or None

    @property
    def who(self) -> str:
        """Who said it, in one line: 'a UN spokesperson (said; reported speech)'."""
        att = self.claim.attribution
        kind = att.kind.value.replace("_", " ")
        if not att.source:
            return kind
        extras = "; ".join(x for x in (att.cue, kind, f"hedge: {att.hedge}" if att.hedge else None) if x)
        return f"{att.source} ({extras})"

    @property
    def sentence_parts(self) -> tuple[str, str, str]:
        """The sentence split around the number: (before, number, after), for highlighting."""
        sentence, claim = self.claim.sentence, self.claim
        rel = claim.start - claim.sentence_start
        if rel >= 0 and claim.text and sentence[rel : rel + len(claim.text)] == claim.text:
            return sentence[:rel], claim.text, sentence[rel + len(claim.text) :]
        pos = sentence.find(claim.text) if claim.text else -1
        if pos < 0:
            return sentence, "", ""
        return sentence[:pos], claim.text, sentence[pos + len(claim.text) :]


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    group: ClaimGroup
    sources: list[SourceView]

    @property
    def primary(self) -> SourceView | None:
        return self.sources[0] if self.sources else None

    @property
    def kind(self) -> str:
        return self.finding.kind.value

    @property
    def title(self) -> str:
        return self.kind.replace("_", " ")

    @property
    def confidence_label(self) -> str | None:
        return None if self.finding.confidence is None else f"{self.finding.confidence:.2f}"


def finding_order(finding: Finding) -> tuple:
    """Reading order: the rank (checker.ranking), then stable."""
    return (finding.rank if finding.rank is not None else 1 << 30, finding.fingerprint, finding.id)


def _with_ranks(findings: list[Finding], report: Report) -> list[Finding]:
    """The report's findings, ranked here where the report does not carry ranks (one built
    by hand, or by an older claimcheck), so every report is read in the same order."""
    if all(f.rank is not None for f in findings):
        return findings
    return ranked(findings, report.claims, report.groups)


@dataclass(frozen=True)
class KeptOutView:
    """A claim the pair model would have put in the group, and the rules that kept it out."""

    source: SourceView
    rules: list[str]


@dataclass(frozen=True)
class GroupView:
    group: ClaimGroup
    anchor: str
    findings: list[FindingView]
    sources: list[SourceView]
    kept_out: list[KeptOutView] = field(default_factory=list)

    @property
    def severity(self) -> str | None:
        """The most severe finding's severity, or None for an unflagged group."""
        if not self.findings:
            return None
        return max((f.finding.severity for f in self.findings), key=severity_rank)

    @property
    def kinds(self) -> list[str]:
        return sorted({f.kind for f in self.findings})

    @property
    def article_anchors(self) -> list[str]:
        return sorted({s.article_anchor for s in self.sources})

    def fails(self, threshold: str = "warning") -> bool:
        return any(severity_rank(f.finding.severity) >= severity_rank(threshold) for f in self.findings)

    @property
    def timeline(self) -> Timeline | None:
        """Values by date and outlet, when the group's sources fall on two or more days; its
        axis reads values as the group's kind writes them (2018, not 2,018)."""
        kinds = {s.claim.kind for s in self.sources}
        kind = kinds.pop() if len(kinds) == 1 else None
        return timeline_of(self.sources, lambda value: format_number(value, kind))


@dataclass(frozen=True)
class Segment:
    """A run of article text; ``claim_anchor`` set when the run is a highlighted claim."""

    text: str
    claim_anchor: str | None = None
    claim: Claim | None = None


@dataclass(frozen=True)
class ArticleView:
    article: Article
    anchor: str
    path: str
    claims: list[Claim]
    url: str | None  # only when safe to link

    @property
    def label(self) -> str:
        return marked_if_earlier(self.article.title or self.article.source or self.article.id, self.article)

    def segments(self, claim_anchors: dict[str, str]) -> list[Segment]:
        """The full text cut into plain and claim runs. Overlapping claims: first one wins."""
        text, out, pos = self.article.text, [], 0
        for claim in sorted(self.claims, key=lambda c: (c.start, -c.end, c.id)):
            if claim.start < pos or not (0 <= claim.start < claim.end <= len(text)):
                continue
            if claim.start > pos:
                out.append(Segment(text[pos : claim.start]))
            out.append(Segment(text[claim.start : claim.end], claim_anchors.get(claim.id), claim))
            pos = claim.end
        if pos < len(text):
            out.append(Segment(text[pos:]))
        return out


@dataclass
class ReportView:
    """Everything a reporter needs, in display order."""

    report: Report
    articles: list[ArticleView]
    groups: list[GroupView]  # flagged groups first (most severe, then surest), then the rest
    possible: list[FindingView]  # disagreements below the run's min_confidence, surest first
    input_errors: list[InputError]
    warnings: list[Warning_]
    claim_anchors: dict[str, str] = field(default_factory=dict)
    base_dir: Path | None = None

    @property
    def flagged_groups(self) -> list[GroupView]:
        return [g for g in self.groups if g.findings]

    @cached_property
    def findings(self) -> list[FindingView]:
        """All findings, most severe first, then by group order."""
        out = [f for g in self.groups for f in g.findings]
        return sorted(out, key=lambda f: finding_order(f.finding))

    @cached_property
    def counts(self) -> dict[str, dict[str, int]]:
        """Finding counts: ``counts[kind][severity]``, only kinds that occur."""
        c = Counter((f.kind, f.finding.severity) for f in self.findings)
        kinds = sorted({k for k, _ in c})
        return {k: {s: c.get((k, s), 0) for s in SEVERITIES} for k in kinds}

    @cached_property
    def severity_totals(self) -> dict[str, int]:
        c = Counter(f.finding.severity for f in self.findings)
        return {s: c.get(s, 0) for s in SEVERITIES}

    @property
    def kinds(self) -> list[str]:
        return sorted(self.counts)

    @cached_property
    def claim_severity(self) -> dict[str, str]:
        """Claim id -> most severe finding that cites it (for colouring highlights)."""
        out: dict[str, str] = {}
        for f in self.findings:
            for s in f.sources:
                cid = s.claim.id
                if severity_rank(f.finding.severity) > severity_rank(out.get(cid, "")):
                    out[cid] = f.finding.severity
        return out

    def article_segments(self, article: ArticleView) -> list[Segment]:
        return article.segments(self.claim_anchors)


def build_view(report: Report, base_dir: str | Path | None = None) -> ReportView:
    """Join and order the report for display. ``base_dir`` makes paths relative (default cwd)."""
    articles = sorted(report.articles, key=lambda a: a.id)
    article_by_id = {a.id: a for a in articles}
    article_anchor = {a.id: f"a{i}" for i, a in enumerate(articles)}
    claims = sorted(report.claims, key=lambda c: (c.article_id, c.start, c.end, c.id))
    claim_by_id = {c.id: c for c in claims}
    claim_anchor = {c.id: f"c{i}" for i, c in enumerate(claims)}
    paths = {a.id: relative_path(a.path, base_dir) for a in articles}

    sources: dict[str, SourceView] = {}

    def source(claim_id: str) -> SourceView | None:
        # Findings may name claims the report lacks (a bug upstream); skip, don't crash.
        if claim_id in sources:
            return sources[claim_id]
        claim = claim_by_id.get(claim_id)
        article = article_by_id.get(claim.article_id) if claim else None
        if claim is None or article is None:
            return None
        sources[claim_id] = SourceView(
            claim=claim,
            article=article,
            article_anchor=article_anchor[article.id],
            claim_anchor=claim_anchor[claim.id],
            location=locate_claim(article, claim),
            path=paths[article.id],
        )
        return sources[claim_id]

    findings_by_group: dict[str, list[Finding]] = {}
    for f in _with_ranks(report.findings, report):
        findings_by_group.setdefault(f.group_id, []).append(f)

    all_groups = list(report.groups)
    known = {g.id for g in all_groups}
    for gid, orphan in findings_by_group.items():
        # A finding whose group is missing must still be shown, never silently dropped.
        if gid not in known:
            claim_ids = list(dict.fromkeys(cid for f in orphan for cid in f.claim_ids))
            all_groups.append(ClaimGroup(id=gid, label=gid, claim_ids=claim_ids))

    groups: list[GroupView] = []
    for i, group in enumerate(sorted(all_groups, key=lambda g: g.id)):
        finding_views = [
            FindingView(f, group, [s for cid in f.claim_ids if (s := source(cid))])
            for f in sorted(findings_by_group.get(group.id, []), key=finding_order)
        ]
        group_sources = [s for cid in group.claim_ids if (s := source(cid))]
        # Side by side reads best in a stable order: dated sources oldest first, then undated.
        group_sources.sort(key=lambda s: (s.date is None, s.date or "", s.article.id, s.claim.start))
        groups.append(GroupView(group, f"g{i}", finding_views, group_sources, _kept_out(group, source)))

    # A flagged group stands where its first finding stands; the others follow by label.
    groups.sort(key=lambda g: (not g.findings, finding_order(g.findings[0].finding) if g.findings else (), g.group.label, g.group.id))
    group_by_id = {g.id: g for g in all_groups}
    possible = [
        FindingView(f, group_by_id.get(f.group_id) or ClaimGroup(id=f.group_id, label=f.group_id, claim_ids=f.claim_ids),
                    [s for cid in f.claim_ids if (s := source(cid))])
        for f in sorted(_with_ranks(report.possible_findings, report), key=finding_order)
    ]

    claims_by_article: dict[str, list[Claim]] = {}
    for c in claims:
        claims_by_article.setdefault(c.article_id, []).append(c)
    article_views = [
        ArticleView(a, article_anchor[a.id], paths[a.id], claims_by_article.get(a.id, []), safe_url(a.url))
        for a in articles
    ]
    return ReportView(
        report=report,
        articles=article_views,
        groups=groups,
        possible=possible,
        input_errors=sorted(report.input_errors, key=lambda e: (e.path, e.line or 0, e.reason)),
        warnings=sorted(report.warnings, key=lambda w: (w.path, w.message)),
        claim_anchors=claim_anchor,
        base_dir=Path(base_dir) if base_dir is not None else None,
    )


def _kept_out(group: ClaimGroup, source) -> list[KeptOutView]:
    """Each claim rules kept out of ``group`` (groups[].kept_apart), once, with every rule
    that kept it from a member, in text order."""
    rules_by_claim: dict[str, set[str]] = {}
    for pair in group.kept_apart or []:
        rules_by_claim.setdefault(pair.claim_ids[1], set()).update(pair.rules)
    kept = [KeptOutView(s, sorted(rules)) for cid, rules in rules_by_claim.items() if (s := source(cid))]
    return sorted(kept, key=lambda k: (k.source.article.id, k.source.claim.start))
