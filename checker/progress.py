"""A progress bar on stderr for long runs: one step per pipeline stage, with elapsed time.

Shown only when stderr is a terminal and the run is not ``--quiet``; pipelines logging to
files see nothing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from checker.pipeline import StageTimer

STAGES = ("ingest", "extract", "attribute", "align", "compare")
_WIDTH = 20


class ProgressTimer(StageTimer):
    """A :class:`StageTimer` that also draws ``[#####-----] align (4/5) 12.3s`` as stages start."""

    def __init__(self, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        super().__init__()
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self._began = time.perf_counter()
        self._drawn = False

    def start(self, stage: str) -> None:
        super().start(stage)
        if self.enabled:
            self._draw(stage)

    def finish(self) -> None:
        """Stop the clock and clear the bar's line."""
        self.stop()
        if self.enabled and self._drawn:
            self.stream.write("\r" + " " * (_WIDTH + 40) + "\r")
            self.stream.flush()

    def _draw(self, stage: str) -> None:
        step = STAGES.index(stage) + 1 if stage in STAGES else len(STAGES)
        filled = round(_WIDTH * (step - 1) / len(STAGES))
        bar = "#" * filled + "-" * (_WIDTH - filled)
        elapsed = time.perf_counter() - self._began
        self.stream.write(f"\r[{bar}] {stage:<9} ({step}/{len(STAGES)}) {elapsed:6.1f}s")
        self.stream.flush()
        self._drawn = True
