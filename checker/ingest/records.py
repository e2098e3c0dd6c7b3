"""Articles from in-memory records, for the Python API (no files involved)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from checker.ingest.formats import apply_length_cap
from checker.ingest.formats.newsplease import BadRecord, article_from_record
from checker.ingest.ids import IdAllocator
from checker.ingest.types import IngestLimits, IngestResult
from checker.models import Article, InputError, Warning_


def articles_from_records(records: Iterable[dict[str, Any] | str | Article],
                          limits: IngestLimits = IngestLimits(),
                          origin: str = "<records>") -> IngestResult:
    """Articles from strings (the text), dicts or ready Articles.

    A dict is read like a news-please record (``title``, ``description``, ``text``,
    ``date_publish`` or ``published``, ``source_domain`` or ``source``, ``url``) and may carry
    an ``id``; records without one are ``record-N`` (1-based). ``origin`` is the ``path`` the
    articles and errors carry. Bad records become input errors, as bad files do.
    """
    result = IngestResult()
    ids = IdAllocator()
    for number, record in enumerate(records, start=1):
        if isinstance(record, Article):
            result.articles.append(record.model_copy(update={"id": ids.claim(record.id)}))
            continue
        if isinstance(record, str):
            record = {"text": record}
        wanted_id = record.get("id") if isinstance(record, dict) else None
        article_id = ids.claim(wanted_id if isinstance(wanted_id, str) and wanted_id else f"record-{number}")
        try:
            article, notes = article_from_record(record, article_id=article_id, path=origin)
        except BadRecord as bad:
            result.input_errors.append(InputError(path=origin, line=number, reason=f"record {number}: {bad}"))
            continue
        result.articles.append(article)
        result.warnings.extend(Warning_(path=origin, message=f"record {number}: {note}") for note in notes)
    return apply_length_cap(result, limits)
