"""The Python API: ``checker.check(paths_or_articles, config) -> Report``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from checker.config import Config
from checker.models import Article, Report


def check(paths_or_articles: Iterable[str | Path | Article | dict[str, Any]], config: Config | None = None) -> Report:
    """Check articles and return the run's :class:`~checker.models.Report` (what the JSON serialises).

    Items may be file or folder paths (``str``/``Path``), ready :class:`Article` objects, or
    news-please style dicts (``title``, ``text``, ``date_publish``, ``source_domain``...).
    Paths are read like ``claimcheck check`` reads them; unreadable ones become
    ``report.input_errors``. ``config`` defaults to :class:`Config` defaults (no file lookup).
    """
    from checker.ingest import IngestLimits, articles_from_records, read_inputs
    from checker.pipeline import PipelineOptions, check_articles, load_ruleset

    config = config or Config()
    options = PipelineOptions.from_config(config)
    rules = load_ruleset(options)
    items = list(paths_or_articles)
    paths: Sequence[str | Path] = [i for i in items if isinstance(i, (str, Path))]
    records = [i for i in items if not isinstance(i, (str, Path))]
    limits = IngestLimits(max_article_chars=config.max_article_chars)
    from_files = read_inputs(paths, limits) if paths else None
    from_records = articles_from_records(records, limits) if records else None
    parts = [p for p in (from_files, from_records) if p is not None]
    return check_articles(
        [a for p in parts for a in p.articles],
        options,
        rules,
        input_errors=[e for p in parts for e in p.input_errors],
        warnings=[w for p in parts for w in p.warnings],
    )
