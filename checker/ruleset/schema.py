"""Pydantic schemas of the rule files: one model per rule type, ``extra="forbid"`` everywhere.

Rules are data where data suffices; the small fixed set of rule types below is what the
compare stage knows how to apply.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, field_validator

from checker.models import FindingKind

Severity = Literal["info", "warning", "error"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RuleTest(Strict):
    """A named test case: ``given`` is fed to the rule, ``expect`` is what it must answer."""

    name: str
    given: dict[str, Any]
    expect: Any


class RuleBase(Strict):
    description: str
    enabled: bool = True
    tests: list[RuleTest] = Field(default_factory=list)


class Tolerance(Strict):
    relative: float = Field(default=0.0, ge=0.0, le=1.0)
    absolute: float = Field(default=0.0, ge=0.0)


class ToleranceRule(RuleBase):
    """Interval slack per kind of quantity, and the gap below which a conflict is minor."""

    type: Literal["tolerance"]
    tolerances: dict[str, Tolerance]
    minor_gap: float = Field(default=0.1, ge=0.0, description="relative gap of a minor conflict")


class ApproximatorRule(RuleBase):
    """How wide an interval 'about', 'around', 'some' open around the number."""

    type: Literal["approximators"]
    approx_tolerance: float = Field(ge=0.0, le=0.5)


class OrdinalNounsRule(RuleBase):
    """Nouns after which an ordinal is a quantity of the story ("the 14th floor", "her 90th
    birthday"), not a position in a list ("the third attack")."""

    type: Literal["ordinal_nouns"]
    nouns: list[str]
    positions: list[str] = []
    spans: list[str] = []


class PronounsRule(RuleBase):
    """English pronouns by what they can stand for (a closed class of grammar, read by
    attribution, holders, frames and pair links): a ``person`` ("he said", "quoted him"); a
    ``subject`` that stands for someone named elsewhere ("it reported"); the ``first_person``
    speaker inside a quote ("I counted 40"); any pronoun a sentence's speaker can be
    (``speakers``: never a side's own name); words that point back to something counted
    earlier (``anaphoric``: "of those")."""

    type: Literal["pronouns"]
    person: list[str]
    subject: list[str]
    first_person: list[str]
    speakers: list[str]
    anaphoric: list[str]


class DaysRule(RuleBase):
    """The calendar's words: weekday and month names, and the words for a day counted from
    the day of writing."""

    type: Literal["days"]
    weekdays: list[str] = Field(min_length=7, max_length=7, description="Monday first, as Python counts them")
    months: list[str] = Field(min_length=12, max_length=12, description="January first")
    month_abbreviations: dict[str, int] = Field(
        default_factory=dict, description="abbreviations beyond a month's first three letters ('sept' -> 9)"
    )
    relative_days: dict[str, int] = Field(description="a word -> the day it names, counted from the day of writing")
    one_day_words: dict[str, int] = Field(
        description="the relative day words that name one day, and that day ('overnight' spans two)"
    )


class ParsePrefilterRule(RuleBase):
    """Which sentences are parsed: those that may hold a figure, and the neighbours that may
    name its speaker (checker/extract/prepare.py). The spelled numbers the number reader
    knows (checker/extract/numbers) make a sentence worth parsing without being listed here."""

    type: Literal["parse_prefilter"]
    count_words: list[str] = Field(description="words or phrases besides the spelled numbers that may hold a figure")
    not_alone: list[str] = Field(default_factory=list, description="spelled numbers that alone do not make a sentence worth parsing")
    quote_cues: list[str] = Field(description="words of a sentence that may name the speaker of the quote before it")
    pronoun_subjects: list[str] = Field(description="pronouns before a cue ('he said') whose sentences before are parsed")
    pronoun_cues: list[str] = Field(description="cue words after such a pronoun")
    inverted_cues: list[str] = Field(description="cue words before such a pronoun ('said he')")
    inverted_subjects: list[str] = Field(description="pronouns after an inverted cue")


class WordsRule(RuleBase):
    """A list of words with one role in the code that reads it (``role`` names it)."""

    type: Literal["words"]
    role: Literal[
        "estimating_verbs", "anybody", "market_moves", "holder_not_names", "holder_periods", "holder_verbs",
        "holder_offer_verbs", "company_suffixes",
        "generic_heads", "cue_verbs", "speaking_nouns", "anonymous_sources", "hedges",
        "degree_only", "level_verbs", "negative_subjects", "name_titles", "site_nouns", "units_left_out",
        "reporting_words", "addition_words", "outcome_events", "toll_events", "name_joiners", "time_span_prepositions", "market_share_heads",
        "clause_breaks", "source_stop_words", "abbreviations",
    ] = Field(
        description="estimating_verbs: verbs whose subject estimates a figure rather than owns it "
        "('Gartner puts the market at $748 billion'); anybody: words for anybody, so two ages "
        "given for them may be two people ('a man, 38' / 'a man, 39'); market_moves: verbs that "
        "report a share price or its move over one session ('HP shares sagged $2.56'); holder_not_names: "
        "capitalised words that start a clause without naming a holder ('The', 'While'); holder_periods: a "
        "day or period before 's, not a holder ('Sunday's 7.6 quake'); holder_verbs and holder_offer_verbs: "
        "verbs after a name that make it the holder of the figure or offer that follows ('IBM had 7.2 %', "
        "'the Angels have made an offer'); company_suffixes: what a company's "
        "name may carry or drop ('Hewlett-Packard Co.' is 'HP'); generic_heads: nouns that say little about "
        "what is counted ('300,000 people', 'two others'); cue_verbs: verbs that attribute what they govern "
        "('police said'); speaking_nouns: nouns for someone who can report a figure ('the sheriff said'); "
        "anonymous_sources: words that name no one in particular ('a senior official'); hedges: words that "
        "hedge a claim ('reportedly'); degree_only: degrees that alone after a figure make it a part of "
        "the one before ('55 wounded, 15 critically'); level_verbs: verbs whose subject takes the level a "
        "figure names ('the toll rose to 45'); negative_subjects: subjects that deny their clause ('none "
        "has offered more than eight years'); name_titles: titles and suffixes that are no part of whose "
        "name it is ('Mr.', 'Jr.'); site_nouns: sites a strike hits one at a time ('a school' / 'schools'); "
        "units_left_out: units a figure is often written without ('a 7.6 quake'); reporting_words: words "
        "that report a side's account ('according to'); addition_words: words that make a figure an "
        "addition to one before ('another two'); outcome_events: events that, named beside a count, say what "
        "befell what it counts ('12 arrested' is never '12 injured'); toll_events: the outcome events a casualty "
        "toll counts (the dead, the wounded); name_joiners: lower-case words inside a name ('Bank of America'); "
        "time_span_prepositions: prepositions of a span the event has not happened in ('not hit in more than 25 years'); market_share_heads: what a market share counts ('IBM's 10 percent share'); "
        "clause_breaks: punctuation and words that end the few words still describing a figure ('55 others "
        "injured, and'); source_stop_words: words of a source's name that name no one, for matching gold "
        "sources ('the', 'its'); abbreviations: abbreviations after which a full stop ends no sentence ('Mr.', 'U.S.')"
    )
    words: list[str]


FacetVerdict = Literal["marked_vs_unmarked", "marked_vs_unmarked_if_values_differ", "none"]


class FacetRule(RuleBase):
    """A fact about a figure read from the words around it (a facet of the claim), and what it
    means for pairing: a figure so marked is never one quantity with a figure that is not."""

    type: Literal["facet"]
    facet: str = Field(pattern=r"^[a-z_]+$", description="its name in the claims' `facets`")
    kinds: list[str] = Field(
        default_factory=list, description="the kinds of quantity it is read on (count, money, ...); all when empty"
    )
    beside: list[str] = Field(
        default_factory=list,
        description="words or phrases among the words that still describe the number (a few either "
        "side, inside its clause: checker/figure_words.py)",
    )
    beside_chars: int = Field(default=60, ge=1)
    in_counted: bool = Field(default=False, description="look for the `beside` words in what it counts too")
    after: str | None = Field(default=None, description="a regular expression searched right after the figure")
    after_chars: int = Field(default=80, ge=1)
    before: str | None = Field(default=None, description="a regular expression that must end right before the figure")
    before_chars: int = Field(default=80, ge=1)
    apart: FacetVerdict = Field(
        default="marked_vs_unmarked",
        description="marked_vs_unmarked: a marked figure never joins an unmarked one; "
        "marked_vs_unmarked_if_values_differ: only when their values differ; none: read, not used to pair",
    )
    excludes: list[str] = Field(
        default_factory=list,
        description="facets a figure so marked never shares a quantity with, whatever the values "
        "(a depth is never a distance from a place)",
    )


class FurnitureRule(RuleBase):
    """Page furniture scraped with an article (gallery counters, caption labels, lists of other
    headlines): what a pattern matches is blanked before the article is read, so no figure is
    read off it (the offsets into the article text stay as they are)."""

    type: Literal["furniture"]
    patterns: list[str] = Field(
        description="regular expressions, case-insensitive; ^ and $ match at every line's ends"
    )
    min_repeats: int = Field(
        default=1, ge=1,
        description="furniture only where one article holds this many matches (a gallery's slide counters repeat)",
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is not a regular expression: {exc}") from exc
        return patterns


class PairRuleTest(Strict):
    """A pair rule's case: the claims of ``texts`` (article i is "i.txt", published on
    ``published[i]`` when given), and two of them, each [article index, start of its text]."""

    texts: list[str]
    published: list[str | None] = Field(default_factory=list)
    a: tuple[int, str]
    b: tuple[int, str]


class PairRule(RuleBase):
    """A rule of the aligner: two claims its check finds are never one quantity, not even
    through a third claim; or (a veto) may not be linked by the classifier, though they may
    meet through others; or (a link) are one quantity whatever the classifier says. ``check``
    names the mechanism (checker/align/pair_rules.py); a case expects "apart" or "together",
    a veto's "vetoed" or "may link", a link's "linked" or "not linked"."""

    type: Literal["pair_rule"]
    check: str
    message: str = Field(description="why such a pair is kept apart, in a desk's words")


class SynonymRule(RuleBase):
    """Sets of words that name the same thing; the first word of a set is its canonical name."""

    type: Literal["synonyms"]
    applies_to: Literal["predicate", "counted"]
    sets: list[list[str]]


class HierarchyRule(RuleBase):
    """Broader terms and the narrower terms they cover (neutralized > killed)."""

    type: Literal["hierarchy"]
    applies_to: Literal["predicate", "counted"]
    broader: dict[str, list[str]]


class SourceAliasRule(RuleBase):
    """Canonical source names, their aliases, and the body each belongs to (OCHA < UN)."""

    type: Literal["sources"]
    aliases: dict[str, list[str]]
    parents: dict[str, str] = Field(default_factory=dict)


class FindingRule(RuleBase):
    """A finding the compare stage raises; severity and thresholds are data."""

    type: Literal["finding"]
    finding: FindingKind
    severity: Severity
    minor_severity: Severity | None = Field(
        default=None, description="severity when the difference is minor (value_conflict)"
    )
    params: dict[str, float] = Field(default_factory=dict)
    headline: str | None = Field(
        default=None,
        description="one line on what differs and why it matters; {values}, {counted}, {scopes}, "
        "{sources}, {measures}, {outlets} and {dates} are filled from the finding's claims",
    )
    minor_headline: str | None = Field(default=None, description="headline when the difference is minor")


AnyRule = Annotated[
    Union[ToleranceRule, ApproximatorRule, OrdinalNounsRule, PronounsRule, DaysRule, ParsePrefilterRule, WordsRule, FacetRule, FurnitureRule, PairRule, SynonymRule, HierarchyRule, SourceAliasRule, FindingRule],
    Field(discriminator="type"),
]
