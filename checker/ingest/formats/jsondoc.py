"""``.json`` files: one news-please object, or a list of them (ids ``file.json#N``)."""

from __future__ import annotations

import json

from checker.ingest.formats.newsplease import BadRecord, article_from_record
from checker.ingest.types import IngestLimits, IngestResult, SourceFile
from checker.models import InputError, Warning_


class JsonFailure(ValueError):
    """Text that is not JSON; ``line`` is where the parser stopped, when known."""

    def __init__(self, reason: str, line: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def parse_json(text: str) -> object:
    """The parsed value; raises JsonFailure with a reason that says where and why."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # "Unterminated string" means no closing quote before the end: also a cut-off text.
        ends_early = exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string")
        hint = " (the text ends early: truncated?)" if ends_early else ""
        raise JsonFailure(f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}",
                          exc.lineno) from None
    except RecursionError:
        raise JsonFailure("JSON nested too deeply to read") from None
    except ValueError as exc:  # e.g. an integer literal with thousands of digits
        raise JsonFailure(f"invalid JSON: {exc}") from None


def articles_from_json(text: str, source: SourceFile, limits: IngestLimits) -> IngestResult:
    result = IngestResult()
    try:
        value = parse_json(text)
    except JsonFailure as failure:
        result.input_errors.append(InputError(path=source.path, line=failure.line, reason=failure.reason))
        return result
    if isinstance(value, list):
        _add_list_items(value, source, limits, result)
        return result
    try:
        article, notes = article_from_record(value, article_id=source.article_id, path=source.path)
    except BadRecord as bad:
        result.input_errors.append(InputError(path=source.path, reason=str(bad)))
        return result
    result.articles.append(article)
    result.warnings.extend(Warning_(path=source.path, message=note) for note in notes)
    return result


def _add_list_items(items: list[object], source: SourceFile, limits: IngestLimits,
                    result: IngestResult) -> None:
    if not items:
        result.input_errors.append(InputError(path=source.path, reason="JSON list is empty: no articles"))
        return
    cap = limits.max_records_per_file
    if len(items) > cap:
        result.warnings.append(Warning_(path=source.path, message=(
            f"{len(items):,} articles in the list; only the first {cap:,} are read "
            "(IngestLimits.max_records_per_file)")))
    for number, item in enumerate(items[:cap], start=1):
        try:
            article, notes = article_from_record(
                item, article_id=f"{source.article_id}#{number}", path=source.path)
        except BadRecord as bad:
            result.input_errors.append(InputError(path=source.path, reason=f"list item {number}: {bad}"))
            continue
        result.articles.append(article)
        result.warnings.extend(Warning_(path=source.path, message=f"list item {number}: {note}") for note in notes)
