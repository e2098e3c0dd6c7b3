"""Runs the stages in order: ingest -> extract -> attribute -> align -> compare -> Report.

The only module that knows every stage; each stage sees only models and the data it needs.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from checker.align import AlignSettings, align_claims
from checker.align.pair_model import load_pair_model
from checker.align.pair_rules import KNOWN_CHECKS as PAIR_CHECKS
from checker.attribute import attribute_claims
from checker.compare import CompareSettings, compare_groups
from checker.ranking import ranked
from checker.extract import ExtractSettings, FrameWords, OrdinalWords, analyse_articles, build_claims
from checker.extract.days import with_article_days
from checker.ingest import IngestLimits, read_inputs
from checker.lexicon import AttributionWords, Lexicon
from checker.models import Article, Claim, ClaimGroup, InputError, Report, Warning_
from checker.nlp.embedding_model import embed_texts
from checker.nlp.spacy_model import load_spacy
from checker.ruleset import RuleError, RuleSet, load_rules
from checker.ruleset.schema import PairRule

if TYPE_CHECKING:
    from checker.config import Config

Embed = Callable[[list[str]], np.ndarray]
Progress = Callable[[str, int, int], None]
# Speed and scale: the engines (checker/engine/) swap in parallel versions of these two steps.
Extractor = Callable[[Sequence[Article], ExtractSettings, AttributionWords], "tuple[list[Claim], list[Warning_]]"]
Aligner = Callable[[list[Article], list[Claim], Lexicon, Embed, AlignSettings], list[ClaimGroup]]


class PipelineOptions(BaseModel):
    """Everything a run needs besides its inputs."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    rules_dirs: tuple[Path, ...] = ()
    enable_rules: tuple[str, ...] = ()
    disable_rules: tuple[str, ...] = ()
    max_article_chars: int = 2_000_000
    max_claims_per_article: int = 2000
    align: AlignSettings = Field(default_factory=AlignSettings)
    # Disagreements less sure than this are "possible" findings; None: the value the pair
    # model was cross-validated to (pair_model.json's min_confidence).
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)

    @classmethod
    def from_config(cls, config: "Config") -> "PipelineOptions":
        """The options a project config (claimcheck.toml, [tool.claimcheck]) asks for."""
        return cls(
            rules_dirs=tuple(config.rules_dirs),
            enable_rules=tuple(config.enabled_rules),
            disable_rules=tuple(config.disabled_rules),
            max_article_chars=config.max_article_chars,
            max_claims_per_article=config.max_claims_per_article,
            min_confidence=config.min_confidence,
        )


