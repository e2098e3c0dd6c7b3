"""Lemmas on demand: only the few tokens extraction and attribution read get lemmatised.

spaCy's lemmatizer component lemmatises every token of every parsed sentence, yet the claim
frames and the speaker search read the lemmas of a handful of tokens per sentence (the
counted noun, candidate event words, speech verbs). The component is loaded but disabled
(spacy_model.py) and :func:`lemma` asks it for one token at a time, with the same rules and
the same result the component would have written.
"""

from __future__ import annotations

from spacy.tokens import Token


def lemma(token: Token) -> str:
    """``token``'s lemma as en_core_web_sm's lemmatizer would set it.

    The component keeps a lemma the attribute ruler already set (it never overwrites), and
    otherwise writes the first of its rule-based candidates; both are reproduced here.
    """
    if token.lemma != 0:
        return token.lemma_
    from checker.nlp.spacy_model import load_spacy

    return load_spacy().get_pipe("lemmatizer").lemmatize(token)[0]
