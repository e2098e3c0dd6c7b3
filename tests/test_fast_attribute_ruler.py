"""The faster attribute-ruler matcher annotates every token exactly as spaCy's own does."""

from __future__ import annotations

import spacy

from checker.ingest import read_inputs
from checker.nlp.fast_attribute_ruler import speed_up_attribute_ruler
from checker.nlp.spacy_model import SPACY_PACKAGE, load_spacy
from conftest import ECBPLUS, IDLIB


def _annotations(nlp, texts):
    return [[(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in nlp.pipe(texts)]


def test_fast_matcher_gives_spacys_annotations_on_real_articles():
    articles = read_inputs([IDLIB, ECBPLUS]).articles
    # Sentences-sized pieces, plus the contractions and "gonna" the multi-token patterns handle.
    texts = [chunk for a in articles for chunk in a.text.split("\n") if chunk.strip()]
    texts += ["I ain't gonna say it wasn't there.", "They'd've gone, y'all know.", "   ", "He said: \"No.\""]
    stock = spacy.load(SPACY_PACKAGE)
    fast = spacy.load(SPACY_PACKAGE)
    speed_up_attribute_ruler(fast)
    expected = _annotations(stock, texts)
    assert sum(len(doc) for doc in expected) > 10_000
    assert _annotations(fast, texts) == expected


def test_the_pipeline_loads_with_the_fast_matcher():
    from checker.nlp.fast_attribute_ruler import _FastMatch

    ruler = load_spacy().get_pipe("attribute_ruler")
    assert isinstance(ruler.match.__func__, _FastMatch)
