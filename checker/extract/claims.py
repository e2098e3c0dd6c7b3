"""Turn the numbers found in an analysed article into claims with a frame and a time scope."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from checker.extract.days.dated import writing_range
from checker.extract.days.window import recent_window
from checker.extract.facets import read_facets
from checker.extract.frame import Frame, FrameWords, frame_for
from checker.extract.numbers import find_numbers
from checker.extract.numbers.intervals import interval
from checker.extract.numbers.units import UNIT_PHRASES
from checker.extract.timescope import TimePhrase, find_time_phrases, nearest_time_phrase
from checker.models import Bound, Claim, NumberMention, QuantityKind, TimeScope, Value, Warning_
from checker.nlp.document import AnalysedArticle, AnalysedSentence
from checker.ruleset import RuleSet
from checker.ruleset.schema import FacetRule, FurnitureRule, OrdinalNounsRule

# Numbers that, inside a time phrase, only measure the window ("the last three months");
# a year ("in 2018") is the claim itself.
_SCOPE_KINDS = {QuantityKind.count, QuantityKind.duration}


class OrdinalWords(BaseModel):
    """The words rules/numbers/ordinal_nouns.yml gives for reading an ordinal."""

    model_config = ConfigDict(frozen=True)

    # an ordinal before one of these is a quantity even unparsed ("the 14th floor"); one that
    # counts any other noun is one too ("the seventh straight day"), except before one of
    # ``positions`` ("for the first time", "the 21st century")
    nouns: frozenset[str] = frozenset()
    positions: frozenset[str] = frozenset()
    # an ordinal of one of these is how long something has lasted ("its ninth year")
    spans: frozenset[str] = frozenset()

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "OrdinalWords":
        return cls(**rules.word_fields(OrdinalNounsRule, ("nouns", "positions", "spans")))


class ExtractSettings(BaseModel):
    """What the extract stage needs from the rules and the configuration."""

    model_config = ConfigDict(frozen=True)

    approx_tolerance: float = 0.05
    event_words: frozenset[str] = frozenset()
    max_claims_per_article: int = 2000
    # When an ordinal is a claim, and when it is a duration (rules/numbers/ordinal_nouns.yml).
    ordinals: OrdinalWords = OrdinalWords()
    # Verbs whose subject estimates a figure, never owns it (rules/lexicons/estimating_verbs.yml).
    estimating_verbs: frozenset[str] = frozenset()
    # The frame extractor's words (degrees, level verbs, negative subjects); no default, as
    # without them every frame would quietly change.
    frame_words: FrameWords
    # The facet rules of rules/facets/, read on every claim.
    facets: tuple[FacetRule, ...] = ()
    # Page furniture blanked before reading (rules/furniture/).
    furniture: tuple[FurnitureRule, ...] = ()


class ExtractResult(BaseModel):
    claims: list[Claim]
    warnings: list[Warning_]


_NEXT_WORD = re.compile(r"[\s-]*([A-Za-z]+)")


def _ordinal_quantity(text: str, end: int, nouns: frozenset[str]) -> bool:
    """An ordinal whose next word is a noun of rules/numbers/ordinal_nouns.yml."""
    match = _NEXT_WORD.match(text, end)
    return bool(match) and match.group(1).lower() in nouns


def _ordinal_counts(text: str, mention: NumberMention, frame: Frame, words: OrdinalWords) -> bool:
    """An ordinal that counts what it modifies: before an ordinal noun, or with a counted
    head the parse found that is not a mere position in a sequence."""
    if _ordinal_quantity(text, mention.end, words.nouns):
        return True
    if not frame.counted_head or mention.value.point == 1:
        return False  # "first" orders far more often than it counts ("its first quarter")
    return frame.counted_head.lower() not in words.positions


def _span_so_far(mention: NumberMention, frame: Frame, spans: frozenset[str]) -> tuple[NumberMention, Frame]:
    """"The seventh straight day of riots", "the war nears its ninth year": an ordinal of a
    span counts how long something has lasted, a duration of at most N of that unit (more
    than N - 1), so it meets "a week of riots" and "the nine-year war". The span's noun is
    its unit, not what it counts, as with "eight days"."""
    head = (frame.counted_head or "").lower()
    unit = UNIT_PHRASES.get(head)
    if head not in spans or unit is None:
        return mention, frame
    n = mention.value.point
    duration = mention.model_copy(update={
        "kind": QuantityKind.duration, "unit": unit[0], "bound": Bound.at_most,
        "value": Value(low=max(0.0, n - 1), high=n, point=n),
    })
    return duration, frame.model_copy(update={"counted": None, "counted_head": None})


def build_claims(doc: AnalysedArticle, settings: ExtractSettings) -> ExtractResult:
    """Every numeric claim of one article, in text order, with offsets into the original text."""
    article = doc.article
    mentions = find_numbers(doc.clean_text, article.published, settings.approx_tolerance)
    claims: list[Claim] = []
    warnings: list[Warning_] = []
    phrases_by_sentence: dict[int, list[TimePhrase]] = {}
    last_whole: Claim | None = None  # the latest count a later "of those" can be a part of
    written = writing_range(article)  # the days the article may have been written on
    for mention in mentions:
        sentence = doc.sentence_at(mention.start)
        if sentence is None:
            continue
        if sentence.index not in phrases_by_sentence:
            phrases_by_sentence[sentence.index] = find_time_phrases(sentence.text, article.published)
        phrases = phrases_by_sentence[sentence.index]
        rel_start, rel_end = mention.start - sentence.start, mention.end - sentence.start
        if mention.kind in _SCOPE_KINDS and _inside_time_phrase(phrases, rel_start, rel_end) and _scopes_another(
            mentions, mention, sentence, phrases
        ):
            continue  # "three" in "in the last three months" is the scope of the sentence's figure, not a claim
        if len(claims) >= settings.max_claims_per_article:
            warnings.append(
                Warning_(
                    path=article.path,
                    message=f"{article.id}: more than {settings.max_claims_per_article} claims; the rest were skipped",
                )
            )
            break
        frame = frame_for(sentence.doc, rel_start, rel_end, settings.event_words, settings.frame_words, money=mention.kind == QuantityKind.money, estimating_verbs=settings.estimating_verbs) if sentence.doc is not None else Frame()
        if mention.kind == QuantityKind.ordinal:
            if not _ordinal_counts(doc.clean_text, mention, frame, settings.ordinals):
                continue
            mention, frame = _span_so_far(mention, frame, settings.ordinals.spans)
        scope = _scope(phrases, rel_start, sentence.text)
        claim = _claim(doc, sentence, mention, frame, scope, part_of=last_whole.id if frame.anaphoric and last_whole else None)
        if settings.facets:
            claim = claim.model_copy(update={"facets": read_facets(claim, settings.facets)})
        if written is not None and (window := recent_window(claim, written)) is not None:
            claim = claim.model_copy(update={"window": window})
        claims.append(claim)
        if claim.kind == QuantityKind.count and not frame.anaphoric and not claim.vague:
            last_whole = claim
    return ExtractResult(claims=claims, warnings=warnings)


def _inside_time_phrase(phrases: list[TimePhrase], start: int, end: int) -> bool:
    return any(p.start <= start and end <= p.end for p in phrases)


def _scopes_another(
    mentions: list[NumberMention], mention: NumberMention, sentence: AnalysedSentence, phrases: list[TimePhrase]
) -> bool:
    """Whether the sentence holds another figure, outside its time phrases, that the phrase
    holding ``mention`` is the time scope of ("almost 900,000 ... in the last three
    months"); a time phrase with no such figure is itself what the sentence reports ("the
    assault began 12 days ago")."""
    end = sentence.start + len(sentence.text)
    for other in mentions:
        if other is mention or not (sentence.start <= other.start < end):
            continue
        if not _inside_time_phrase(phrases, other.start - sentence.start, other.end - sentence.start):
            return True
    return False


def _scope(phrases: list[TimePhrase], at: int, sentence: str) -> TimeScope:
    phrase = nearest_time_phrase(phrases, at, sentence)
    return phrase.scope if phrase is not None else TimeScope()


# A denied floor is a ceiling: "none has offered more than eight years" -> at most eight.
_DENIED_BOUND = {Bound.more_than: Bound.at_most, Bound.at_least: Bound.less_than}


def _denied(mention: NumberMention) -> tuple[Value, Bound]:
    """The value and bound of a figure whose clause is denied (only floors change)."""
    bound = _DENIED_BOUND.get(mention.bound)
    if bound is None:
        return mention.value, mention.bound
    return interval(mention.value.point, bound, 0.0), bound


def _claim(
    doc: AnalysedArticle,
    sentence: AnalysedSentence,
    mention: NumberMention,
    frame: Frame,
    scope: TimeScope,
    part_of: str | None,
) -> Claim:
    start = doc.original_offset(mention.start)
    end = doc.original_offset(mention.end)
    value, bound = _denied(mention) if frame.negated else (mention.value, mention.bound)
    sent_start = doc.original_offset(sentence.start)
    sent_end = doc.original_offset(sentence.end)
    original = doc.article.text
    return Claim(
        id=f"{doc.article.id}@{start}-{end}",
        article_id=doc.article.id,
        start=start,
        end=end,
        text=original[start:end],
        sentence=original[sent_start:sent_end],
        sentence_start=sent_start,
        value=value,
        bound=bound,
        kind=mention.kind,
        unit=mention.unit,
        vague=mention.vague,
        counted=frame.counted,
        counted_head=frame.counted_head,
        predicate=frame.predicate,
        phrase=frame.phrase,
        place=frame.place,
        holder=frame.holder,
        scope=scope,
        part_of=part_of,
    )
