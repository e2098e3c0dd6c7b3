"""Speed-and-scale machinery gives the same report whatever runs it.

Worker processes, story blocks aligned one by one, and the embedding cache (cold or warm)
must all give byte-identical JSON to the plain one-process pipeline; embeddings must not
depend on the batch a text was embedded in; story blocking by linked components must give
the same blocks as one big clustering.
"""

from __future__ import annotations

import numpy as np
import pytest


@pytest.fixture(scope="module")
def options_and_rules():
    from checker.pipeline import PipelineOptions, load_ruleset

    options = PipelineOptions()
    return options, load_ruleset(options)


def _json(report) -> str:
    from checker.report import render

    return render(report, "json")


def test_two_worker_processes_give_the_same_json(idlib_dir, idlib_report, options_and_rules):
    from checker.engine import EngineSettings, run_with_engine

    options, rules = options_and_rules
    pooled = run_with_engine([idlib_dir], options, rules, EngineSettings(workers=2, use_cache=False))
    assert _json(pooled) == _json(idlib_report)


def test_embedding_cache_cold_and_warm_give_the_same_json(idlib_dir, idlib_report, options_and_rules, tmp_path):
    from checker.engine import EngineSettings, run_with_engine
    from checker.pipeline import StageTimer

    options, rules = options_and_rules
    settings = EngineSettings(workers=1, cache_dir=tmp_path)
    cold = run_with_engine([idlib_dir], options, rules, settings)
    assert any(tmp_path.rglob("*")), "the cold run stored vectors"
    timer = StageTimer()
    warm = run_with_engine([idlib_dir], options, rules, settings, timer)
    assert _json(cold) == _json(warm) == _json(idlib_report)


def test_embeddings_do_not_depend_on_their_batch():
    from checker.nlp.embedding_model import embed_texts

    texts = [
        "13 Turkish soldiers killed in Idlib",
        "almost 900,000 displaced in the last three months",
        "the # Syrian refugees Turkey says it hosts",
        "a",
        "x " * 300,  # longer than the model's 256 tokens: truncated
    ] + [f"{n} people were displaced from villages near the border" for n in range(40)]
    together = embed_texts(texts)
    alone = np.vstack([embed_texts([t]) for t in texts[:6]])
    reversed_ = embed_texts(texts[::-1])[::-1]
    assert np.array_equal(together[:6], alone)
    assert np.array_equal(together, reversed_)
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)


def test_embedding_cache_returns_what_it_stored_and_ignores_foreign_files(tmp_path):
    from checker.nlp.embedding_cache import CachedEmbed, EmbeddingCache

    calls: list[list[str]] = []

    def fake_embed(texts):
        calls.append(list(texts))
        return np.array([[float(len(t))] * 4 for t in texts], dtype=np.float32)

    cache = EmbeddingCache(tmp_path, "test", dim=4)
    cached = CachedEmbed(fake_embed, cache)
    first = cached(["aa", "b", "aa"])
    second = cached(["b", "ccc", "aa"])
    assert calls == [["aa", "b"], ["ccc"]]
    assert np.array_equal(first[0], second[2]) and first.shape == (3, 4)
    cached.flush()
    # The next run reads every vector from disk.
    rerun = CachedEmbed(fake_embed, EmbeddingCache(tmp_path, "test", dim=4))
    assert np.array_equal(rerun(["ccc", "aa"]), second[[1, 2]]) and len(calls) == 2
    # A truncated or foreign file under a key is recomputed, not trusted.
    path = cache._path(cache.key("ccc"))
    path.write_bytes(b"\x00" * 3)
    CachedEmbed(fake_embed, EmbeddingCache(tmp_path, "test", dim=4))(["ccc"])
    assert calls[-1] == ["ccc"] and len(calls) == 3
    assert cached([]).shape == (0, 4)


def test_embedding_cache_survives_concurrent_writers(tmp_path):
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        pool.map(_write_same_vectors, [str(tmp_path)] * 6)
    from checker.nlp.embedding_cache import EmbeddingCache

    cache = EmbeddingCache(tmp_path, "test", dim=4)
    found = cache.get_many([f"t{i}" for i in range(50)])
    assert len(found) == 50 and all(np.array_equal(v, np.full(4, i, np.float32)) for i, v in enumerate(found.values()))
    assert not [p for p in tmp_path.rglob(".tmp-*")], "no temporary file left behind"


