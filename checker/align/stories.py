"""Block articles into stories before aligning, so claims are compared only within a story.

Alignment is quadratic in the claims it compares; blocking keeps a run linear in the number
of stories and stops figures from unrelated stories being lined up.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from checker.models import Article

Embed = Callable[[list[str]], np.ndarray]


def story_text(article: Article) -> str:
    """Title and lead: what the story is about."""
    lead = article.text[:600]
    return f"{article.title or ''}\n{lead}".strip()


def block_stories(articles: list[Article], embed: Embed, threshold: float = 0.45, max_block: int = 200) -> list[list[int]]:
    """Indices of articles grouped into stories (every article is in exactly one block).

    Average-linkage clustering of title+lead embeddings at cosine distance ``threshold``;
    a batch of up to ``max_block`` articles that all cluster together stays one story.
    """
    n = len(articles)
    if n <= 1:
        return [list(range(n))]
    vectors = embed([story_text(a) for a in articles])
    distance = np.clip(1.0 - vectors @ vectors.T, 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    ).fit_predict(distance)
    blocks: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        blocks.setdefault(int(label), []).append(index)
    ordered = sorted((sorted(b) for b in blocks.values()), key=lambda b: b[0])
    # Oversized blocks are split in order: alignment cost stays bounded.
    return [b[i : i + max_block] for b in ordered for i in range(0, len(b), max_block)]