class StageTimer:
    """Wall-clock seconds per stage, for the benchmark (never part of the JSON report)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._started = time.perf_counter()
        self._stage: str | None = None

    def start(self, stage: str) -> None:
        self.stop()
        self._stage, self._started = stage, time.perf_counter()

    def stop(self) -> None:
        if self._stage is not None:
            self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + time.perf_counter() - self._started
            self._stage = None


def load_ruleset(options: PipelineOptions) -> RuleSet:
    """The shipped rules plus the user's folders, switched by id prefix. Raises RuleError,
    also for a pair rule whose check the aligner does not have."""
    rules = load_rules(options.rules_dirs).select(options.enable_rules, options.disable_rules)
    for rule_id, rule in rules.rules.items():
        if isinstance(rule, PairRule) and rule.check not in PAIR_CHECKS:
            known = ", ".join(sorted(PAIR_CHECKS))
            raise RuleError(rules.sources[rule_id], None, f"key `check`: unknown check {rule.check!r} (known: {known})")
    return rules


def run_check(
    paths: Sequence[str | Path],
    options: PipelineOptions = PipelineOptions(),
    rules: RuleSet | None = None,
    embed: Embed = embed_texts,
    timer: StageTimer | None = None,
    extractor: Extractor | None = None,
) -> Report:
    """Check every article found under ``paths``; unreadable files become input errors."""
    timer = timer or StageTimer()
    rules = rules or load_ruleset(options)  # bad rules stop the run before any reading
    timer.start("ingest")
    ingested = read_inputs(paths, IngestLimits(max_article_chars=options.max_article_chars))
    timer.stop()
    return check_articles(
        ingested.articles, options, rules, embed, ingested.input_errors, ingested.warnings, timer,
        extractor=extractor,
    )


def extract_settings_for(rules: RuleSet, lexicon: Lexicon, options: PipelineOptions) -> ExtractSettings:
    """What the extract stage takes from the rules and options (also sent to remote workers)."""
    return ExtractSettings(
        approx_tolerance=rules.approx_tolerance(),
        event_words=lexicon.event_words,
        max_claims_per_article=options.max_claims_per_article,
        ordinals=OrdinalWords.from_rules(rules),
        facets=tuple(rules.facets()),
        furniture=tuple(rules.furniture()),
        estimating_verbs=rules.words("estimating_verbs"),
        frame_words=FrameWords.from_rules(rules),
    )


def extract_claims(
    articles: Sequence[Article],
    settings: ExtractSettings,
    words: AttributionWords,
    timer: StageTimer | None = None,
) -> tuple[list[Claim], list[Warning_]]:
    """Extract and attribute the claims of ``articles``, in article order.

    Each article's claims depend on that article alone, so any split of the articles over
    workers, concatenated in order, gives the same list.
    """
    timer = timer or StageTimer()
    timer.start("extract")
    analysed = analyse_articles(articles, load_spacy(), settings.furniture) if articles else []
    warnings: list[Warning_] = []
    claims_per_article: list[list[Claim]] = []
    for doc in analysed:
        result = build_claims(doc, settings)
        warnings.extend(result.warnings)
        claims_per_article.append(result.claims)

    timer.start("attribute")
    claims: list[Claim] = []
    for doc, article_claims in zip(analysed, claims_per_article):
        claims.extend(attribute_claims(doc, article_claims, words))
    return claims, warnings


def check_articles(
    articles: Sequence[Article],
    options: PipelineOptions = PipelineOptions(),
    rules: RuleSet | None = None,
    embed: Embed = embed_texts,
    input_errors: Sequence[InputError] = (),
    warnings: Sequence[Warning_] = (),
    timer: StageTimer | None = None,
    align: bool = True,
    extractor: Extractor | None = None,
    aligner: Aligner | None = None,
) -> Report:
    """Run extract -> attribute -> align -> compare over already-read articles.

    ``align=False`` stops after attribution (``claimcheck extract``). ``extractor`` and
    ``aligner`` replace the in-process extract+attribute and align steps (the engines run
    them on worker processes or a Ray cluster); the report is the same whichever runs them.
    """
    timer = timer or StageTimer()
    rules = rules or load_ruleset(options)
    lexicon = Lexicon.from_rules(rules)
    articles = sorted(articles, key=lambda a: a.id)  # input order never changes the output
    warnings = list(warnings)

    timer.start("extract")
    extract_settings = extract_settings_for(rules, lexicon, options)
    if extractor is None:
        claims, extract_warnings = extract_claims(articles, extract_settings, lexicon.attribution, timer)
    else:
        claims, extract_warnings = extractor(articles, extract_settings, lexicon.attribution)
    warnings.extend(extract_warnings)

    return assemble_report(
        articles, claims, options, rules, embed, input_errors, warnings, timer, align=align, aligner=aligner
    )


def assemble_report(
    articles: Sequence[Article],
    claims: list[Claim],
    options: PipelineOptions,
    rules: RuleSet,
    embed: Embed = embed_texts,
    input_errors: Sequence[InputError] = (),
    warnings: Sequence[Warning_] = (),
    timer: StageTimer | None = None,
    align: bool = True,
    aligner: Aligner | None = None,
    min_confidence: float | None = None,
) -> Report:
    """Align and compare already extracted claims (``articles`` sorted by id) into a Report.

    ``min_confidence`` overrides the options' (the cross-validation sets its own per fold).
    """
    timer = timer or StageTimer()
    lexicon = Lexicon.from_rules(rules)
    # Article-level facts (the days each was written on) are read over the whole batch, as
    # two articles telling one event place each other in time; align reads them, not the text.
    articles = with_article_days(list(articles))
    timer.start("align")
    aligner = aligner or align_claims
    groups = aligner(list(articles), claims, lexicon, embed, options.align) if claims and align else []

    timer.start("compare")
    if min_confidence is None:
        min_confidence = options.min_confidence if options.min_confidence is not None else load_pair_model().min_confidence
    compare_settings = CompareSettings(
        tolerance=rules.tolerance(), finding_rules=rules.finding_rules(), min_confidence=min_confidence
    )
    published = {a.id: a.published.isoformat() for a in articles if a.published}
    comparison = compare_groups(groups, claims, lexicon, compare_settings, published)
    timer.stop()

    return Report(
        articles=list(articles),
        claims=claims,
        groups=groups,
        findings=ranked(comparison.findings, claims, groups),
        possible_findings=ranked(comparison.possible, claims, groups),
        min_confidence=min_confidence,
        input_errors=sorted(input_errors, key=lambda e: (e.path, e.line or 0, e.reason)),
        warnings=sorted(warnings, key=lambda w: (w.path, w.message)),
    )
