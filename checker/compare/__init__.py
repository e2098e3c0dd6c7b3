"""Compare stage: apply the finding rules to each group of aligned claims.

For every pair of claims from different articles (or different sources in one article),
decide whether their values conflict after tolerance, and if so whether the difference is
explained by a different time scope or a broader/narrower measure; equal values over
different things counted, and figures from different sources, are findings too.
"""

from __future__ import annotations

from itertools import combinations

from pydantic import BaseModel, ConfigDict

from checker.compare.findings import FindingBuilder
from checker.compare.intervals import (
    comparable_units,
    comparison_interval,
    overlaps,
    relative_gap,
    written_in_other_units,
)
from checker.subjects import clock_zone, is_age, same_described_person, same_named_person
from checker.lexicon import Lexicon
from checker.models import Claim, ClaimGroup, Finding, FindingKind, QuantityKind
from checker.ruleset.schema import FindingRule, Tolerance, ToleranceRule


class CompareSettings(BaseModel):
    """The rules the compare stage applies (already filtered to the enabled ones)."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    tolerance: ToleranceRule
    finding_rules: dict[str, FindingRule]
    # A disagreement resting on a link less sure than this is only a possible finding.
    min_confidence: float = 0.0


class Comparison(BaseModel):
    """The findings that count, and the disagreements too uncertain to count."""

    model_config = ConfigDict(frozen=True)

    findings: list[Finding]
    possible: list[Finding]


def compare_groups(
    groups: list[ClaimGroup], claims: list[Claim], lexicon: Lexicon, settings: CompareSettings, published: dict[str, object]
) -> Comparison:
    """Findings for every group, in group order then kind order."""
    by_id = {c.id: c for c in claims}
    findings: list[Finding] = []
    possible: list[Finding] = []
    for group in groups:
        members = [by_id[i] for i in group.claim_ids if i in by_id]
        sure, unsure = compare_group(group, members, lexicon, settings, published)
        findings.extend(sure)
        possible.extend(unsure)
    return Comparison(findings=findings, possible=possible)


def compare_group(
    group: ClaimGroup, claims: list[Claim], lexicon: Lexicon, settings: CompareSettings, published: dict[str, object]
) -> tuple[list[Finding], list[Finding]]:
    """The findings of one group: those that count, and the possible ones.

    Each pair goes to one of two builders by the confidence of its link, so a finding that
    counts never rests on a pair the calibrated model doubts, and a doubtful pair cannot
    pull a sure finding down. Agreement (info) is never held back.
    """
    sure = FindingBuilder(group, settings.finding_rules, lexicon, published)
    unsure = FindingBuilder(group, settings.finding_rules, lexicon, published)
    tolerance = settings.tolerance
    linked = _linked_pairs(group)
    for a, b in combinations(claims, 2):
        pair = frozenset((a.id, b.id))
        if linked is not None and pair not in linked:
            continue
        if not _comparable(a, b) or not comparable_units(a, b) or not _same_thing(a, b, lexicon):
            continue
        confidence = linked[pair] if linked is not None else None
        doubtful = confidence is not None and confidence < settings.min_confidence
        facts = _pair_facts(a, b, tolerance, lexicon)
        for kind, held_back in _finding_table(facts):
            builder = unsure if doubtful and held_back else sure
            builder.add(kind, a, b, gap=facts.gap, minor=kind == FindingKind.value_conflict and facts.minor,
                        confidence=confidence)
    return sure.findings(), unsure.findings()


class PairFacts(BaseModel):
    """What the finding table reads about one compared pair."""

    model_config = ConfigDict(frozen=True)

    values_differ: bool  # the intervals do not overlap after tolerance
    gap: float  # how far apart, relative to the larger value (0 when they overlap)
    minor: bool  # the gap is under the tolerance rule's minor_gap
    measures_nested: bool  # one predicate is broader than the other (killed vs neutralized)
    scopes_differ: bool  # both name a period, and not the same one
    same_article: bool
    vague: bool  # one of them is a vague amount ("dozens")
    counted_differs: bool  # both count things the lexicon knows, and not the same thing


def _pair_facts(a: Claim, b: Claim, tolerance: ToleranceRule, lexicon: Lexicon) -> PairFacts:
    converted = written_in_other_units(a, b)
    ia = _loosely(a, comparison_interval(a, _tolerance_for(tolerance, a), converted))
    ib = _loosely(b, comparison_interval(b, _tolerance_for(tolerance, b), converted))
    differ = not overlaps(ia, ib)
    gap = relative_gap(ia, ib) if differ else 0.0
    return PairFacts(
        values_differ=differ,
        gap=gap,
        minor=gap < tolerance.minor_gap,
        measures_nested=lexicon.predicate_relation(a.predicate, b.predicate) in ("broader", "narrower"),
        scopes_differ=_scopes_differ(a, b),
        same_article=a.article_id == b.article_id,
        vague=a.vague or b.vague,
        counted_differs=_counted_differs(a, b, lexicon),
    )


# The finding rules in the order they are tried on a pair, in blocks: the first rule of a
# block whose `when` holds is raised. A disagreement is one of three kinds; inside one
# article it is also an attribution finding; values that agree are either counted
# differently or corroborate. Every finding but corroboration is held back (a possible
# finding) when the pair's link is doubtful.
_DISAGREEMENTS = (
    (FindingKind.measure_differs, lambda f: f.values_differ and f.measures_nested),
    (FindingKind.scope_differs, lambda f: f.values_differ and f.scopes_differ),
    (FindingKind.value_conflict, lambda f: f.values_differ),
)
_BESIDE_A_DISAGREEMENT = ((FindingKind.attribution_differs, lambda f: f.values_differ and f.same_article),)
# "thousands" may be said of 14,000, but it corroborates nothing and counts nothing else
_AGREEMENTS = (
    (FindingKind.counted_differs, lambda f: not f.values_differ and not f.vague and f.counted_differs),
    (FindingKind.corroborated, lambda f: not f.values_differ and not f.vague and not f.same_article),
)


def _finding_table(facts: PairFacts) -> list[tuple[FindingKind, bool]]:
    """The findings a pair raises, each with whether a doubtful link holds it back."""
    raised = []
    for block in (_DISAGREEMENTS, _BESIDE_A_DISAGREEMENT, _AGREEMENTS):
        kind = next((k for k, when in block if when(facts)), None)
        if kind is not None:
            raised.append((kind, kind != FindingKind.corroborated))
    return raised


# How far a vague amount stretches when set against a figure: "thousands" may be said of
# 14,000 and "hundreds" of 1,600, but "dozens" is not 250.
VAGUE_STRETCH = 2.0


def _loosely(claim: Claim, interval: tuple[float, float]) -> tuple[float, float]:
    """A vague amount's interval, stretched by VAGUE_STRETCH either way."""
    if not claim.vague:
        return interval
    low, high = interval
    return low / VAGUE_STRETCH, high * VAGUE_STRETCH


