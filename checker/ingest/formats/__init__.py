"""Reading one source file in its format: shared steps here, one module per format."""

from __future__ import annotations

from checker.ingest.decode import DecodeFailure, decode_bytes
from checker.ingest.formats.htmlpage import articles_from_html
from checker.ingest.formats.jsondoc import articles_from_json
from checker.ingest.formats.jsonl import read_jsonl
from checker.ingest.formats.plaintext import article_from_plain_text
from checker.ingest.limits import cap_article_length
from checker.ingest.readfile import ReadFailure, read_bytes
from checker.ingest.types import FileFormat, IngestLimits, IngestResult, SourceFile
from checker.models import InputError, Warning_

_PARSERS = {
    FileFormat.text: article_from_plain_text,
    FileFormat.markdown: article_from_plain_text,
    FileFormat.json: articles_from_json,
    FileFormat.html: articles_from_html,
}


def read_source(source: SourceFile, limits: IngestLimits) -> IngestResult:
    """Articles from one file, with its problems as input errors and warnings."""
    if source.format is FileFormat.jsonl:
        result = read_jsonl(source, limits)  # streamed: a JSONL file may exceed memory
    else:
        result = _read_whole_file(source, limits)
    return apply_length_cap(result, limits)


def _read_whole_file(source: SourceFile, limits: IngestLimits) -> IngestResult:
    data = read_bytes(source.path, limits.max_file_bytes)
    if isinstance(data, ReadFailure):
        return _failed(source, data.reason)
    if not data:
        return _failed(source, "empty file")
    decoded = decode_bytes(data)
    if isinstance(decoded, DecodeFailure):
        return _failed(source, decoded.reason)
    if not decoded.text.strip():
        return _failed(source, "file contains only whitespace")
    result = _PARSERS[source.format](decoded.text, source, limits)
    if decoded.is_fallback:
        result.warnings.insert(0, fallback_warning(source.path, decoded.encoding))
    return result


def fallback_warning(path: str, encoding: str) -> Warning_:
    return Warning_(path=path, message=f"not valid UTF-8; read as {encoding} "
                                       "(check accented letters and currency signs)")


def apply_length_cap(result: IngestResult, limits: IngestLimits) -> IngestResult:
    """Cut over-long articles, adding a warning for each."""
    capped = IngestResult(input_errors=result.input_errors, warnings=result.warnings)
    for article in result.articles:
        article, warning = cap_article_length(article, limits)
        capped.articles.append(article)
        if warning is not None:
            capped.warnings.append(warning)
    return capped


def _failed(source: SourceFile, reason: str) -> IngestResult:
    return IngestResult(input_errors=[InputError(path=source.path, reason=reason)])
