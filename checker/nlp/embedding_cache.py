"""A disk cache of sentence embeddings, keyed by a hash of the text.

Re-checking a folder where most articles are unchanged then costs file reads instead of
transformer passes. One small file per vector (``<root>/embeddings/<namespace>/abc/<hash>``,
the raw float32 bytes), written to a temporary name and renamed into place: a reader sees a
whole vector or none, and runs sharing the folder (or a cluster on a shared filesystem) can
write at once. The namespace names the model, the precision and the torch version, so a
vector is only ever reused where it would have been computed bit for bit the same (the
vectors are batch-independent, see embedding_batches.py): a run gives the same report with
the cache, without it, cold or warm.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

Embed = Callable[[list[str]], np.ndarray]

CACHE_DIR_ENV = "CLAIMCHECK_CACHE_DIR"
_LAYOUT = "v2"  # bump when the file layout or the batching that made the vectors changes


def default_cache_dir() -> Path:
    """``$CLAIMCHECK_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimcheck``, else ``~/.cache/claimcheck``."""
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimcheck"


def cache_namespace(model_id: str, precision: str) -> str:
    """What must match for a cached vector to equal a fresh one."""
    import torch

    raw = f"{_LAYOUT}_{model_id}_{precision}_torch-{torch.__version__}"
    return "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in raw)


class EmbeddingCache:
    """Vectors of one model/precision under ``root``; never raises on an unusable folder."""

    def __init__(self, root: Path, namespace: str, dim: int = 384) -> None:
        self.folder = Path(root) / "embeddings" / namespace
        self.dim = dim
        self.writable = True

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:3] / key

    def get_many(self, texts: Iterable[str]) -> dict[str, np.ndarray]:
        """The cached vectors among ``texts`` (texts not cached, or unreadable, are left out)."""
        found: dict[str, np.ndarray] = {}
        expected = self.dim * 4
        for text in texts:
            try:
                data = self._path(self.key(text)).read_bytes()
            except OSError:
                continue
            if len(data) == expected:  # anything else is not ours: recompute it
                found[text] = np.frombuffer(data, dtype=np.float32).copy()
        return found

    def put_many(self, items: Iterable[tuple[str, np.ndarray]]) -> None:
        """Store vectors atomically; a folder that cannot be written disables the cache."""
        for text, vector in items:
            if not self.writable:
                return
            path = self._path(self.key(text))
            if path.exists():
                continue
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
                try:
                    with os.fdopen(fd, "wb") as handle:
                        handle.write(np.asarray(vector, dtype=np.float32).tobytes())
                    os.replace(tmp, path)  # atomic: readers never see half a vector
                except BaseException:
                    Path(tmp).unlink(missing_ok=True)
                    raise
            except OSError as exc:
                self.writable = False
                print(f"claimcheck: warning: embedding cache {self.folder} not writable ({exc}); "
                      "continuing without storing vectors", file=sys.stderr)


class CachedEmbed:
    """Wraps an ``embed`` function: cached texts are read, only the others are embedded.

    Fresh vectors are written on a background thread (about 2 s per 15,000 vectors, which
    would otherwise leave the workers idle) and kept in memory for the rest of the run;
    :meth:`flush` waits for the writes.
    """

    def __init__(self, embed: Embed, cache: EmbeddingCache) -> None:
        self.embed = embed
        self.cache = cache
        self.hits = 0
        self.misses = 0
        self._fresh: dict[str, np.ndarray] = {}
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="claimcheck-cache")
        self._writes: list[Future] = []

    def __call__(self, texts: list[str]) -> np.ndarray:
        distinct = list(dict.fromkeys(texts))
        found = {t: self._fresh[t] for t in distinct if t in self._fresh}
        found.update(self.cache.get_many([t for t in distinct if t not in found]))
        missing = [t for t in distinct if t not in found]
        if missing:
            vectors = np.asarray(self.embed(missing), dtype=np.float32)
            fresh = dict(zip(missing, vectors))
            self._fresh.update(fresh)
            self._writes.append(self._writer.submit(self.cache.put_many, list(fresh.items())))
            found.update(fresh)
        self.hits += len(distinct) - len(missing)
        self.misses += len(missing)
        if not texts:
            return np.zeros((0, self.cache.dim), dtype=np.float32)
        return np.stack([found[t] for t in texts])

    def flush(self) -> None:
        """Wait until every vector computed so far is on disk (or the cache gave up)."""
        writes, self._writes = self._writes, []
        for write in writes:
            write.result()
