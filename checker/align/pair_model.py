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
from pydantic import BaseModel, ConfigDict, PrivateAttr

from checker.align.features import FEATURE_NAMES

MODEL_PATH = Path(__file__).with_name("pair_model.json")
# Up to this many rows all trees walk together (TreeEnsemble); more rows go tree by tree.
_FEW_ROWS = 2048


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


class TreeEnsemble:
    """The trees as complete binary trees of one depth, in arrays: every tree walks every row
    in one gather per level (a few numpy calls per 4,096 rows instead of several per node).

    A leaf above the full depth becomes a node that always goes left (threshold +inf) with
    its value copied to every leaf below, so each row lands on the same value as in
    :meth:`Tree.predict`; per-tree values are added in tree order, as before, so the sums
    are bit for bit the same.
    """


    def __init__(self, trees: list[Tree]) -> None:
        self.depth = max((self._depth(t, 0) for t in trees), default=0)
        inner, leaves = 2**self.depth - 1, 2**self.depth
        self.feature = np.zeros((len(trees), max(inner, 1)), dtype=np.intp)
        self.threshold = np.full((len(trees), max(inner, 1)), np.inf)
        self.value = np.zeros((len(trees), leaves))
        for index, tree in enumerate(trees):
            self._fill(index, tree, node=0, slot=0, level=0)

    def _depth(self, tree: Tree, node: int) -> int:
        if tree.left[node] < 0:
            return 0
        return 1 + max(self._depth(tree, tree.left[node]), self._depth(tree, tree.right[node]))

    def _fill(self, index: int, tree: Tree, node: int, slot: int, level: int) -> None:
        """Copy ``node`` of ``tree`` into position ``slot`` of level ``level``."""
        if level == self.depth:
            self.value[index, slot] = tree.value[node]
            return
        position = 2**level - 1 + slot
        if tree.left[node] < 0:  # an early leaf: always left, its value on every leaf below
            self.threshold[index, position] = np.inf
            width = 2 ** (self.depth - level)
            self.value[index, slot * width : (slot + 1) * width] = tree.value[node]
            return
        self.feature[index, position] = tree.feature[node]
        self.threshold[index, position] = tree.threshold[node]
        self._fill(index, tree, tree.left[node], 2 * slot, level + 1)
        self._fill(index, tree, tree.right[node], 2 * slot + 1, level + 1)

    def leaf_values(self, features: np.ndarray) -> np.ndarray:
        """(rows, trees) value of each tree's leaf for each row."""
        trees = np.arange(self.value.shape[0])
        row_index = np.arange(features.shape[0])[:, None]
        slot = np.zeros((features.shape[0], trees.size), dtype=np.intp)
        for level in range(self.depth):
            position = 2**level - 1 + slot
            go_right = ~(features[row_index, self.feature[trees, position]] <= self.threshold[trees, position])
            slot = 2 * slot + go_right
        return self.value[trees, slot]


CALIBRATION_FIELDS = ("calibration_x", "calibration_y", "differing_calibration_x", "differing_calibration_y")


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
    # Isotonic map from a link's score to the probability that its two claims are one
    # quantity, fitted on held-out (leave-one-cluster-out) scores: knots x -> y. Pairs whose
    # values differ get their own map: they are the ones a disagreement rests on, and most
    # pairs of a cluster agree, so one map for all would say what a score means for agreeing
    # pairs.
    calibration_x: list[float] = []
    calibration_y: list[float] = []
    differing_calibration_x: list[float] = []
    differing_calibration_y: list[float] = []
    # The least confidence of a disagreement finding that counts (exit code, main report),
    # chosen on cross-validation for flag precision; lower ones are "possible" findings.
    min_confidence: float = 0.0
    _ensemble: TreeEnsemble | None = PrivateAttr(default=None)

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(same quantity) for each row of ``features``."""
        if features.size == 0:
            return np.zeros((0,), dtype=np.float64)
        if self.family == "boosted_trees":
            logits = np.full(features.shape[0], self.intercept)
            if features.shape[0] <= _FEW_ROWS:  # most partitions: per-call overhead dominates
                if self._ensemble is None:
                    self._ensemble = TreeEnsemble(self.trees)
                leaves = self._ensemble.leaf_values(features)
                for column in range(leaves.shape[1]):  # tree by tree, as Tree.predict's sums are made
                    logits += self.learning_rate * leaves[:, column]
            else:  # many rows: splitting rows node by node moves less data
                features = np.asfortranarray(features)  # trees read one column at a time
                for tree in self.trees:
                    logits += self.learning_rate * tree.predict(features)
        else:
            z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
            logits = z @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))


    @property
    def calibration(self) -> dict[str, list[float]]:
        """The calibration fields, to copy onto another model."""
        return {name: getattr(self, name) for name in CALIBRATION_FIELDS}

    def confidence(self, score: float, values_differ: bool = False) -> float:
        """Calibrated P(same quantity) of a link scored ``score`` whose values differ or not
        (the score itself when the model carries no calibration for such pairs)."""
        xs, ys = self.calibration_x, self.calibration_y
        if values_differ and self.differing_calibration_x:
            xs, ys = self.differing_calibration_x, self.differing_calibration_y
        if not xs:
            return float(score)
        return float(np.interp(score, xs, ys))


@lru_cache(maxsize=4)
def load_pair_model(path: Path = MODEL_PATH) -> PairModel:
    model = PairModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
    if tuple(model.feature_names) != FEATURE_NAMES:
        raise ValueError(f"{path}: trained on features {model.feature_names}, code has {FEATURE_NAMES}; retrain")
    return model
