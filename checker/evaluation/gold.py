"""The gold annotation format (see tests/data/gold/README.md), as pydantic models."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.models import Bound


class GoldMention(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str
    number: str
    context: str
    value: float
    bound: Bound
    source: str | None = None
    scope: str | None = None


class GoldGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    about: str
    flag: Literal["required", "optional", "none"]
    why: str = ""
    mentions: list[GoldMention]


class TrapSide(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: str
    number: str
    context: str


class GoldTrap(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    why: str
    a: TrapSide
    b: TrapSide


class GoldFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cluster: str
    corpus: str
    docs: list[str] | None = None
    about: str = ""
    groups: list[GoldGroup] = Field(default_factory=list)
    traps: list[GoldTrap] = Field(default_factory=list)


def load_gold(path: Path) -> GoldFile:
    """Read and validate one gold file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return GoldFile.model_validate(data)


def corpus_dir(gold_path: Path, gold: GoldFile) -> Path:
    """Where the gold file's corpus lives.

    ``corpus`` is relative to the folder above the gold folder (``shared/`` in the
    annotation set); a copied layout without the ``corpora/`` level is accepted too.
    """
    root = gold_path.resolve().parent.parent
    corpus = Path(gold.corpus)
    candidates = [root / corpus]
    if corpus.parts and corpus.parts[0] == "corpora":
        candidates.append(root / Path(*corpus.parts[1:]))
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"{gold_path}: corpus {gold.corpus!r} not found (looked in {', '.join(map(str, candidates))})")


def corpus_paths(gold_path: Path, gold: GoldFile) -> list[Path]:
    """The files to check: the listed docs, or the whole corpus folder."""
    folder = corpus_dir(gold_path, gold)
    if gold.docs:
        return [folder / d for d in gold.docs]
    return [folder]
