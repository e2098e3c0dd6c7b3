"""The trained same-quantity classifier: a logistic regression stored as a small JSON file.

Retrain with ``python scripts/train_aligner.py`` (cross-validated on the gold files).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel, ConfigDict

from checker.align.features import FEATURE_NAMES

MODEL_PATH = Path(__file__).with_name("pair_model.json")


class PairModel(BaseModel):
    """Standardisation, weights and decision threshold of the pair classifier."""

    model_config = ConfigDict(frozen=True)

    feature_names: tuple[str, ...]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float = 0.5
    linkage: str = "average"
    trained_on: list[str] = []
    cross_validation: dict[str, float] = {}

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """P(same quantity) for each row of ``features``."""
        if features.size == 0:
            return np.zeros((0,), dtype=np.float64)
        z = (features - np.asarray(self.mean)) / np.asarray(self.scale)
        logits = z @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -50, 50)))


@lru_cache(maxsize=4)
def load_pair_model(path: Path = MODEL_PATH) -> PairModel:
    model = PairModel.model_validate(json.loads(path.read_text(encoding="utf-8")))
    if tuple(model.feature_names) != FEATURE_NAMES:
        raise ValueError(f"{path}: trained on features {model.feature_names}, code has {FEATURE_NAMES}; retrain")
    return model
