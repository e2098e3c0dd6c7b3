"""Unique article ids across a batch (claim ids are built from them)."""

from __future__ import annotations

from pathlib import Path

from checker.ingest.types import SourceFile


class IdAllocator:
    """Gives each file its relative path as id; two folders both holding ``a.txt`` would
    collide, so the later one gets its full path, then a ``~N`` suffix if even that is taken."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def claim(self, preferred: str, fallback: str | None = None) -> str:
        for candidate in (preferred, fallback):
            if candidate is not None and candidate not in self.used:
                self.used.add(candidate)
                return candidate
        n = 2
        while f"{preferred}~{n}" in self.used:
            n += 1
        self.used.add(f"{preferred}~{n}")
        return f"{preferred}~{n}"

    def assign(self, source: SourceFile) -> SourceFile:
        article_id = self.claim(source.article_id, Path(source.path).as_posix())
        return source if article_id == source.article_id else source.model_copy(update={"article_id": article_id})
