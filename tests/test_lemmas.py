"""Lemmas made on demand equal those spaCy's lemmatizer component writes on every token."""

from __future__ import annotations

import spacy

from checker.ingest import read_inputs
from checker.nlp.lemmas import lemma
from checker.nlp.spacy_model import SPACY_PACKAGE, load_spacy
from conftest import ECBPLUS, IDLIB


def test_on_demand_lemmas_equal_the_components_on_real_articles():
    articles = read_inputs([IDLIB, ECBPLUS]).articles
    texts = [chunk for a in articles for chunk in a.text.split("\n") if chunk.strip()]
    texts += ["They'd've gone, y'all know.", "He said: \"No.\"", "Troops were killed; 3 are dying."]
    stock = spacy.load(SPACY_PACKAGE)  # the lemmatizer component enabled, as shipped
    assert "lemmatizer" in stock.pipe_names
    ours = load_spacy()
    assert "lemmatizer" not in ours.pipe_names, "lemmas are made on demand, not for every token"
    expected = [[t.lemma_ for t in doc] for doc in stock.pipe(texts)]
    got = [[lemma(t) for t in doc] for doc in ours.pipe(texts)]
    assert sum(len(doc) for doc in expected) > 10_000
    assert got == expected
    assert "kill" in {w for doc in got for w in doc}  # a rule-made lemma, not the word itself
