"""Plain-text and Markdown articles, with an optional `` date YYYY-MM-DD`` first line."""

from __future__ import annotations

import datetime as dt
import re

from checker.ingest.types import FileFormat, IngestLimits, IngestResult, SourceFile
from checker.models import Article, InputError, Warning_

# ` date 2020-02-15` (the corpora's form, leading space) or `date: 2020-02-15`. In the bundled
# corpora the article often goes on on the same line after the date, so only the date token
# and the blanks after it are metadata, not the whole line.
_DATE_LINE = re.compile(r"[ \t]*date(?:[ \t]*:[ \t]*|[ \t]+)(\d{4})-(\d{2})-(\d{2})(?![^\s])[ \t]*",
                        re.IGNORECASE)
_MARKDOWN_TITLE = re.compile(r"#[ \t]+(.+?)[ \t#]*$")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` to ``\\n``, as Python's universal newlines do when the report
    stage re-reads the file for line numbers (checker/locations.py): offsets then agree."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_plain_text(text: str, source: SourceFile, limits: IngestLimits) -> IngestResult:
    """One article: the file's text minus the date prefix, verbatim otherwise."""
    del limits  # length is capped by the caller
    text = normalise_newlines(text)
    result = IngestResult()
    published: dt.date | None = None
    start, line_offset = 0, 0
    match = _DATE_LINE.match(text)
    if match:
        published = _parse_date(match, source, result)
        start = match.end()
        if text.startswith("\n", start):  # the date line holds nothing else
            start, line_offset = start + 1, 1
    body = text[start:]
    if not body.strip():
        result.input_errors.append(InputError(path=source.path, line=1, reason="no article text after the date line"))
        return result
    result.articles.append(Article(
        id=source.article_id,
        path=source.path,
        title=_markdown_title(body) if source.format is FileFormat.markdown else None,
        published=published,
        text=body,
        line_offset=line_offset,
        text_in_file=True,
    ))
    return result


def _parse_date(match: re.Match[str], source: SourceFile, result: IngestResult) -> dt.date | None:
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        written = "-".join(match.groups())
        result.warnings.append(Warning_(path=source.path, message=f"date line has an impossible date {written}; ignored"))
        return None


def _markdown_title(body: str) -> str | None:
    """The heading text when the article starts with a level-1 Markdown heading."""
    first_line = body.lstrip("\n").split("\n", 1)[0]
    match = _MARKDOWN_TITLE.match(first_line)
    return match.group(1) if match else None
