"""Capping article length (IngestLimits.max_article_chars)."""

from __future__ import annotations

from checker.ingest.types import IngestLimits
from checker.models import Article, Warning_

# How far back from the limit to look for whitespace to cut at: cutting inside "1,000,000"
# would leave a wrong number ("1,00") for the extractor to find.
_BOUNDARY_WINDOW = 1_000


def cap_article_length(article: Article, limits: IngestLimits) -> tuple[Article, Warning_ | None]:
    """The article, cut to the limit at a word boundary if it is longer, and a warning if so."""
    limit = limits.max_article_chars
    length = len(article.text)
    if length <= limit:
        return article, None
    window_start = max(0, limit - _BOUNDARY_WINDOW)
    cut = limit
    for i in range(limit, window_start, -1):
        if article.text[i - 1].isspace() or article.text[i].isspace():
            cut = i
            break
    capped = article.model_copy(update={"text": article.text[:cut]})
    where = f"article {article.id}" if "#" in article.id else "article"
    warning = Warning_(
        path=article.path,
        message=(f"{where} is {length:,} characters long; only the first {cut:,} are checked "
                 f"(IngestLimits.max_article_chars = {limit:,})"),
    )
    return capped, warning
