"""``.jsonl`` files: one news-please object per line, ids ``file.jsonl#LINE`` (1-based).

Streamed line by line, so a large file never sits in memory whole; a bad line is an input
error naming its line, and the other lines are still read.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import IO, AnyStr, BinaryIO, NamedTuple

from checker.ingest.decode import DecodeFailure, bom_encoding, decode_bytes
from checker.ingest.formats.jsondoc import JsonFailure, parse_json
from checker.ingest.formats.newsplease import BadRecord, article_from_record
from checker.ingest.readfile import describe_os_error
from checker.ingest.types import IngestLimits, IngestResult, SourceFile
from checker.models import InputError, Warning_

_SNIFF_BYTES = 8192


class _Line(NamedTuple):
    number: int
    text: str | None  # None when the line could not be read; ``problem`` says why
    problem: str | None = None
    fallback_encoding: bool = False


def read_jsonl(source: SourceFile, limits: IngestLimits) -> IngestResult:
    result = IngestResult()
    try:
        with open(source.path, "rb") as handle:
            if _looks_binary(handle):
                result.input_errors.append(InputError(path=source.path, reason="binary file (contains NUL bytes), not JSON lines"))
                return result
            _read_records(_lines(handle, limits.max_file_bytes), source, limits, result)
    except OSError as exc:
        result.input_errors.append(InputError(path=source.path, reason=describe_os_error(exc)))
    except UnicodeDecodeError as exc:  # a UTF-16/32 file (byte-order mark) with broken bytes
        result.input_errors.append(InputError(path=source.path, reason=f"not valid {exc.encoding.upper()} text"))
    return result


def _read_records(lines: Iterator[_Line], source: SourceFile, limits: IngestLimits,
                  result: IngestResult) -> None:
    records = bad_lines = 0
    fallback_noted = False
    for line in lines:
        if line.text is not None and not line.text.strip():
            continue  # blank lines between records are harmless
        if records >= limits.max_records_per_file:
            result.warnings.append(Warning_(path=source.path, message=(
                f"more than {limits.max_records_per_file:,} records; lines from {line.number} on "
                "are not read (IngestLimits.max_records_per_file)")))
            break
        records += 1
        if line.fallback_encoding and not fallback_noted:
            fallback_noted = True
            result.warnings.append(Warning_(path=source.path, message=(
                f"line {line.number} (and maybe others) is not valid UTF-8; read as cp1252")))
        problem = line.problem if line.text is None else _add_record(line.text, line.number, source, result)
        if problem is None:
            continue
        bad_lines += 1
        if bad_lines <= limits.max_errors_per_file:
            result.input_errors.append(InputError(path=source.path, line=line.number,
                                                  reason=f"line {line.number}: {problem}"))
    if bad_lines > limits.max_errors_per_file:
        result.input_errors.append(InputError(path=source.path, reason=(
            f"{bad_lines - limits.max_errors_per_file:,} more bad lines not listed "
            "(IngestLimits.max_errors_per_file)")))
    if records == 0:
        result.input_errors.append(InputError(path=source.path, reason="no JSON lines: the file is empty or blank"))


def _add_record(text: str, number: int, source: SourceFile, result: IngestResult) -> str | None:
    """Parse one line into ``result``; returns the reason when the line is bad."""
    try:
        record = parse_json(text.rstrip("\r\n"))
    except JsonFailure as failure:
        # The parser counts lines within the string, which here is always line 1.
        return failure.reason.replace("at line 1, column", "at column")
    try:
        article, notes = article_from_record(record, article_id=f"{source.article_id}#{number}",
                                             path=source.path, line_offset=number - 1)
    except BadRecord as bad:
        return str(bad)
    result.articles.append(article)
    result.warnings.extend(Warning_(path=source.path, message=f"line {number}: {note}") for note in notes)
    return None


def _looks_binary(handle: BinaryIO) -> bool:
    head = handle.read(_SNIFF_BYTES)
    handle.seek(0)
    return bom_encoding(head) is None and b"\x00" in head


def _lines(handle: BinaryIO, max_line_bytes: int) -> Iterator[_Line]:
    """Numbered, decoded lines; over-long or undecodable lines carry a problem instead."""
    wide = bom_encoding(handle.read(4))
    handle.seek(0)
    if wide in ("utf-16", "utf-32"):
        # Wide encodings cannot be split on b"\n"; a text wrapper splits them (on "\n" only,
        # like the byte path). Two bytes per character at least, so half the byte limit.
        text_handle = io.TextIOWrapper(handle, encoding=wide, newline="\n")
        for number, text in enumerate(_bounded_lines(text_handle, max_line_bytes // 2, "\n"), start=1):
            yield _Line(number, None, _too_long(max_line_bytes)) if text is None else _Line(number, text)
        return
    for number, raw in enumerate(_bounded_lines(handle, max_line_bytes, b"\n"), start=1):
        if raw is None:
            yield _Line(number, None, _too_long(max_line_bytes))
            continue
        decoded = decode_bytes(raw)
        if isinstance(decoded, DecodeFailure):
            yield _Line(number, None, decoded.reason.replace("binary file", "binary data", 1))
        else:
            yield _Line(number, decoded.text, fallback_encoding=decoded.is_fallback)


def _bounded_lines(handle: IO[AnyStr], limit: int, newline: AnyStr) -> Iterator[AnyStr | None]:
    """Lines of at most ``limit`` units; a longer line is skipped to its end and yields None."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(newline):
            while line and not line.endswith(newline):  # skip the rest of the over-long line
                line = handle.readline(limit + 1)
            yield None
            continue
        yield line


def _too_long(limit: int) -> str:
    return f"line longer than {limit:,} bytes (IngestLimits.max_file_bytes); skipped"
