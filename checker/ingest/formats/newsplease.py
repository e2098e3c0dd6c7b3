"""One news-please record (a dict) to an Article.

news-please writes ``title``, ``description``, ``text`` (``maintext`` in newer versions),
``date_publish`` ("2020-02-04 10:00:00", free-form wording, or null), ``source_domain`` and
``url``; other fields are ignored. Claims occur in headlines too, so the article text is
title, description and body joined by blank lines (each skipped when empty or already the
start of what follows). Some scrapes keep only the headline (``"text": ""``, as in parts of
ECB+); such a record is still an article, made of its title and description.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from checker.dates import parse_loose_date
from checker.models import Article

_SURROGATE = re.compile("[\ud800-\udfff]")
BODY_FIELDS = ("text", "maintext")
TITLE_FIELDS = ("title", "title_page", "title_rss")


class BadRecord(ValueError):
    """A record that cannot become an article; the message is the human reason."""


def article_from_record(record: object, *, article_id: str, path: str,
                        line_offset: int = 0) -> tuple[Article, list[str]]:
    """The article for ``record`` and warnings about it; raises BadRecord with a reason."""
    if not isinstance(record, Mapping):
        raise BadRecord(f"expected an article object, found {_json_type(record)}")
    if not any(field in record for field in BODY_FIELDS):
        raise BadRecord("no 'text' field: expected a news-please article with 'title' and 'text'")
    body = _first_text(record, BODY_FIELDS)
    title = _first_text(record, TITLE_FIELDS)
    description = _first_text(record, ("description",))
    if body is None and title is None and description is None:
        raise BadRecord("no article text: 'text', 'title' and 'description' are all empty")
    warnings: list[str] = []
    published = _published(record, warnings)
    article = Article(
        id=article_id,
        path=path,
        title=title.strip() if title else None,
        published=published,
        source=_first_text(record, ("source_domain", "source")),
        url=_first_text(record, ("url",)),
        text=compose_text(title, description, body or ""),
        line_offset=line_offset,
        text_in_file=False,
    )
    return article, warnings


def compose_text(title: str | None, description: str | None, body: str) -> str:
    """Title, description and body joined by blank lines, without repeating a part the body
    (or the title) already starts with, so one sentence is never counted twice."""
    parts: list[str] = []
    body_head = body.lstrip()
    for part in (title, description):
        part = (part or "").strip()
        if part and not body_head.startswith(part) and part not in parts:
            parts.append(part)
    if body.strip():
        parts.append(body)
    return "\n\n".join(parts)


def _first_text(record: Mapping[str, Any], fields: tuple[str, ...]) -> str | None:
    """The first field that holds a non-blank string, with lone surrogates (which JSON escapes
    like "\\ud800" produce and no encoder accepts) replaced by U+FFFD."""
    for field in fields:
        value = record.get(field)
        if isinstance(value, str) and value.strip():
            return _SURROGATE.sub("\ufffd", value)
    return None


def _published(record: Mapping[str, Any], warnings: list[str]) -> dt.date | None:
    value = record.get("date_publish", record.get("published"))
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        date = parse_loose_date(value[:200])  # a date is written early; bound the search
        if date is not None:
            return date
    warnings.append(f"unreadable publication date {_SURROGATE.sub('?', str(value))[:40]!r}; ignored")
    return None


def _json_type(value: object) -> str:
    names = {list: "a list", str: "a string", bool: "true/false", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
