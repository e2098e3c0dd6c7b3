"""Lexicons built from the rule files: synonyms, broader/narrower terms and source aliases.

A plain data model handed to the stages that need word knowledge (align and compare),
so neither of them reads rule files itself.
"""

from __future__ import annotations

import re
from typing import Iterable, Literal

from pydantic import BaseModel, ConfigDict

from checker.pronouns import Pronouns
from checker.source_names import source_key
from checker.ruleset import RuleSet

Relation = Literal["same", "broader", "narrower", "unrelated", "unknown"]

class HolderWords(BaseModel):
    """The words the aligner reads whose figure a name before it holds (align/holders.py)."""

    model_config = ConfigDict(frozen=True)

    # capitalised words that start a clause without naming anyone (rules/lexicons/holder_not_names.yml)
    not_names: frozenset[str] = frozenset()
    # a day or a period before 's, not a holder: "Sunday's 7.6 quake" (rules/lexicons/holder_periods.yml)
    periods: frozenset[str] = frozenset()
    # company suffixes a name may carry or drop: "Hewlett-Packard Co." (rules/lexicons/company_suffixes.yml)
    suffixes: frozenset[str] = frozenset()
    # what a market share counts: "IBM's 10 percent share" (rules/lexicons/market_share_heads.yml)
    share_heads: frozenset[str] = frozenset()
    # verbs after a name that make it the holder: "IBM had 7.2 %" (rules/lexicons/holder_verbs.yml)
    hold_verbs: frozenset[str] = frozenset()
    # verbs after a name that make an offer its: "the Angels have made an offer" (rules/lexicons/holder_offer_verbs.yml)
    offer_verbs: frozenset[str] = frozenset()


class AttributionWords(BaseModel):
    """The words the attribute stage reads who a figure is from by (checker/attribute). No
    field has a default: a stage run without them would find no source and say nothing."""

    model_config = ConfigDict(frozen=True)

    # source name -> canonical name (rules/sources)
    aliases: dict[str, str]
    # verbs that attribute what they govern: say, tell, estimate (rules/lexicons/cue_verbs.yml)
    cue_verbs: frozenset[str]
    # nouns for someone who can report a figure: police, spokesman (rules/lexicons/speaking_nouns.yml)
    speaking_nouns: frozenset[str]
    # words that name no one in particular: an official, witnesses (rules/lexicons/anonymous_sources.yml)
    anonymous_heads: frozenset[str]
    # words that hedge a claim: reportedly, allegedly (rules/lexicons/hedges.yml)
    hedges: frozenset[str]
    # who "he", "it", "they" can stand for (rules/lexicons/pronouns.yml)
    pronouns: Pronouns


