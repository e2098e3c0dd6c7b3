"""The trained same-quantity classifier, stored as a small JSON file.

Two model families fit in the file: a logistic regression (weights per feature) and a
small gradient-boosted tree ensemble (each tree as flat node arrays). Both predict from
plain numpy, so no pickled scikit-learn object is ever loaded.
Retrain with ``python scripts/train_aligner.py`` (cross-validated on the gold files).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.features import FEATURE_NAMES

MODEL_PATH = Path(__file__).with_name("pair_model.json")


class Tree(BaseModel):
    """One regression tree: node arrays as scikit-learn's ``tree_`` holds them (-1 = leaf)."""

    model_config = ConfigDict(frozen=True)

    feature: list[int]
    threshold: list[float]
    left: list[int]
    right: list[int]
    value: list[float]

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Each row's leaf value. Rows are split node by node (a column gather per level), which
        is several times faster than walking every row through node arrays in lockstep."""
        out = np.empty(features.shape[0], dtype=np.float64)
        pending = [(0, np.arange(features.shape[0]))]
        while pending:
            node, rows = pending.pop()
            if self.left[node] < 0 or rows.size == 0:
                out[rows] = self.value[node]
                continue
            go_left = features[rows, self.feature[node]] <= self.threshold[node]
            pending.append((self.left[node], rows[go_left]))
            pending.append((self.right[node], rows[~go_left]))
        return out


class PairModel(BaseModel):
    """Standardisation, weights or trees, and the clustering settings of the pair classifier."""

    model_config = ConfigDict(frozen=True)

    family: Literal["logistic", "boosted_trees"] = "logistic"
    feature_names: tuple[str, ...]
    mean: list[float] = []
    scale: list[float] = []
    coef: list[float] = []
    intercept: float = 0.0
    learning_rate: float = 0.1
    trees: list[Tree] = []
    threshold: float = 0.5
    linkage: str = "average"
    trained_on: list[str] = []
    cross_validation: dict[str, float | str] = {}

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(same quantity) for each row of ``features``."""
        if features.size == 0:
            return np.zeros((0,), dtype=np.float64)
        if self.family == "boosted_trees":
            features = np.asfortranarray(features)  # trees read one column at a time
            logits = np.full(features.shape[0], self.intercept)
            for tree in self.trees:
                logits += self.learning_rate * tree.predict(features)
        else:
            z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
            logits = z @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))


@lru_cache(maxsize=4)
def load_pair_model(path: Path = MODEL_PATH) -> PairModel:
    model = PairModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
    if tuple(model.feature_names) != FEATURE_NAMES:
        raise ValueError(f"{path}: trained on features {model.feature_names}, code has {FEATURE_NAMES}; retrain")
    return model
