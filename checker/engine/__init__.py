"""How a check runs: in this process, on local worker processes, or on a Ray cluster.

Every engine gives the same, byte-identical report; they differ only in where the work
happens. ``run_with_engine`` is what ``claimcheck check`` calls.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal, Sequence

from pydantic import BaseModel, ConfigDict

from checker.models import Report
from checker.nlp.embedding_batches import PRECISION_ENV, embedding_precision
from checker.pipeline import Embed, PipelineOptions, StageTimer, check_articles, run_check
from checker.ruleset import RuleSet


class EngineSettings(BaseModel):
    """Where the work runs and whether embeddings are cached on disk."""

    model_config = ConfigDict(frozen=True)

    engine: Literal["local", "ray"] = "local"
    workers: int | None = None  # local: worker processes; None = one per core (1 = in this process)
    ray_address: str | None = None  # ray: a cluster's address; None = start a local instance
    use_cache: bool = True
    cache_dir: Path | None = None  # None = $CLAIMCHECK_CACHE_DIR, $XDG_CACHE_HOME/claimcheck or ~/.cache/claimcheck


def run_with_engine(
    paths: Sequence[str | Path],
    options: PipelineOptions,
    rules: RuleSet,
    settings: EngineSettings = EngineSettings(),
    timer: StageTimer | None = None,
) -> Report:
    """Check the articles under ``paths`` with the chosen engine."""
    timer = timer or StageTimer()
    # Resolved once here and handed to every worker: all vectors of a run share a precision.
    precision = embedding_precision()
    os.environ[PRECISION_ENV] = precision
    if settings.engine == "ray":
        from checker.engine.ray_engine import run_on_ray

        return run_on_ray(paths, options, rules, settings, precision, timer)
    return _run_local(paths, options, rules, settings, precision, timer)


def _run_local(paths, options, rules, settings: EngineSettings, precision: str, timer: StageTimer) -> Report:
    from checker.engine.local import LocalPool, default_workers
    from checker.ingest import IngestLimits, read_inputs
    from checker.nlp.embedding_model import embed_texts

    timer.start("ingest")
    ingested = read_inputs(paths, IngestLimits(max_article_chars=options.max_article_chars))
    timer.stop()
    workers = settings.workers or default_workers(len(ingested.articles))

    def check(embed: Embed, extractor=None, aligner=None) -> Report:
        with cached_embed(embed, settings, precision, timer) as embed_with_cache:
            return check_articles(
                ingested.articles, options, rules, embed_with_cache,
                ingested.input_errors, ingested.warnings, timer, extractor=extractor, aligner=aligner,
            )

    if workers <= 1:
        from checker.engine.worker import prepare_worker

        prepare_worker(precision, torch_threads=1)  # see prepare_worker: threads lose to processes here
        return check(embed_texts)
    with LocalPool(workers, precision) as pool:
        return check(pool.embed, pool.extract, pool.aligner())


@contextmanager
def cached_embed(
    embed: Embed, settings: EngineSettings, precision: str, timer: StageTimer | None = None
) -> Iterator[Embed]:
    """``embed`` behind the disk cache (unless switched off), timed into ``timer["embed"]``;
    the cache's files are all written when the ``with`` block ends."""
    cached = None
    if settings.use_cache:
        from checker.nlp.embedding_cache import CachedEmbed, EmbeddingCache, cache_namespace, default_cache_dir
        from checker.nlp.embedding_model import MODEL_ID

        root = settings.cache_dir or default_cache_dir()
        embed = cached = CachedEmbed(embed, EmbeddingCache(root, cache_namespace(MODEL_ID, precision)))
    try:
        yield _timed(embed, timer) if timer is not None else embed
    finally:
        if cached is not None:
            cached.flush()


def _timed(embed: Embed, timer: StageTimer) -> Embed:
    """Adds embedding seconds to ``timer.seconds["embed"]`` (a part of the align stage)."""

    def timed(texts: list[str]):
        started = time.perf_counter()
        try:
            return embed(texts)
        finally:
            timer.seconds["embed"] = timer.seconds.get("embed", 0.0) + time.perf_counter() - started

    return timed
