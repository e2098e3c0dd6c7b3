"""Clean, split and selectively parse articles so claims can be read off them."""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

from spacy.language import Language

from checker.extract.furniture import blank_furniture
from checker.models import Article
from checker.nlp.document import AnalysedArticle, AnalysedSentence
from checker.nlp.sentences import split_sentences
from checker.ruleset.schema import FurnitureRule
from checker.textclean import clean_for_analysis

# A sentence is worth parsing if it may hold a number or a speaker for a neighbour's number.
_HAS_DIGIT_OR_NUMBER_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|"
    r"half|third|quarter|several|single|couple|last year|this year|"
    r"second|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b",
    re.I,
)
_HAS_QUOTE_OR_CUE = re.compile(r"[\"“”]|\b(?:said|says|told|according)\b", re.I)
_HAS_QUOTE = re.compile(r"[\"“”]")
# "he said" needs the sentences before it parsed, to find who "he" is.
_PRONOUN_CUE = re.compile(
    r"\b(?:he|she|they|it)\s+(?:\w+\s+){0,2}(?:said|says|told|added|claimed|announced|stated)\b"
    r"|\b(?:said|says|added)\s+(?:he|she|they)\b",
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
        wanted = _sentences_to_parse(sentences)
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


def _sentences_to_parse(sentences: list[AnalysedSentence]) -> list[int]:
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
