"""The Ray engine (``claimcheck check --engine ray``) gives the same JSON as one process.

Runs on a local two-worker Ray instance over the bundled Idlib articles. Skipped only when
Ray is not installed (it is an optional extra: ``pip install 'claimcheck[ray]'``; ``make
test`` installs it with the dev extra).
"""

from __future__ import annotations

import pytest

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'claimcheck[ray]')")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_json_equals_single_process_json(local_ray, idlib_dir, idlib_report, tmp_path):
    from checker.engine import EngineSettings, run_with_engine
    from checker.pipeline import PipelineOptions, load_ruleset
    from checker.report import render

    options = PipelineOptions()
    rules = load_ruleset(options)
    on_ray = run_with_engine([idlib_dir], options, rules, EngineSettings(engine="ray", cache_dir=tmp_path))

    assert on_ray.claims and on_ray.groups  # a real run, not an empty one
    assert render(on_ray, "json") == render(idlib_report, "json")


def test_ray_engine_reports_unreadable_inputs_like_a_local_run(local_ray, idlib_dir, tmp_path):
    from checker.engine import EngineSettings, run_with_engine
    from checker.pipeline import PipelineOptions, load_ruleset

    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    options = PipelineOptions()
    rules = load_ruleset(options)
    settings = EngineSettings(use_cache=False)
    local = run_with_engine([bad, tmp_path / "missing.txt"], options, rules, settings.model_copy(update={"workers": 1}))
    on_ray = run_with_engine([bad, tmp_path / "missing.txt"], options, rules, settings.model_copy(update={"engine": "ray"}))
    assert on_ray.input_errors and on_ray.input_errors == local.input_errors
