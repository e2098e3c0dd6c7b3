"""The same input gives byte-identical JSON: in any argument order, across runs and
processes, with or without the embedding cache, with one worker or two.

Claim and group ids are built from article ids (paths), so a CI job can diff two reports or
keep a baseline; that only works if nothing depends on argument order, hash seeds, set
iteration order, cache state, worker count or timing.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import main
from conftest import IDLIB

FILES = sorted(str(p) for p in IDLIB.glob("*.txt"))


# Run from an empty folder with a temporary embedding cache (see the fixture's docstring).
pytestmark = pytest.mark.usefixtures("isolated_from_the_user")


def check_in_process(out: Path, *args: str) -> bytes:
    code = main(["check", *args, "--out", str(out), "--fail-on", "never", "--quiet"])
    assert code == 0
    return out.read_bytes()


def check_in_child(out: Path, hash_seed: str, *args: str) -> bytes:
    """A fresh `claimcheck check` process with its own PYTHONHASHSEED (set/dict order of str)."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    child = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", *args, "--out", str(out), "--fail-on", "never", "--quiet"],
        capture_output=True, text=True, env=env, timeout=600, cwd=out.parent,
    )
    assert child.returncode == 0, child.stderr[-3000:]
    return out.read_bytes()


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> bytes:
    """The JSON report of the five Idlib files in sorted order: one process, no cache."""
    report = check_in_process(tmp_path_factory.mktemp("ref") / "sorted.json", *FILES, "--workers", "1", "--no-cache")
    assert b'"claims": [\n    {' in report, "the reference run found claims"
    return report


def test_argument_order_does_not_change_the_json(reference, tmp_path):
    shuffled = FILES[:]
    random.Random(1).shuffle(shuffled)
    assert shuffled != FILES
    assert check_in_process(tmp_path / "shuffled.json", *shuffled) == reference
    assert check_in_process(tmp_path / "reversed.json", *reversed(FILES)) == reference


def test_a_warm_embedding_cache_gives_the_same_json(reference, tmp_path):
    cache = tmp_path / "cache"
    cold = check_in_process(tmp_path / "cold.json", *FILES, "--cache", str(cache))
    assert any(cache.rglob("*")), "the first run filled the cache"
    warm = check_in_process(tmp_path / "warm.json", *FILES, "--cache", str(cache))
    assert cold == warm == reference


def test_runs_in_fresh_processes_with_different_hash_seeds_are_byte_identical(reference, tmp_path):
    first = check_in_child(tmp_path / "a.json", "1", *FILES, "--no-cache")
    second = check_in_child(tmp_path / "b.json", "4242", *reversed(FILES), "--cache", str(tmp_path / "cache"))
    assert first == second
    assert first == reference, "a fresh process gives what a warm one gave"


def test_worker_count_does_not_change_the_json(reference, tmp_path):
    one = check_in_process(tmp_path / "w1.json", *FILES, "--workers", "1", "--no-cache")
    two = check_in_process(tmp_path / "w2.json", *FILES, "--workers", "2", "--no-cache")
    assert one == two == reference


def test_parse_does_not_depend_on_the_batch():
    """Extraction parses each worker's sentences in one spaCy stream, so a sentence's parse must
    not depend on which sentences share its batch (or the report would change with the worker
    count): parsed alone, in one stream, or in small batches in reverse order, it is the same."""
    from checker.extract.prepare import analyse_articles
    from checker.ingest import read_inputs
    from checker.nlp.lemmas import lemma
    from checker.nlp.spacy_model import load_spacy
    from conftest import ECBPLUS

    nlp = load_spacy()
    articles = read_inputs([IDLIB, ECBPLUS]).articles
    texts = [s.text for a in analyse_articles(articles, nlp) for s in a.sentences if s.doc is not None]
    assert len(texts) > 500

    def annotations(docs):
        return [[(t.tag_, t.pos_, t.dep_, t.head.i, lemma(t), t.ent_type_, t.ent_iob_) for t in d] for d in docs]

    stream = annotations(nlp.pipe(texts, batch_size=256))
    assert annotations(nlp.pipe(texts[::-1], batch_size=7))[::-1] == stream
    assert annotations(nlp(t) for t in texts[:120]) == stream[:120]
