"""Runs a rule's named test cases through the real code that applies the rule.

Used by the parametrised rule test and by ``claimcheck rules --test`` for users' own rules.
"""

from __future__ import annotations

from typing import Any

from checker.compare import CompareSettings, compare_group
from checker.compare.intervals import comparison_interval, overlaps
from checker.compare.updates import as_updates
from checker.lexicon import Lexicon
from checker.nlp.document import AnalysedArticle
from checker.models import Article, Attribution, Bound, Claim, ClaimGroup, QuantityKind, TimeScope, Value
from checker.ruleset.loader import RuleSet
from checker.ruleset.schema import (
    ApproximatorRule,
    DaysRule,
    FacetRule,
    FindingRule,
    FurnitureRule,
    OrdinalNounsRule,
    PairRule,
    PairRuleTest,
    ParsePrefilterRule,
    PronounsRule,
    HierarchyRule,
    RuleTest,
    SourceAliasRule,
    SynonymRule,
    Tolerance,
    ToleranceRule,
    WordsRule,
)

UNBOUNDED = 1e18
# How wide the hand-built claims of the cases make "about" (and so "almost": twice as far
# under), as rules/numbers/approximators.yml does.
_APPROX_TOLERANCE = 0.05
# Words read by one pair check of the aligner: their cases are cases of that check.
_CHECK_OF_WORDS = {
    "market_moves": "market_prices_of_other_days", "name_titles": "one_persons_ages", "site_nouns": "one_site_and_many",
    "units_left_out": "different_dimensions", "reporting_words": "rival_accounts", "addition_words": "rival_accounts",
    "outcome_events": "different_events", "toll_events": "rival_accounts", "market_share_heads": "one_holders_market_share",
}
# Words the frame extractor reads (checker/extract/frame.py).
_FRAME_ROLES = ("degree_only", "level_verbs", "negative_subjects", "time_span_prepositions")


