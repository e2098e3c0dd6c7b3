"""Run a check on Ray: a local instance by default, or a cluster given by ``--ray-address``.

* ingest + extraction: the input files are listed on the driver (ids are given there, so
  they are the same as in a local run) and cut into partitions; each partition is read and
  its claims extracted by one task, on whichever node is free;
* story blocking on the driver (the title+lead vectors are embedded by tasks);
* alignment by story block, in tasks (engine/blocks.py), with claim vectors embedded by
  tasks in large batches;
* comparison and the report on the driver.

Every node must have claimcheck installed (``pip install 'claimcheck[ray]'``, the same
version) and be able to read the input paths (a shared filesystem, or the same copy on each
node). The report is byte-identical to a one-process run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from checker.engine import EngineSettings, cached_embed
from checker.engine.blocks import BlockAligner
from checker.engine.partition import deal, split
from checker.engine.worker import prepare_worker
from checker.extract import ExtractSettings
from checker.ingest import IngestLimits
from checker.ingest.types import IngestResult, SourceFile
from checker.lexicon import AttributionWords, Lexicon
from checker.models import Article, Claim, InputError, Report, Warning_
from checker.nlp.embedding_model import EMBEDDING_DIM
from checker.pipeline import PipelineOptions, StageTimer, check_articles, extract_settings_for
from checker.ruleset import RuleSet

# Input partitions per CPU of the cluster: enough to keep every CPU busy to the end.
_PARTITIONS_PER_CPU = 3
_MIN_TEXTS_PER_SHARE = 64


class RayUnavailable(ValueError):
    """Ray is not installed, or the cluster cannot be reached (a usage error: exit code 2)."""


def import_ray():
    """The ``ray`` module, or a clear error naming the extra to install."""
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise RayUnavailable(
            "--engine ray needs Ray: pip install 'claimcheck[ray]' (or pip install 'ray>=2.9')"
        ) from exc
    return ray


def run_on_ray(
    paths: Sequence[str | Path],
    options: PipelineOptions,
    rules: RuleSet,
    settings: EngineSettings,
    precision: str,
    timer: StageTimer,
) -> Report:
    """Check the articles under ``paths`` on Ray (starting a local instance if none is up)."""
    ray = import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        try:
            ray.init(address=settings.ray_address, include_dashboard=False, log_to_driver=False)
        except ConnectionError as exc:
            raise RayUnavailable(f"cannot reach the Ray cluster at {settings.ray_address}: {exc}") from exc
    try:
        cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        tasks = RayTasks(ray, precision)
        lexicon = Lexicon.from_rules(rules)

        timer.start("ingest+extract")
        walked = list_inputs(paths)
        limits = IngestLimits(max_article_chars=options.max_article_chars)
        parts = split(walked.sources, [_file_size(s.path) + 1 for s in walked.sources], cpus * _PARTITIONS_PER_CPU)
        extract_settings = extract_settings_for(rules, lexicon, options)
        outputs = tasks.map(read_and_extract, [(part, limits, extract_settings, lexicon.attribution) for part in parts])
        timer.stop()

        articles: list[Article] = []
        claims_of: dict[str, list[Claim]] = {}
        extract_warnings: list[Warning_] = []
        input_errors, warnings = list(walked.input_errors), list(walked.warnings)
        for ingested, claims, part_warnings in outputs:
            articles.extend(ingested.articles)
            input_errors.extend(ingested.input_errors)
            warnings.extend(ingested.warnings)
            extract_warnings.extend(part_warnings)
            for claim in claims:
                claims_of.setdefault(claim.article_id, []).append(claim)

        def extracted(arts: Sequence[Article], _settings: ExtractSettings, _words: AttributionWords):
            """The claims the tasks already extracted, in the pipeline's article order."""
            return [c for a in arts for c in claims_of.get(a.id, [])], extract_warnings

        with cached_embed(tasks.embed, settings, precision, timer) as embed:
            return check_articles(
                articles, options, rules, embed, input_errors, warnings, timer,
                extractor=extracted, aligner=BlockAligner(tasks.map, cpus),
            )
    finally:
        if started_here:
            ray.shutdown()


class ListedInputs:
    """The files to read (ids already given) and the problems met while listing them."""

    def __init__(self) -> None:
        self.sources: list[SourceFile] = []
        self.input_errors: list[InputError] = []
        self.warnings: list[Warning_] = []


def list_inputs(paths: Sequence[str | Path]) -> ListedInputs:
    """Walk ``paths`` as ``read_inputs`` does, without reading: the same ids, in walk order."""
    from checker.ingest import walk_sources

    listed = ListedInputs()
    for entry in walk_sources(paths):
        if isinstance(entry, InputError):
            listed.input_errors.append(entry)
        elif isinstance(entry, Warning_):
            listed.warnings.append(entry)
        else:
            listed.sources.append(entry)
    return listed


def read_and_extract(
    sources: list[SourceFile], limits: IngestLimits, settings: ExtractSettings, words: AttributionWords
) -> tuple[IngestResult, list[Claim], list[Warning_]]:
    """One partition: read its files, extract and attribute its claims (runs on a worker)."""
    from checker.ingest import _read_guarded  # the same guarded read as read_inputs
    from checker.pipeline import extract_claims

    ingested = IngestResult()
    for source in sources:
        ingested.extend(_read_guarded(source, limits))
    claims, warnings = extract_claims(ingested.articles, settings, words)
    return ingested, claims, warnings


class RayTasks:
    """Runs functions as Ray tasks (one CPU each), results in submission order."""

    def __init__(self, ray, precision: str) -> None:
        self.ray = ray
        self.precision = precision
        self._remote = ray.remote(num_cpus=1)(_run_prepared)

    def map(self, fn: Callable, tasks: list[tuple]) -> list:
        refs = [self._remote.remote(self.precision, fn, *task) for task in tasks]
        return self.ray.get(refs)  # ray.get keeps the order of the refs

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts`` computed by tasks, each distinct text once."""
        from checker.engine.worker import embed_share

        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        distinct = sorted(set(texts), key=lambda t: (len(t), t))
        cpus = max(1, int(self.ray.cluster_resources().get("CPU", 1)))
        parts = min(cpus * 2, max(1, len(distinct) // _MIN_TEXTS_PER_SHARE))
        shares = deal(distinct, parts)  # the same mix of short and long texts in every share
        row_of: dict[str, np.ndarray] = {}
        for share, vectors in zip(shares, self.map(embed_share, [(share,) for share in shares])):
            row_of.update(zip(share, vectors))
        return np.stack([row_of[t] for t in texts])


def _run_prepared(precision: str, fn: Callable, *args):
    """Pin precision and threads in the (reused) Ray worker, then run ``fn``."""
    prepare_worker(precision, torch_threads=1)
    return fn(*args)


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
