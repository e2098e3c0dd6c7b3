"""An article prepared for analysis: cleaned text, sentences, and spaCy parses where needed.

Built once by the extract stage and read by the attribute stage, so each sentence is
parsed at most once per run.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc

from checker.models import Article
from checker.textclean import CleanText


class AnalysedSentence(BaseModel):
    """One sentence: offsets into the cleaned text, and its parse if it was parsed."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    index: int
    start: int
    end: int
    text: str
    doc: Doc | None = None


class AnalysedArticle(BaseModel):
    """An article with its cleaned text, the map back to the original, and its sentences."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    article: Article
    clean: CleanText
    sentences: list[AnalysedSentence]

    @property
    def clean_text(self) -> str:
        return self.clean.text

    def original_offset(self, clean_offset: int) -> int:
        """Map an offset in the cleaned text to the article's original text."""
        return self.clean.to_original(clean_offset)

    def sentence_at(self, clean_offset: int) -> AnalysedSentence | None:
        """The sentence containing ``clean_offset`` (binary search over sorted sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if clean_offset < s.start:
                hi = mid - 1
            elif clean_offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None