def run_rule_test(rules: RuleSet, rule_id: str, test: RuleTest) -> Any:
    """What the rule answers for ``test.given``; compare it with ``test.expect``."""
    rule = rules.rules[rule_id]
    given = test.given
    lexicon = Lexicon.from_rules(rules)
    if isinstance(rule, ToleranceRule):
        tol = rule.tolerances.get(given["kind"], Tolerance())
        a = _interval_claim(given["kind"], *map(float, given["a"]), text=given.get("text_a"))
        b = _interval_claim(given["kind"], *map(float, given["b"]), text=given.get("text_b"))
        return "agree" if overlaps(comparison_interval(a, tol), comparison_interval(b, tol)) else "conflict"
    if isinstance(rule, ApproximatorRule):
        point, other = float(given["point"]), float(given["other"])
        low, high = point * (1 - rule.approx_tolerance), point * (1 + rule.approx_tolerance)
        return "covers" if low <= other <= high else "outside"
    if isinstance(rule, SynonymRule):
        relation = lexicon.predicate_relation if rule.applies_to == "predicate" else lexicon.counted_relation
        return "same" if relation(given["a"], given["b"]) == "same" else "different"
    if isinstance(rule, HierarchyRule):
        relation = lexicon.predicate_relation if rule.applies_to == "predicate" else lexicon.counted_relation
        answer = relation(given["a"], given["b"])
        return answer if answer in ("broader", "narrower") else "unrelated"
    if isinstance(rule, SourceAliasRule):
        from checker.source_names import normalize_source

        a = normalize_source(given["a"], lexicon.source_aliases)
        b = normalize_source(given["b"], lexicon.source_aliases)
        if a == b:
            return "same"
        return "related" if lexicon.source_family(a) == lexicon.source_family(b) else "different"
    if isinstance(rule, FindingRule):
        return _finding_test(rules, lexicon, given)
    if isinstance(rule, OrdinalNounsRule):
        return _ordinal_test(rules, given["text"])
    if isinstance(rule, FacetRule):
        return _facet_test(rule, given)
    if isinstance(rule, PronounsRule):
        return _attribution_test(rules, lexicon, "cue_verbs", given["text"], given["figure"])
    if isinstance(rule, DaysRule):
        return _days_test(given["text"], given["published"])
    if isinstance(rule, ParsePrefilterRule):
        return _prefilter_test(given["text"])
    if isinstance(rule, WordsRule) and rule.role == "clause_breaks":
        return _beside_test(given)
    if isinstance(rule, WordsRule) and rule.role == "source_stop_words":
        from checker.evaluation.matching import same_source

        return "same" if same_source(given["a"], given["b"]) else "different"
    if isinstance(rule, WordsRule) and rule.role == "abbreviations":
        from checker.nlp.sentences import split_sentences

        return [given["text"][s.start : s.end] for s in split_sentences(given["text"])]
    if isinstance(rule, FurnitureRule):
        return [c.text for c in _extracted(rules, given["text"], furniture=(rule,))]
    if isinstance(rule, PairRule):
        return _pair_test(rules, lexicon, rule, PairRuleTest(**given))
    if isinstance(rule, WordsRule) and rule.role in ("estimating_verbs", "name_joiners"):
        return _holder_test(rules, given["text"], given["figure"])
    if isinstance(rule, WordsRule) and rule.role in _FRAME_ROLES:
        return _frame_test(rules, rule.role, given["text"], given["figure"])
    if isinstance(rule, WordsRule) and rule.role in ("cue_verbs", "speaking_nouns", "anonymous_sources", "hedges"):
        return _attribution_test(rules, lexicon, rule.role, given["text"], given["figure"])
    if isinstance(rule, WordsRule) and rule.role in ("anybody", "generic_heads"):
        return _finding_test(rules, lexicon, given)
    if isinstance(rule, WordsRule) and rule.role in ("holder_not_names", "holder_periods", "holder_verbs", "holder_offer_verbs"):
        from checker.align.holders import holder

        return holder(_claim_of(_extracted(rules, given["text"]), given["figure"], given["text"]), lexicon.holder_words)
    if isinstance(rule, WordsRule) and rule.role == "company_suffixes":
        from checker.align.holders import same_holder

        return "same" if same_holder(given["a"], given["b"], lexicon.holder_words.suffixes) else "different"
    if isinstance(rule, WordsRule) and rule.role in _CHECK_OF_WORDS:
        check = PairRule(type="pair_rule", check=_CHECK_OF_WORDS[rule.role], description="", message="")
        return _pair_test(rules, lexicon, check, PairRuleTest(**given))
    raise TypeError(f"{rule_id}: no test runner for rule type {rule.type}")


def _analysed(rules: RuleSet, text: str, **settings: Any) -> tuple[AnalysedArticle, list[Claim]]:
    """``text`` as the real extract stage reads it with these ExtractSettings (and the frame
    words of ``rules``): the analysed article and its claims."""
    from checker.extract import ExtractSettings, FrameWords, analyse_articles, build_claims
    from checker.nlp.spacy_model import load_spacy

    extract = ExtractSettings(frame_words=FrameWords.from_rules(rules), **settings)
    doc = analyse_articles([Article(id="t.txt", path="t.txt", text=text)], load_spacy(), extract.furniture)[0]
    return doc, build_claims(doc, extract).claims


def _extracted(rules: RuleSet, text: str, **settings: Any) -> list[Claim]:
    """The claims the real extract stage finds in ``text`` (see _analysed)."""
    return _analysed(rules, text, **settings)[1]


def _ordinal_test(rules: RuleSet, text: str) -> list[float]:
    """The values of the ordinal claims extracted from ``text``."""
    from checker.extract import OrdinalWords

    claims = _extracted(rules, text, ordinals=OrdinalWords.from_rules(rules))
    return [c.value.point for c in claims if c.kind in (QuantityKind.ordinal, QuantityKind.duration)]


