"""Typed models handed from stage to stage.

Every stage (ingest, extract, attribute, align, compare) takes and returns these
models and imports no other stage. Reporters see only :class:`Report`.
Character offsets always point into :attr:`Article.text`, the article's original text.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

SCHEMA_VERSION = "1.6"  # 1.6: claims' scope gained "calendar"; 1.5: articles gained "days", claims "window"; 1.4: claims gained "facets" and "holder", groups "kept_apart"; 1.3: claims gained "phrase", findings "rank", "headline" and "against_earlier", articles "earlier" and "recorded"; 1.1: groups gained "links"; 1.2: confidence on links and findings, possible_findings (additive)
_LARGEST_DOUBLE = sys.float_info.max


class Frozen(BaseModel):
    """Base for models that are data, not behaviour: strict and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- ingest


class ArticleDays(Frozen):
    """The days an article's text places it and its news on (read by extract/days/)."""

    news: str = Field(default="", description="the one weekday its news is told on (lower-case), '' if not one")
    earlier: str | None = Field(default=None, description="the weekday of an earlier event it tells of")
    written: tuple[int, int] | None = Field(
        default=None,
        description="(batch, day) it was written on, relative to the articles it shares an event with; "
        "None when nothing places it",
    )
    dated: tuple[dt.date, dt.date] | None = Field(
        default=None, description="first and last day it may have been written on (its date, or its text's)"
    )


class Article(Frozen):
    """One article as read from disk. ``text`` is the original text every offset points into."""

    id: str = Field(description="path relative to the argument given (plus '#N' for JSONL lines)")
    path: str = Field(description="file the article was read from")
    title: str | None = None
    published: dt.date | None = None
    source: str | None = Field(default=None, description="outlet or source domain when known")
    url: str | None = None
    text: str
    line_offset: int = Field(
        default=0, description="line in `path` where `text` begins (0-based), for locations"
    )
    text_in_file: bool = Field(
        default=True, description="True when `text` is verbatim in the file (txt/md), so line/col map 1:1"
    )
    earlier: bool = Field(default=False, description="read back from the ledger: checked in an earlier run")
    recorded: dt.date | None = Field(
        default=None, description="for an earlier article: the day it speaks for (published, else recorded)"
    )
    days: ArticleDays | None = Field(
        default=None, description="the days its text places it on, read before aligning; None when it tells none"
    )


class InputError(Frozen):
    """A file (or JSONL line) that could not be read; the rest of the batch still runs."""

    path: str
    line: int | None = None
    reason: str


class Warning_(Frozen):
    """A non-fatal limit hit while checking (oversized article, too many claims)."""

    path: str
    message: str


# --------------------------------------------------------------------------- extract


class Bound(str, Enum):
    exact = "exact"
    approx = "approx"
    at_least = "at_least"
    more_than = "more_than"
    at_most = "at_most"
    less_than = "less_than"


class QuantityKind(str, Enum):
    count = "count"
    money = "money"
    percent = "percent"
    year = "year"
    duration = "duration"
    measure = "measure"  # physical units: length, area, temperature, magnitude...
    ordinal = "ordinal"
    time = "time"  # clock time, HHMM


class Value(Frozen):
    """The interval a numeric expression denotes. ``point`` is the number as written."""

    low: float
    high: float
    point: float

    def disjoint(self, other: "Value") -> bool:
        """No number lies in both intervals: "7.6" and "7.5" are two quakes, while "about
        40" and "42" may be one toll written twice."""
        return self.low > other.high or other.low > self.high

    @field_serializer("low", "high", "point", when_used="json")
    def _finite_in_json(self, number: float) -> float | None:
        """JSON has no Infinity: an unbounded end ("more than 100") is written as the largest
        finite double, which reads back as a float (pydantic would write null)."""
        if math.isinf(number):
            return _LARGEST_DOUBLE if number > 0 else -_LARGEST_DOUBLE
        return None if math.isnan(number) else number


class NumberMention(Frozen):
    """A numeric expression found in text, normalised to an interval."""

    start: int
    end: int
    text: str
    value: Value
    bound: Bound = Bound.exact
    kind: QuantityKind = QuantityKind.count
    unit: str | None = None
    vague: bool = False
    is_range: bool = False


class TimeScope(Frozen):
    """When a claim holds: the phrase as written, and the window it resolves to."""

    text: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    # How the phrase names its window, when the calendar names it: "named" for a month or a
    # year it names ("in March", "since 2012"), "counted_back" for a month or a year counted
    # back from the writing ("last year", "two months ago"); None for a weekday, a relative
    # day or a span ("on Monday", "yesterday", "in the past 10 weeks"), which are reckoned
    # from a publication date that may be wrong by days.
    calendar: Literal["named", "counted_back"] | None = None


class AttributionKind(str, Enum):
    direct_quote = "direct_quote"
    reported_speech = "reported_speech"
    according_to = "according_to"
    anonymous = "anonymous"
    unattributed = "unattributed"


class Attribution(Frozen):
    source: str | None = None
    source_normalized: str | None = None
    cue: str | None = None
    kind: AttributionKind = AttributionKind.unattributed
    hedge: str | None = None


