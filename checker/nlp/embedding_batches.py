"""Batch-independent sentence embeddings: a text's vector never depends on its batch-mates.

A transformer run over a padded batch gives each row a result that differs in the last bits
with the batch's shape (BLAS picks other kernels and summation orders for other matrix
sizes). Those bits are enough to make a cached vector differ from a fresh one, or a run on
two workers from a run on one. So each text is padded to a fixed length bucket chosen by
its own token count, each bucket is run in chunks of a fixed number of rows, and the last
chunk is filled up with copies of its last text: every text is always embedded inside a
tensor of the same shape, next to its own padding only, and its vector is a function of the
text alone. Few buckets keep the padding small and the shapes few (bfloat16 kernels are
compiled once per shape); the filler rows cost at most one chunk per bucket.
"""

from __future__ import annotations

import os
from collections import defaultdict
from contextlib import nullcontext
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from sentence_transformers import SentenceTransformer

# Padded lengths, about 1/8 apart (padding costs ~3% of the tokens; the model's maximum is
# 256), and tokens per forward pass: 512 ran 11-20% faster than 1024 on 2-core AMD EPYC
# (activations stay in the 1 MB L2 cache) and wastes half as much on filler rows.
LENGTH_BUCKETS = (4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 22, 24, 27, 30, 34, 38, 42, 48, 54, 60, 68, 76,
                  86, 96, 108, 120, 136, 152, 170, 192, 216, 256)
_TOKENS_PER_CHUNK = 512
_MAX_ROWS = 128  # the shortest texts (counted phrases, predicates: 2-5 tokens) run 128 to a chunk

# bfloat16 matrix products run ~3x faster on CPUs with native bf16 (AVX512-BF16, AMX) and
# move cosine similarities by < 0.003 (mean 0.0004; gold metrics by < 0.02, docs/scale.md). Where
# the CPU lacks it bf16 is emulated and slower, so "auto" picks float32 there.
# CLAIMCHECK_EMBED_PRECISION=float32|bfloat16 forces one (a cluster should set it for all nodes).
PRECISION_ENV = "CLAIMCHECK_EMBED_PRECISION"


def length_bucket(token_count: int) -> int:
    """The padded length a text of ``token_count`` tokens is embedded at."""
    return next((b for b in LENGTH_BUCKETS if b >= token_count), LENGTH_BUCKETS[-1])


def chunk_rows(bucket: int) -> int:
    """How many texts of one length bucket go into one forward pass (fixed per bucket)."""
    return max(1, min(_MAX_ROWS, _TOKENS_PER_CHUNK // bucket))


def embedding_precision() -> str:
    """``bfloat16`` or ``float32``: the environment's choice, else what this CPU does natively."""
    value = os.environ.get(PRECISION_ENV, "auto").strip().lower()
    if value == "auto":
        return "bfloat16" if _cpu_has_native_bf16() else "float32"
    if value not in ("bfloat16", "float32"):
        raise ValueError(f"{PRECISION_ENV} must be auto, bfloat16 or float32, not {value!r}")
    return value


def _cpu_has_native_bf16() -> bool:
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def token_counts(model: "SentenceTransformer", texts: list[str]) -> list[int]:
    """Tokens per text as the model will see it (truncated to its maximum length)."""
    encoded = model.tokenizer(texts, truncation=True, max_length=model.max_seq_length)
    return [len(ids) for ids in encoded["input_ids"]]


def embed_canonically(model: "SentenceTransformer", texts: list[str], precision: str = "float32") -> np.ndarray:
    """Unit vectors for ``texts`` (float32, one row each), each independent of the others."""
    import torch

    out = np.zeros((len(texts), model.get_embedding_dimension() or 384), dtype=np.float32)
    if not texts:
        return out
    by_bucket: dict[int, list[int]] = defaultdict(list)
    for index, count in enumerate(token_counts(model, texts)):
        by_bucket[length_bucket(count)].append(index)
    autocast = torch.autocast("cpu", dtype=torch.bfloat16) if precision == "bfloat16" else nullcontext()
    with torch.inference_mode(), autocast:
        for bucket in sorted(by_bucket):
            indices = by_bucket[bucket]
            rows = chunk_rows(bucket)
            for start in range(0, len(indices), rows):
                chunk = indices[start : start + rows]
                batch = [texts[i] for i in chunk]
                batch += [batch[-1]] * (rows - len(batch))  # fixed shape: fill with copies
                features = _padded(model.preprocess(batch), bucket, model.tokenizer.pad_token_id or 0)
                vectors = model(features)["sentence_embedding"].float()
                vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
                out[chunk] = vectors[: len(chunk)].numpy()
    return out


def _padded(features: dict, length: int, pad_id: int) -> dict:
    """``features`` right-padded to ``length`` tokens, as the tokenizer itself pads."""
    import torch

    padded = dict(features)
    for key, value in (("input_ids", pad_id), ("token_type_ids", 0), ("attention_mask", 0)):
        tensor = features.get(key)
        if isinstance(tensor, torch.Tensor) and tensor.shape[1] < length:
            padded[key] = torch.nn.functional.pad(tensor, (0, length - tensor.shape[1]), value=value)
    return padded