def _linked_pairs(group: ClaimGroup) -> dict[frozenset[str], float | None] | None:
    """The pairs compare may set against each other, with their calibrated confidence: the
    group's direct links, or None (every pair) for a group not built by the aligner."""
    if group.links is None:
        return None
    return {frozenset(link.claim_ids): link.confidence for link in group.links}


def _same_thing(a: Claim, b: Claim, lexicon: Lexicon) -> bool:
    """Whether a pair inside a group may be compared value for value.

    Groups are built by linkage, so two members can be linked only through others; a
    pair is compared only when nothing says they measure different things: years only
    when they date the same thing, a figure in a unit never against a count of named
    things, and never two different kinds of event (killed vs displaced). Counted things
    that differ are kept: that is a finding of its own.
    """
    if QuantityKind.year in (a.kind, b.kind):
        head_a, head_b = lexicon.canonical_counted(a.counted_head), lexicon.canonical_counted(b.counted_head)
        return a.kind == b.kind and head_a is not None and head_a == head_b
    if _measure_against_things(a, b) or _measure_against_things(b, a):
        return False  # "a 6.1-magnitude quake" and "killed six children": no unit counts children
    if QuantityKind.time in (a.kind, b.kind) and clock_zone(a) != clock_zone(b):
        return False  # "17:06 local (13:36 GMT)": one instant in two zones, not two reports
    if (is_age(a) or is_age(b)) and not (same_named_person(a, b) or same_described_person(a, b, lexicon.anybody)):
        return False  # a 63-year-old woman and a 47-year-old woman are two women
    return lexicon.predicate_relation(a.predicate, b.predicate) != "unrelated" or not (
        _is_event(a.predicate, lexicon) and _is_event(b.predicate, lexicon)
    )


def _measure_against_things(a: Claim, b: Claim) -> bool:
    """``a`` is in a unit and ``b``, of another kind, counts things it names and has none."""
    return a.kind != b.kind and bool(a.unit) and not b.unit and bool(b.counted)


def _is_event(word: str | None, lexicon: Lexicon) -> bool:
    return bool(word) and word.lower() in lexicon.event_words


def _comparable(a: Claim, b: Claim) -> bool:
    if a.article_id != b.article_id:
        return True
    sa, sb = a.attribution.source_normalized, b.attribution.source_normalized
    return bool(sa and sb and sa != sb)


def _counted_differs(a: Claim, b: Claim, lexicon: Lexicon) -> bool:
    """Both count something the lexicon knows, and not the same thing (soldiers vs workers).

    Unknown words never raise this: "five Turks" vs "five troops" is no contradiction.
    """
    if a.vague or b.vague:
        return False
    if not (lexicon.counted_known(a.counted_head) and lexicon.counted_known(b.counted_head)):
        return False
    if lexicon.is_generic_head(a.counted_head) or lexicon.is_generic_head(b.counted_head):
        return False  # "14,000 people" vs "14,000 refugees": the people are the refugees
    return lexicon.counted_relation(a.counted_head, b.counted_head) == "unrelated"


def _tolerance_for(rule: ToleranceRule, claim: Claim) -> Tolerance:
    return rule.tolerances.get(claim.kind.value, Tolerance())


def _scopes_differ(a: Claim, b: Claim) -> bool:
    """Both claims name a time window or date, and the windows are not the same."""
    sa, sb = a.scope, b.scope
    if not (sa.text and sb.text):
        return False
    if sa.start and sb.start and sa.end and sb.end:
        return (sa.start, sa.end) != (sb.start, sb.end)
    return sa.text.lower() != sb.text.lower()