class Lexicon(BaseModel):
    """Canonical forms of words and the relations between them."""

    model_config = ConfigDict(frozen=True)

    predicate_canonical: dict[str, str] = {}
    counted_canonical: dict[str, str] = {}
    predicate_broader: dict[str, frozenset[str]] = {}
    counted_broader: dict[str, frozenset[str]] = {}
    source_parents: dict[str, str] = {}
    # facet -> what a figure marked with it means for pairing (rules/facets/*.yml `apart`)
    facet_apart: dict[str, str] = {}
    # facet -> the facets a figure so marked is never one quantity with (depth -> offset)
    facet_excludes: dict[str, tuple[str, ...]] = {}
    # words that name anybody, so two ages given for them may be two people (rules/lexicons/anybody.yml)
    anybody: frozenset[str] = frozenset()
    # verbs that report a share price or its move over one session (rules/lexicons/market_moves.yml)
    market_moves: frozenset[str] = frozenset()
    holder_words: HolderWords = HolderWords()
    # heads that say little about what is counted ("two others", "300,000 people"; rules/lexicons/generic_heads.yml)
    generic_heads: frozenset[str] = frozenset()
    # The words below have no default: a lexicon built without them would quietly link or
    # part other pairs. Titles and suffixes that are no part of whose name it is: "Mr.", "Jr."
    # (rules/lexicons/name_titles.yml)
    name_titles: frozenset[str]
    # sites a strike hits one at a time: "a school" / "schools" (rules/lexicons/site_nouns.yml)
    site_nouns: frozenset[str]
    # units a figure is often written without: "a 7.6 quake" (rules/lexicons/units_left_out.yml)
    units_left_out: frozenset[str]
    # words that report a side's account: "said", "according to" (rules/lexicons/reporting_words.yml)
    reporting_words: frozenset[str]
    # words that make a figure an addition to one before: "another two" (rules/lexicons/addition_words.yml)
    addition_words: frozenset[str]
    # events that, named beside a count, say what befell the counted: "12 arrested" is never
    # "12 injured" (rules/lexicons/outcome_events.yml)
    outcome_events: frozenset[str]
    # the outcome events a casualty toll counts: the dead, the wounded (rules/lexicons/toll_events.yml)
    toll_events: frozenset[str]
    # what the attribute stage reads sources by, the source aliases among them
    attribution: AttributionWords
    # (rule id, check) of the enabled rules of rules/align/ (align/pair_rules.py)
    pair_checks: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_rules(cls, rules: RuleSet) -> "Lexicon":
        return cls(
            predicate_canonical=_canonical_map(rules, "predicate"),
            counted_canonical=_canonical_map(rules, "counted"),
            predicate_broader=_broader_map(rules, "predicate"),
            counted_broader=_broader_map(rules, "counted"),
            attribution=AttributionWords(
                aliases=_alias_map(rules), cue_verbs=rules.words("cue_verbs"), speaking_nouns=rules.words("speaking_nouns"),
                anonymous_heads=rules.words("anonymous_sources"), hedges=rules.words("hedges"),
                pronouns=Pronouns.from_rules(rules),
            ),
            source_parents={k: v for r in rules.source_aliases() for k, v in r.parents.items()},
            facet_apart=_facet_verdicts(rules),
            facet_excludes=_facet_exclusions(rules),
            anybody=rules.words("anybody"),
            market_moves=rules.words("market_moves"),
            generic_heads=rules.words("generic_heads"),
            name_titles=rules.words("name_titles"),
            site_nouns=rules.words("site_nouns"),
            units_left_out=rules.words("units_left_out"),
            reporting_words=rules.words("reporting_words"),
            addition_words=rules.words("addition_words"),
            outcome_events=rules.words("outcome_events"),
            toll_events=rules.words("toll_events"),
            holder_words=HolderWords(
                not_names=rules.words("holder_not_names"), periods=rules.words("holder_periods"),
                suffixes=rules.words("company_suffixes"), share_heads=rules.words("market_share_heads"),
                hold_verbs=rules.words("holder_verbs"), offer_verbs=rules.words("holder_offer_verbs"),
            ),
            pair_checks=rules.pair_checks(),
        )

    @property
    def source_aliases(self) -> dict[str, str]:
        """Source name -> canonical name (rules/sources), as the attribute stage reads them."""
        return self.attribution.aliases

    @property
    def event_words(self) -> frozenset[str]:
        """Every word that names an event (for the frame extractor)."""
        words = set(self.predicate_canonical)
        for broader, narrower in self.predicate_broader.items():
            words.add(broader)
            words.update(narrower)
        return frozenset(words)

    def is_generic_head(self, head: str | None) -> bool:
        """The counted head says little about what is counted ("people", "others")."""
        return bool(head) and head.lower() in self.generic_heads

    def canonical_predicate(self, word: str | None) -> str | None:
        if not word:
            return None
        return self.predicate_canonical.get(word.lower(), word.lower())

    def written_predicate(self, word: str | None) -> str | None:
        """A predicate as a reader writes it: the first participle of its synonym set
        ("kill" -> "killed"), else the word itself."""
        canonical = self.canonical_predicate(word)
        if canonical is None:
            return None
        forms = [w for w, c in self.predicate_canonical.items() if c == canonical and w.endswith("ed") and " " not in w]
        return forms[0] if forms else canonical

    def canonical_counted(self, word: str | None) -> str | None:
        if not word:
            return None
        w = word.lower()
        return self.counted_canonical.get(w, self.counted_canonical.get(w.rstrip("s"), w))

    def counted_known(self, word: str | None) -> bool:
        """True when the counted lexicon knows the word, so a mismatch is a real difference."""
        if not word:
            return False
        w = word.lower()
        return w in self.counted_canonical or w.rstrip("s") in self.counted_canonical

    def known_predicates(self) -> frozenset[str]:
        """Canonical event measures the lexicon knows (killed, displaced, neutralized, ...)."""
        return frozenset(self.predicate_canonical.values()) | frozenset(self.predicate_broader)

    def predicate_relation(self, a: str | None, b: str | None) -> Relation:
        return _relation(self.canonical_predicate(a), self.canonical_predicate(b), self.predicate_broader, self.canonical_predicate)

    def counted_relation(self, a: str | None, b: str | None) -> Relation:
        return _relation(self.canonical_counted(a), self.canonical_counted(b), self.counted_broader, self.canonical_counted)

    def source_family(self, normalized: str | None) -> str | None:
        """The top body a source belongs to (OCHA -> UN)."""
        if normalized is None:
            return None
        seen = set()
        while normalized in self.source_parents and normalized not in seen:
            seen.add(normalized)
            normalized = self.source_parents[normalized]
        return normalized


def any_word(words: Iterable[str]) -> str:
    """``words`` as one regular-expression alternation, escaped and longest first (a phrase
    before a word it starts with); with no words, one that never matches."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) or r"(?!)"


def _relation(a, b, broader: dict[str, frozenset[str]], canon) -> Relation:
    if a is None or b is None:
        return "unknown"
    if a == b:
        return "same"
    if b in {canon(x) for x in broader.get(a, ())}:
        return "broader"
    if a in {canon(x) for x in broader.get(b, ())}:
        return "narrower"
    return "unrelated"


def _canonical_map(rules: RuleSet, applies_to: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for rule in rules.synonyms(applies_to):
        for words in rule.sets:
            canonical = words[0].lower()
            for word in words:
                mapping.setdefault(word.lower(), canonical)
    return mapping


def _broader_map(rules: RuleSet, applies_to: str) -> dict[str, frozenset[str]]:
    mapping: dict[str, set[str]] = {}
    for rule in rules.hierarchies(applies_to):
        for broader, narrower in rule.broader.items():
            mapping.setdefault(broader.lower(), set()).update(n.lower() for n in narrower)
    return {k: frozenset(v) for k, v in mapping.items()}


def _facet_verdicts(rules: RuleSet) -> dict[str, str]:
    """The first rule of each facet (in id order) says what it means for pairing."""
    verdicts: dict[str, str] = {}
    for rule in rules.facets():
        verdicts.setdefault(rule.facet, rule.apart)
    return verdicts


def _facet_exclusions(rules: RuleSet) -> dict[str, tuple[str, ...]]:
    """Each facet's excluded facets, from every rule of that facet."""
    found: dict[str, set[str]] = {}
    for rule in rules.facets():
        found.setdefault(rule.facet, set()).update(rule.excludes)
    return {facet: tuple(sorted(others)) for facet, others in sorted(found.items()) if others}


def _alias_map(rules: RuleSet) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for rule in rules.source_aliases():
        for canonical, aliases in rule.aliases.items():
            mapping[source_key(canonical)] = canonical
            for alias in aliases:
                mapping.setdefault(source_key(alias), canonical)
    return mapping
