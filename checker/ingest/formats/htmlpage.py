"""Saved web pages (``.html``/``.htm``): main text and metadata via trafilatura."""

from __future__ import annotations

import logging

import trafilatura

from checker.dates import parse_loose_date
from checker.ingest.formats.newsplease import compose_text
from checker.ingest.types import IngestLimits, IngestResult, SourceFile
from checker.models import Article, InputError

# Only the page's own publication date: htmldate's "extensive search" guesses from any date
# in the text, and a wrong date would shift every claim's time scope.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}


def articles_from_html(text: str, source: SourceFile, limits: IngestLimits) -> IngestResult:
    del limits  # length is capped by the caller
    result = IngestResult()
    try:
        # trafilatura logs "empty HTML tree" and the like at ERROR; the input error we add
        # says it better, so keep its logger quiet while it runs.
        with _quiet("trafilatura"), _quiet("htmldate"):
            document = trafilatura.bare_extraction(
                text, with_metadata=True, include_comments=False, include_tables=True,
                date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # noqa: BLE001 - a third-party parser on arbitrary input
        result.input_errors.append(InputError(path=source.path, reason=f"could not parse HTML: {exc}"))
        return result
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        result.input_errors.append(InputError(path=source.path, reason="no article text found in the HTML page"))
        return result
    title = document.title or None
    result.articles.append(Article(
        id=source.article_id,
        path=source.path,
        title=title,
        published=parse_loose_date(document.date) if isinstance(document.date, str) else None,
        source=document.sitename or document.hostname or None,
        url=document.url or None,
        text=compose_text(title, None, body),  # headlines carry claims too
        text_in_file=False,
    ))
    return result


class _quiet:
    """Raise a logger's level for the duration of a block."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.level = self.logger.level

    def __enter__(self) -> None:
        self.logger.setLevel(logging.CRITICAL)

    def __exit__(self, *exc_info: object) -> None:
        self.logger.setLevel(self.level)