def _pair_test(rules: RuleSet, lexicon: Lexicon, rule: PairRule, case: PairRuleTest) -> str:
    """"apart" when ``rule``'s check keeps the case's two claims apart, else "together"; the
    claims come from the real extract and attribute stages."""
    import datetime as dt

    from checker.extract.days import article_days
    from checker.align.pair_rules import is_link, is_veto, run_check
    from checker.pipeline import check_articles

    dates = case.published + [None] * (len(case.texts) - len(case.published))
    articles = [
        Article(id=f"{i}.txt", path=f"{i}.txt", text=text, published=dt.date.fromisoformat(day) if day else None)
        for i, (text, day) in enumerate(zip(case.texts, dates))
    ]
    claims = check_articles(articles, rules=rules, align=False).claims

    def index(ref: tuple[int, str]) -> int:
        article, start = f"{ref[0]}.txt", ref[1]
        return next(i for i, c in enumerate(claims) if c.article_id == article and c.text.startswith(start))

    features = _pair_features(claims, lexicon) if is_veto(rule.check) else None
    found = run_check(rule.check, claims, lexicon, article_days(articles), features)[index(case.a), index(case.b)]
    if is_link(rule.check):
        return "linked" if found else "not linked"
    if is_veto(rule.check):
        return "vetoed" if found else "may link"
    return "apart" if found else "together"


def _pair_features(claims: list[Claim], lexicon: Lexicon):
    """The classifier's features of every pair of ``claims``, embedded with the real model."""
    from checker.align import claim_vectors, pair_features
    from checker.nlp.embedding_model import embed_texts

    return pair_features(claims, claim_vectors(claims, embed_texts), lexicon)


def _attribution_test(rules: RuleSet, lexicon: Lexicon, role: str, text: str, figure: str) -> str | None:
    """What the real attribute stage says of the claim ``figure`` of ``text``: its source, or
    for anonymous_sources its kind and for hedges its hedge."""
    from checker.attribute import attribute_claims

    doc, extracted = _analysed(rules, text)
    claims = attribute_claims(doc, extracted, lexicon.attribution)
    attribution = _claim_of(claims, figure, text).attribution
    if role == "anonymous_sources":
        return attribution.kind.value
    return attribution.hedge if role == "hedges" else attribution.source


def _holder_test(rules: RuleSet, text: str, figure: str) -> str | None:
    """The holder the real extract stage gives the claim ``figure`` of ``text``."""
    claims = _extracted(rules, text, estimating_verbs=rules.words("estimating_verbs"))
    return _claim_of(claims, figure, text).holder


def _frame_test(rules: RuleSet, role: str, text: str, figure: str) -> str | None:
    """What the real extract stage reads off the claim ``figure`` of ``text`` with the frame
    words: for degree_only the figure it is a part of, for level_verbs what it counts, for
    negative_subjects its bound."""
    claims = _extracted(rules, text)
    claim = _claim_of(claims, figure, text)
    if role == "degree_only":
        return next((c.text for c in claims if c.id == claim.part_of), None)
    return claim.counted if role == "level_verbs" else claim.bound.value


def _claim_of(claims: list[Claim], figure: str, text: str) -> Claim:
    """The claim written ``figure``; a case naming a figure the stage did not find says so."""
    found = next((c for c in claims if c.text == figure), None)
    if found is None:
        raise ValueError(f"no claim {figure!r} in {text!r}; claims: {[c.text for c in claims]}")
    return found


def _facet_test(rule: FacetRule, given: dict[str, Any]) -> str | None:
    """The words that mark ``rule``'s facet on the figure ``given["figure"]`` of ``given["text"]``."""
    from checker.extract.facets import read_facets

    return read_facets(_figure_claim(given), [rule]).get(rule.facet)


def _beside_test(given: dict[str, Any]) -> list[list[str]]:
    """The words before (in reading order) and after the figure ``given["figure"]`` of
    ``given["text"]`` that still describe it (checker/figure_words.py)."""
    from checker.figure_words import words_beside

    before, after = words_beside(_figure_claim(given), chars=60)
    return [list(reversed(before)), after]


def _figure_claim(given: dict[str, Any]) -> Claim:
    """A claim written ``given["figure"]`` inside the sentence ``given["text"]``."""
    text, figure = given["text"], given["figure"]
    start = text.index(figure)
    return _claim("x", "t.txt", text, 1.0, Bound.exact, kind=given.get("kind", "count"), counted=given.get("counted")).model_copy(
        update={"start": start, "end": start + len(figure), "text": figure}
    )


