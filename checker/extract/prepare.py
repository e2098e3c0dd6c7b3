"""Clean, split and selectively parse articles so claims can be read off them."""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.language import Language

from checker.extract.furniture import blank_furniture
from checker.extract.numbers.numwords import NUMBER_WORDS
from checker.lexicon import any_word
from checker.models import Article
from checker.nlp.document import AnalysedArticle, AnalysedSentence
from checker.nlp.sentences import split_sentences
from checker.ruleset import bundled_rule
from checker.ruleset.schema import FurnitureRule, ParsePrefilterRule
from checker.textclean import clean_for_analysis

# Which sentences are parsed: the words are rules/numbers/parse_prefilter.yml's, the spelled
# numbers the number reader's own (so the two cannot drift apart).
_PREFILTER: ParsePrefilterRule = bundled_rule("numbers.parse_prefilter")  # type: ignore[assignment]
# A sentence is worth parsing if it may hold a number or a speaker for a neighbour's number.
_HAS_DIGIT_OR_NUMBER_WORD = re.compile(
    r"\d|\b(?:" + any_word((NUMBER_WORDS - set(_PREFILTER.not_alone)) | set(_PREFILTER.count_words)) + r")\b", re.I
)
_HAS_QUOTE_OR_CUE = re.compile(r"[\"“”]|\b(?:" + any_word(_PREFILTER.quote_cues) + r")\b", re.I)
_HAS_QUOTE = re.compile(r"[\"“”]")
# "he said" needs the sentences before it parsed, to find who "he" is.
_PRONOUN_CUE = re.compile(
    rf"\b(?:{any_word(_PREFILTER.pronoun_subjects)})\s+(?:\w+\s+){{0,2}}(?:{any_word(_PREFILTER.pronoun_cues)})\b"
    rf"|\b(?:{any_word(_PREFILTER.inverted_cues)})\s+(?:{any_word(_PREFILTER.inverted_subjects)})\b",
    re.I,
)
_PRONOUN_LOOKBACK = 3


def analyse_articles(
    articles: Sequence[Article], nlp: Language, furniture: Sequence[FurnitureRule] = (), batch_size: int = 256
) -> list[AnalysedArticle]:
    """Clean and split every article (its page furniture blanked), then parse the sentences
    that matter (one spaCy stream)."""
    analysed: list[AnalysedArticle] = []
    to_parse: list[tuple[int, int, str]] = []  # (article index, sentence index, text)
    for a_index, article in enumerate(articles):
        clean = clean_for_analysis(article.text)
        clean = dataclasses.replace(clean, text=blank_furniture(clean.text, furniture))
        spans = split_sentences(clean.text)
        sentences = [
            AnalysedSentence(index=i, start=s.start, end=s.end, text=clean.text[s.start : s.end])
            for i, s in enumerate(spans)
        ]
        wanted = sentences_to_parse(sentences)
        to_parse.extend((a_index, i, sentences[i].text) for i in wanted)
        analysed.append(AnalysedArticle(article=article, clean=clean, sentences=sentences))
    # Speed and scale: all sentences go through one nlp.pipe stream (15% faster than one
    # batch per article). A sentence's parse does not depend on its batch-mates: spaCy's CPU
    # layers work row by row (BLIS gives each row the same sums whatever the batch size), so
    # the report stays byte-identical however articles are split across workers;
    # tests/test_determinism.py::test_parse_does_not_depend_on_the_batch checks it.
    docs = nlp.pipe((text for _, _, text in to_parse), batch_size=batch_size)
    for (a_index, s_index, _), doc in zip(to_parse, docs):
        analysed[a_index].sentences[s_index].doc = doc
    return analysed


def sentences_to_parse(sentences: list[AnalysedSentence]) -> list[int]:
    """Indices of the sentences attribution and extraction read.

    Those with a number; the next one where a quote with a number may have its speaker
    there ("..." he added); and, before a pronoun speaker, those that may name who it is.
    Speed and scale: parsing is a third of a run, and only these sentences are ever read.
    """
    with_numbers = [i for i, s in enumerate(sentences) if _HAS_DIGIT_OR_NUMBER_WORD.search(s.text)]
    wanted = set(with_numbers)
    for i in with_numbers:
        following = i + 1
        if following < len(sentences) and _HAS_QUOTE.search(sentences[i].text) and _HAS_QUOTE_OR_CUE.search(sentences[following].text):
            wanted.add(following)
    for i in sorted(wanted):
        if _PRONOUN_CUE.search(sentences[i].text):
            wanted.update(range(max(0, i - _PRONOUN_LOOKBACK), i))
    return sorted(wanted)
