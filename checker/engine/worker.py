"""What a worker process runs, for the local process pool and for Ray tasks alike.

Models load once per worker process (``lru_cache`` in checker.nlp) and stay loaded for
the next share of work.
"""

from __future__ import annotations

import os
from typing import Sequence

import numpy as np

from checker.extract import ExtractSettings
from checker.lexicon import AttributionWords
from checker.models import Article, Claim, Warning_
from checker.nlp.embedding_batches import PRECISION_ENV


def prepare_worker(precision: str, torch_threads: int = 1) -> None:
    """Pin the embedding precision and torch's thread count in a fresh worker.

    One torch thread per process: the processes already use every core, and OpenMP
    threads spinning against each other on a busy machine cost more than they give
    (measured: 2 threads ran 1.5x slower than 1 on this 2-core box under load).
    """
    os.environ[PRECISION_ENV] = precision
    import torch

    torch.set_num_threads(torch_threads)


def extract_share(
    articles: Sequence[Article], settings: ExtractSettings, words: AttributionWords
) -> tuple[list[Claim], list[Warning_]]:
    """Claims and warnings of a share of the articles (in their order)."""
    from checker.pipeline import extract_claims

    return extract_claims(articles, settings, words)


def embed_share(texts: list[str]) -> np.ndarray:
    """Embeddings of a share of the texts (batch-independent: any split gives the same rows)."""
    from checker.nlp.embedding_model import embed_texts

    return embed_texts(texts)
