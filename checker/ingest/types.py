"""Models passed between the ingest modules, and the stage's public result."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field

from checker.models import Article, InputError, Warning_

MiB = 1024 * 1024


class IngestLimits(BaseModel):
    """Bounds that keep one odd input from exhausting memory or flooding the report.

    * ``max_article_chars``: longer articles are cut (at a word boundary) with a warning.
    * ``max_file_bytes``: txt/md/json/html files are read whole, so larger ones are refused
      with an input error. JSONL is streamed line by line; there the limit applies per line.
    * ``max_records_per_file``: JSONL lines / JSON list items read from one file; the rest
      is skipped with a warning.
    * ``max_errors_per_file``: bad JSONL lines listed one by one before the rest are counted
      in a single summary error (a wrongly named binary file must not give 10,000 errors).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_article_chars: int = Field(default=2_000_000, ge=1)
    max_file_bytes: int = Field(default=64 * MiB, ge=1)
    max_records_per_file: int = Field(default=100_000, ge=1)
    max_errors_per_file: int = Field(default=50, ge=1)


class IngestResult(BaseModel):
    """Everything the ingest stage read: articles, inputs it could not read, limits hit."""

    articles: list[Article] = []
    input_errors: list[InputError] = []
    warnings: list[Warning_] = []

    def extend(self, other: IngestResult) -> None:
        """Append ``other``'s items (keeps order: the batch order is the report order)."""
        self.articles.extend(other.articles)
        self.input_errors.extend(other.input_errors)
        self.warnings.extend(other.warnings)


class FileFormat(str, Enum):
    """Input formats, chosen by file extension."""

    text = "text"
    markdown = "markdown"
    json = "json"
    jsonl = "jsonl"
    html = "html"


EXTENSIONS: dict[str, FileFormat] = {
    ".txt": FileFormat.text,
    ".md": FileFormat.markdown,
    ".markdown": FileFormat.markdown,
    ".json": FileFormat.json,
    ".jsonl": FileFormat.jsonl,
    ".ndjson": FileFormat.jsonl,
    ".html": FileFormat.html,
    ".htm": FileFormat.html,
}


class SourceFile(BaseModel):
    """A file found on disk that should hold articles."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(description="path as the user would write it (argument joined with the relative path)")
    article_id: str = Field(description="path relative to the argument, forward slashes")
    format: FileFormat