def _days_test(text: str, published: str) -> list[str | None]:
    """The first and last day of the first time phrase of ``text`` written on ``published``."""
    import datetime as dt

    from checker.extract.timescope import find_time_phrases

    scope = find_time_phrases(text, dt.date.fromisoformat(published))[0].scope
    return [day.isoformat() if day else None for day in (scope.start, scope.end)]


def _prefilter_test(text: str) -> list[int]:
    """The indices of the sentences of ``text`` the extract stage parses."""
    from checker.extract.prepare import sentences_to_parse
    from checker.nlp.document import AnalysedSentence
    from checker.nlp.sentences import split_sentences

    sentences = [AnalysedSentence(index=i, start=s.start, end=s.end, text=text[s.start : s.end]) for i, s in enumerate(split_sentences(text))]
    return sentences_to_parse(sentences)


def _interval_claim(kind: str, low: float, high: float, text: str | None = None) -> Claim:
    """A claim of [low, high]; ``text`` is how it is written (its precision counts), else words."""
    bound = Bound.at_least if high >= UNBOUNDED else Bound.exact
    return _claim("x", "t.txt", text or "a figure", low, bound, kind=kind, high=high)


def _claim(cid: str, article: str, text: str, point: float, bound: Bound, kind: str = "count", high: float | None = None, **frame: Any) -> Claim:
    """A claim as the extract stage would give it: ``high`` given, the interval [point, high];
    else the interval extract reads off the bound and its words ("almost 50" is 45-50)."""
    from checker.extract.numbers.intervals import interval
    from checker.extract.numbers.lexicon import NEAR_BELOW_PREFIXES

    if high is None:
        near_below = any(text.lower().startswith(prefix + " ") for prefix in NEAR_BELOW_PREFIXES)
        value = interval(point, bound, _APPROX_TOLERANCE, near_below)
    else:
        value = Value(low=point, high=high, point=point)
    source = frame.pop("source", None)
    scope = frame.pop("scope", None)
    return Claim(
        id=cid,
        article_id=article,
        start=0,
        end=len(text),
        text=text,
        sentence=text,
        sentence_start=0,
        value=value,
        bound=bound,
        kind=QuantityKind(kind),
        scope=TimeScope(text=scope),
        attribution=Attribution(source=source, source_normalized=source.lower() if source else None),
        **frame,
    )


def _finding_test(rules: RuleSet, lexicon: Lexicon, given: dict[str, Any]) -> list[dict[str, str]]:
    claims = []
    articles: dict[str, Article] = {}  # the cases of compare.updated say which run an article is from
    for i, spec in enumerate(given["claims"]):
        spec = dict(spec)
        counted = spec.pop("counted", None)
        published, earlier, scope_end = spec.pop("published", None), spec.pop("earlier", False), spec.pop("scope_end", None)
        sentence = spec.pop("sentence", None)
        articles.setdefault(spec["article"], Article(id=spec["article"], path=spec["article"], text="",
                                                     published=published, earlier=earlier))
        claims.append(
            _claim(
                f"c{i}",
                spec.pop("article"),
                spec.pop("text"),
                float(spec.pop("point")),
                Bound(spec.pop("bound", "exact")),
                kind=spec.pop("kind", "count"),
                counted=counted,
                counted_head=spec.pop("counted_head", (counted or "").split()[-1].lower() if counted else None),
                **spec,
            )
        )
        if scope_end is not None:
            claims[-1] = claims[-1].model_copy(update={"scope": claims[-1].scope.model_copy(update={"end": scope_end})})
        if sentence is not None:  # the figure inside its sentence, for rules that read the words around it
            at = sentence.index(claims[-1].text)
            claims[-1] = claims[-1].model_copy(update={"sentence": sentence, "start": at, "end": at + len(claims[-1].text)})
    group = ClaimGroup(id="g", label="test", claim_ids=[c.id for c in claims])
    settings = CompareSettings(tolerance=rules.tolerance(), finding_rules=rules.finding_rules())
    published = {a.id: a.published.isoformat() for a in articles.values() if a.published}
    sure, possible = compare_group(group, claims, lexicon, settings, published)
    found = as_updates(sure + possible, {c.id: c for c in claims}, articles, {group.id: group.label},
                       rules.finding_rules(), lexicon)
    return [{"kind": f.kind.value, "severity": f.severity} for f in found]
