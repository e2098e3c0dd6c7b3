"""Alignment one story block at a time, on workers, with all vectors embedded in big batches.

Claims are only ever compared inside a story block, so blocks can be aligned anywhere, in
any order: each block is handed to ``align_claims`` alone (as one story) and the groups are
merged. The embeddings stay in a few large batches rather than one small batch per block
(small batches waste most of their rows, see embedding_batches.py). The claim texts the
aligner embeds (``claim_texts``) are embedded ahead, in one batch with the story texts, so
the workers never wait between the two. Should the aligner ask for texts not embedded yet,
a block run against the vector table stops at that ``embed`` call and reports them; those
of every block are embedded together, and the blocks are run again (one more round per
such call), so the result never depends on the prefetch.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from checker.align import AlignSettings, align_claims, claim_texts
from checker.align.stories import ONE_STORY, block_stories, story_texts
from checker.engine.partition import split
from checker.lexicon import Lexicon
from checker.models import Article, Claim, ClaimGroup

Embed = Callable[[list[str]], np.ndarray]
# One block: its articles and their claims.
Block = tuple[list[Article], list[Claim]]
# Runs ``align_block_batch`` over a list of argument tuples, on workers, in order.
MapTasks = Callable[[Callable, list[tuple]], list]

_MAX_ROUNDS = 8  # an aligner embedding more often than this is run with its vectors missing no more
# Blocks differ a lot in cost (quadratic in their claims): 8 tasks per worker leave a shorter
# tail than 4 (the last task of 1,000 ECB+ articles' alignment ran 0.7 s alone).
_TASKS_PER_WORKER = 8


class MissingVectors(Exception):
    """Raised by a :class:`VectorTable` asked for texts it does not hold."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__(f"{len(texts)} texts not embedded yet")
        self.texts = texts


class VectorTable:
    """An ``embed`` function answering from known vectors; unknown texts raise MissingVectors."""

    def __init__(self, vectors: dict[str, np.ndarray], dim: int = 384) -> None:
        self.vectors = vectors
        self.dim = dim

    def __call__(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if missing:
            raise MissingVectors(missing)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.vectors[t] for t in texts])


def align_block_batch(
    blocks: list[Block], lexicon: Lexicon, settings: AlignSettings, vectors: dict[str, np.ndarray]
) -> list[list[ClaimGroup] | MissingVectors]:
    """Per block: its groups, or the texts still missing from ``vectors`` (runs on a worker)."""
    one_story = settings.model_copy(update={"story_threshold": ONE_STORY})  # already one block
    table = VectorTable(vectors)
    results: list[list[ClaimGroup] | MissingVectors] = []
    for articles, claims in blocks:
        try:
            results.append(align_claims(articles, claims, lexicon, table, one_story))
        except MissingVectors as missing:
            results.append(missing)
    return results


class BlockAligner:
    """The pipeline's ``aligner`` step, run block by block through ``map_tasks``."""

    def __init__(self, map_tasks: MapTasks, workers: int) -> None:
        self.map_tasks = map_tasks
        self.workers = max(1, workers)

    def __call__(
        self, articles: list[Article], claims: list[Claim], lexicon: Lexicon, embed: Embed, settings: AlignSettings
    ) -> list[ClaimGroup]:
        # Speed and scale: story and claim texts in one embedding batch (one pass over the
        # workers, no idle core between the two, no round of blocks asking for their texts).
        ahead = sorted(set(claim_texts(claims)) | set(story_texts(articles, settings.story_threshold)))
        vectors: dict[str, np.ndarray] = dict(zip(ahead, embed(ahead))) if ahead else {}
        blocks = story_blocks(articles, claims, VectorTable(vectors), settings)
        needed: list[set[str]] = [set(claim_texts(block_claims)) for _, block_claims in blocks]
        pending = list(range(len(blocks)))
        groups: list[ClaimGroup] = []
        for _ in range(_MAX_ROUNDS):
            if not pending:
                break
            missing: set[str] = set()
            still_pending = []
            for index, result in self._run(blocks, pending, needed, vectors, lexicon, settings):
                if isinstance(result, MissingVectors):
                    needed[index].update(result.texts)
                    missing.update(result.texts)
                    still_pending.append(index)
                else:
                    groups.extend(result)
            if missing:
                texts = sorted(missing)  # one large, deterministic batch for every block
                vectors.update(zip(texts, embed(texts)))
            pending = still_pending
        for index in pending:  # never reached by an aligner that embeds a few times
            block_articles, block_claims = blocks[index]
            groups.extend(align_claims(block_articles, block_claims, lexicon, embed,
                                       settings.model_copy(update={"story_threshold": ONE_STORY})))
        return sorted(groups, key=lambda g: g.claim_ids[0])

    def _run(self, blocks, pending, needed, vectors, lexicon, settings):
        """(block index, result) for every pending block, the blocks spread over the workers."""
        weights = [len(blocks[i][1]) ** 2 for i in pending]  # pair scoring is quadratic in claims
        batches = split(pending, weights, self.workers * _TASKS_PER_WORKER)
        tasks = [
            ([blocks[i] for i in batch], lexicon, settings, {t: vectors[t] for i in batch for t in needed[i] if t in vectors})
            for batch in batches
        ]
        results = self.map_tasks(align_block_batch, tasks)
        for batch, batch_results in zip(batches, results):
            yield from zip(batch, batch_results)


def story_blocks(articles: list[Article], claims: list[Claim], embed: Embed, settings: AlignSettings) -> list[Block]:
    """The story blocks holding two claims or more (no group can form in the others)."""
    by_article: dict[str, list[Claim]] = {}
    for claim in claims:
        by_article.setdefault(claim.article_id, []).append(claim)
    blocks: list[Block] = []
    for block in block_stories(articles, embed, threshold=settings.story_threshold):
        block_articles = [articles[i] for i in block]
        block_claims = [c for a in block_articles for c in by_article.get(a.id, [])]
        if len(block_claims) >= 2:
            blocks.append((block_articles, block_claims))
    return blocks


def run_in_process(fn: Callable, tasks: Sequence[tuple]) -> list:
    """A ``map_tasks`` for tests and one-process runs."""
    return [fn(*task) for task in tasks]