def _write_same_vectors(root: str) -> None:
    from pathlib import Path

    from checker.nlp.embedding_cache import EmbeddingCache

    cache = EmbeddingCache(Path(root), "test", dim=4)
    for _ in range(3):
        cache.put_many((f"t{i}", np.full(4, i, np.float32)) for i in range(50))
        cache.get_many([f"t{i}" for i in range(50)])


def test_story_blocks_by_components_equal_one_big_clustering(monkeypatch):
    import checker.align.stories as stories
    from checker.models import Article

    rng = np.random.default_rng(7)
    centres = rng.normal(size=(40, 32))
    vectors = centres[rng.integers(0, 40, 500)] + 0.7 * rng.normal(size=(500, 32))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    articles = [Article(id=f"{i:04d}", path=f"{i}.txt", text=f"text {i}") for i in range(500)]
    row = {f"text {i}": i for i in range(500)}

    def embed(texts):
        return vectors[[row[t] for t in texts]]

    for threshold in (0.3, 0.6, 0.9):
        dense = stories.block_stories(articles, embed, threshold)
        monkeypatch.setattr(stories, "DENSE_LIMIT", 10)
        by_component = stories.block_stories(articles, embed, threshold)
        monkeypatch.setattr(stories, "DENSE_LIMIT", 4000)
        assert by_component == dense
        assert sorted(i for b in dense for i in b) == list(range(500))
    assert stories.block_stories(articles[:3], embed, stories.ONE_STORY) == [[0, 1, 2]]


def test_balanced_slices_cover_every_item_once():
    from checker.engine.partition import balanced_slices

    for n in (0, 1, 2, 7, 100):
        for parts in (1, 2, 3, 8):
            weights = [(i % 5) + 1 for i in range(n)]
            slices = balanced_slices(weights, parts)
            covered = [i for s in slices for i in range(n)[s]]
            assert covered == list(range(n))
            assert len(slices) == min(parts, n)


def test_story_text_names_the_headline_once():
    from checker.align.stories import LEAD_CHARS, story_text
    from checker.models import Article

    headline = "Quake kills 120 in northern Chile"
    body = "Rescuers searched the rubble on Monday after a strong earthquake struck. " * 10
    repeated = Article(id="a", path="a.json", title=headline, text=f"{headline}\n\n{body}")
    separate = Article(id="b", path="b.json", title=headline, text=body)
    untitled = Article(id="c", path="c.txt", text=body)
    assert story_text(repeated).count(headline) == 1
    assert story_text(repeated) == repeated.text[:LEAD_CHARS].strip()
    assert story_text(separate) == f"{headline}\n{body[:LEAD_CHARS]}".strip()
    assert story_text(untitled) == body[:LEAD_CHARS].strip()


def test_deal_gives_every_share_the_same_mix():
    from checker.engine.partition import deal

    items = list(range(10))
    assert deal(items, 3) == [[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]
    assert deal(items[:2], 4) == [[0], [1]]
    assert deal([], 2) == []
    assert sorted(i for share in deal(items, 4) for i in share) == items


def test_block_aligner_embeds_story_and_claim_texts_in_one_batch(idlib_report, options_and_rules):
    """Blocks aligned in one pass after a single embedding batch give the pipeline's groups."""
    from checker.engine.blocks import BlockAligner, run_in_process
    from checker.lexicon import Lexicon
    from checker.nlp.embedding_model import embed_texts

    options, rules = options_and_rules
    batches: list[int] = []

    def counting_embed(texts):
        batches.append(len(texts))
        return embed_texts(texts)

    articles, claims = idlib_report.articles, idlib_report.claims
    groups = BlockAligner(run_in_process, workers=2)(articles, claims, Lexicon.from_rules(rules), counting_embed, options.align)
    assert len(batches) == 1 and batches[0] > len(claims)
    assert [g.claim_ids for g in groups] == [g.claim_ids for g in sorted(idlib_report.groups, key=lambda g: g.claim_ids[0])]
