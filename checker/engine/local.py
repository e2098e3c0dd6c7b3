"""Run the heavy steps on a pool of local worker processes (one per core by default).

Extraction is split by articles and embedding by distinct texts; each worker loads the
models once. The report is byte-identical to a one-process run: an article's claims depend
on that article alone (it is parsed in its own spaCy batch) and a text's vector on that
text alone (embedding_batches.py), and results are put back together in input order.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from typing import Callable, Sequence

import numpy as np

from checker.engine.blocks import BlockAligner
from checker.engine.partition import deal, split
from checker.engine.worker import embed_share, extract_share, prepare_worker
from checker.extract import ExtractSettings
from checker.lexicon import AttributionWords
from checker.models import Article, Claim, Warning_
from checker.nlp.embedding_model import EMBEDDING_DIM

# Below this many articles a pool costs more (a second copy of the models) than it gives.
MIN_ARTICLES_FOR_POOL = 20
# Shares per worker: a little slack so one long share does not leave a core idle.
_SHARES_PER_WORKER = 8
# Fewer distinct texts than this are embedded as one share.
_MIN_TEXTS_PER_SHARE = 64


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_workers(article_count: int) -> int:
    """One worker per core, or none (in-process) for a small batch."""
    return 1 if article_count < MIN_ARTICLES_FOR_POOL else available_cores()


class LocalPool:
    """A process pool offering the pipeline's ``extractor`` and ``embed`` steps."""

    def __init__(self, workers: int, precision: str) -> None:
        self.workers = max(1, workers)
        self.precision = precision
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalPool:
        self._executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=_start_context(),
            initializer=prepare_worker,
            initargs=(self.precision, 1),
        )
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    @property
    def executor(self) -> ProcessPoolExecutor:
        if self._executor is None:
            raise RuntimeError("LocalPool used outside its `with` block")
        return self._executor

    def extract(
        self, articles: Sequence[Article], settings: ExtractSettings, words: AttributionWords
    ) -> tuple[list[Claim], list[Warning_]]:
        """Claims of all ``articles`` in order, extracted on the workers."""
        shares = split(list(articles), [len(a.text) for a in articles], self.workers * _SHARES_PER_WORKER)
        claims: list[Claim] = []
        warnings: list[Warning_] = []
        for share_claims, share_warnings in self.executor.map(extract_share, shares, repeat(settings), repeat(words)):
            claims.extend(share_claims)
            warnings.extend(share_warnings)
        return claims, warnings

    def map_tasks(self, fn: Callable, tasks: list[tuple]) -> list:
        """``fn(*task)`` for every task, on the workers, results in task order."""
        return list(self.executor.map(fn, *zip(*tasks))) if tasks else []

    def aligner(self) -> BlockAligner:
        """The align step, story block by story block on the workers."""
        return BlockAligner(self.map_tasks, self.workers)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts``, each distinct text embedded once, on the workers."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        distinct = sorted(set(texts), key=lambda t: (len(t), t))
        # One share per worker: every share ends each length bucket with a part-filled chunk
        # (embedding_batches), so more shares pad more (claim texts of 1,000 ECB+ articles with
        # 512-token chunks: 1 share +2.4% tokens, 2 shares +3.8%, 4 shares +6.9%).
        parts = min(self.workers, max(1, len(distinct) // _MIN_TEXTS_PER_SHARE))
        # Dealt in turn from the length-sorted list, so every share holds the same mix of short
        # and long texts: a long text costs more per token (attention, fewer rows per chunk),
        # which a cut into contiguous slices of equal estimated tokens left to one worker
        # (1.2 s of 10 idle on the other, 1,000 ECB+ articles).
        shares = deal(distinct, parts)
        row_of: dict[str, np.ndarray] = {}
        for share, vectors in zip(shares, self.executor.map(embed_share, shares)):
            row_of.update(zip(share, vectors))
        return np.stack([row_of[t] for t in texts])


def _start_context() -> multiprocessing.context.BaseContext:
    """``fork`` when safe (workers start at once, sharing the imported modules), else ``forkserver``.

    A fork is unsafe once this process has run torch's OpenMP threads: a child that starts
    threads again can hang. Here that means the embedding model was used in this process.
    """
    from checker.nlp.embedding_model import load_embedder

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and load_embedder.cache_info().currsize == 0:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