class Claim(Frozen):
    """A numeric claim with its frame (what, predicate, when, where) and who says so."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int
    value: Value
    bound: Bound
    kind: QuantityKind
    unit: str | None = None
    vague: bool = False
    counted: str | None = None
    counted_head: str | None = None
    predicate: str | None = None
    phrase: str | None = Field(default=None, description="the figure with what it counts and its predicate, in the sentence's words")
    place: str | None = None
    scope: TimeScope = TimeScope()
    part_of: str | None = Field(default=None, description="id of a claim this one is a part of")
    holder: str | None = Field(
        default=None, description="whose figure it is, as the parse says: the name owning the counted noun or the figure's subject"
    )
    facets: dict[str, str] = Field(
        default_factory=dict,
        description="facts about the figure read from its words (rules/facets/): facet -> the words that mark it",
    )
    window: tuple[dt.date, dt.date] | None = Field(
        default=None,
        description="the days its time phrase covers when it runs back from the article's writing ('in recent "
        "days'), given the days the article may have been written on; None for any other scope",
    )
    attribution: Attribution = Attribution()


# --------------------------------------------------------------------------- align / compare


class ClaimLink(Frozen):
    """Two claims of a group the pair classifier itself scored as one quantity."""

    claim_ids: tuple[str, str]
    score: float = Field(description="P(same quantity) of this pair, rounded to 4 places")
    confidence: float | None = Field(
        default=None,
        description="the score calibrated on held-out gold clusters: the probability that the two claims are one "
        "quantity, rounded to 4 places",
    )


class KeptApart(Frozen):
    """A pair the pair model scored as one quantity that rules kept apart."""

    claim_ids: tuple[str, str] = Field(description="a claim of the group, then the claim it was kept from")
    rules: list[str] = Field(description="ids of the rules that kept them apart (align.*, facets.<facet>)")
    score: float = Field(description="the pair model's P(same quantity), rounded to 4 places")


class ClaimGroup(Frozen):
    id: str
    label: str
    claim_ids: list[str]
    links: list[ClaimLink] | None = Field(
        default=None,
        description="directly linked pairs (score >= the aligner's threshold); null when the group "
        "was not built by the aligner, and then every pair is compared",
    )
    kept_apart: list[KeptApart] | None = Field(
        default=None,
        description="claims the model would have linked to a member but rules kept apart, and which "
        "rules (the 10 pairs it scored highest); null when there are none",
    )


Severity = Literal["info", "warning", "error"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


class FindingKind(str, Enum):
    value_conflict = "value_conflict"
    scope_differs = "scope_differs"
    measure_differs = "measure_differs"
    counted_differs = "counted_differs"
    attribution_differs = "attribution_differs"
    corroborated = "corroborated"
    updated = "updated"  # --ledger: a later day's higher figure for a toll reported earlier


#: The one description of each finding kind: SARIF rule descriptions, the HTML legend, and a
#: finding's headline where its rule gives none.
KIND_DESCRIPTIONS: dict[FindingKind, str] = {
    FindingKind.value_conflict: "Sources give incompatible values for the same quantity.",
    FindingKind.scope_differs: "Sources give the figure for different time windows or places.",
    FindingKind.measure_differs: "Sources measure the quantity differently (e.g. killed vs. neutralized).",
    FindingKind.counted_differs: "Sources count different things under the same figure.",
    FindingKind.attribution_differs: "Sources attribute the same figure to different people or bodies.",
    FindingKind.corroborated: "Independent sources agree on the figure.",
    FindingKind.updated: "A later report gives a higher figure.",
}


class Finding(Frozen):
    id: str
    rule: str = Field(description="id of the rule that raised it, e.g. 'compare.value_conflict'")
    kind: FindingKind
    severity: Severity
    message: str
    headline: str | None = Field(default=None, description="one line on what differs and why it matters")
    group_id: str
    claim_ids: list[str]
    fingerprint: str
    confidence: float | None = Field(
        default=None,
        description="for a disagreement: the least calibrated confidence of the linked pairs behind it; "
        "null for a group not built by the aligner",
    )
    against_earlier: bool = Field(
        default=False, description="sets claims of this run against claims of earlier runs (--ledger)"
    )
    rank: int | None = Field(
        default=None,
        description="reading order, 1 first: severity, then confidence, then the size of the disagreement "
        "(findings and possible_findings are ranked apart)",
    )


# --------------------------------------------------------------------------- result


class Report(Frozen):
    """The run's result: what the JSON report serialises and every reporter renders."""

    schema_version: str = SCHEMA_VERSION
    tool: str = "claimcheck"
    articles: list[Article]
    claims: list[Claim]
    groups: list[ClaimGroup]
    findings: list[Finding]
    possible_findings: list[Finding] = Field(
        default_factory=list,
        description="disagreements whose confidence is below the run's min_confidence: shown apart, never "
        "counted for the exit code",
    )
    min_confidence: float | None = Field(
        default=None, description="the confidence a disagreement needed to count in this run"
    )
    input_errors: list[InputError]
    warnings: list[Warning_] = []
