"""Calibrated confidence: the pair model's map, the split of findings into those that count
and possible ones, how every format shows the possible ones, and the cross-validation that
chooses the threshold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checker.align.pair_model import load_pair_model
from checker.cli import main
from checker.config import Config
from checker.evaluation.crossval import ThresholdPoint, choose_min_confidence, cross_validate
from checker.evaluation.training import ModelConfig, load_cluster, pair_label
from checker.nlp.embedding_model import embed_texts
from checker.pipeline import PipelineOptions, load_ruleset
from checker.report import render
from checker.report.exit_status import exit_status
from checker.report.view import build_view
from report_fixtures import sample_report

GOLD = Path(__file__).parent / "data" / "gold"


# --------------------------------------------------------------------------- the map


def test_an_uncalibrated_model_reports_its_score():
    model = load_pair_model().model_copy(update={"calibration_x": [], "calibration_y": [],
                                                 "differing_calibration_x": [], "differing_calibration_y": []})
    assert model.confidence(0.73) == pytest.approx(0.73)


def test_pairs_whose_values_differ_have_their_own_map():
    model = load_pair_model().model_copy(update={
        "calibration_x": [0.0, 1.0], "calibration_y": [0.0, 1.0],
        "differing_calibration_x": [0.0, 0.5, 1.0], "differing_calibration_y": [0.0, 0.1, 0.6],
    })
    assert model.confidence(0.5) == pytest.approx(0.5)
    assert model.confidence(0.5, values_differ=True) == pytest.approx(0.1)
    assert model.confidence(0.75, values_differ=True) == pytest.approx(0.35)
    assert model.confidence(2.0, values_differ=True) == pytest.approx(0.6)  # clipped at the last knot


def test_the_shipped_model_is_calibrated_and_monotone():
    model = load_pair_model()
    for xs, ys in ((model.calibration_x, model.calibration_y),
                   (model.differing_calibration_x, model.differing_calibration_y)):
        assert xs and len(xs) == len(ys)
        assert xs == sorted(xs) and ys == sorted(ys)
        assert 0.0 <= ys[0] and ys[-1] <= 1.0
    assert 0.0 <= model.min_confidence < 1.0


# --------------------------------------------------------------------------- choosing the threshold


def _points(*rows):
    return [ThresholdPoint(min_confidence=t, flag_precision=p, flag_recall=r, flags=n) for t, p, r, n in rows]


def test_the_threshold_keeps_the_most_recall_at_the_target_precision():
    sweep = _points((0.0, 0.6, 0.8, 40), (0.3, 0.91, 0.5, 20), (0.5, 0.95, 0.3, 10), (0.9, 1.0, 0.0, 0))
    assert choose_min_confidence(sweep, 0.9) == 0.3


def test_a_threshold_that_silences_every_finding_is_never_chosen():
    # Precision 1.0 with no flags at all is not a result: below the target, F0.5 decides.
    sweep = _points((0.0, 0.6, 0.6, 50), (0.4, 0.75, 0.3, 14), (0.6, 0.7, 0.05, 3), (0.9, 1.0, 0.0, 0))
    assert choose_min_confidence(sweep, 0.9) == 0.0


# --------------------------------------------------------------------------- reports


@pytest.fixture()
def report_with_possible():
    report = sample_report()
    displaced = [f for f in report.findings if f.group_id == "g-displaced"]
    surety = {"g-refugees": 0.97, "g-losses": 0.62}
    kept = [f.model_copy(update={"confidence": surety[f.group_id]}) if f.group_id in surety else f
            for f in report.findings if f.group_id != "g-displaced"]
    possible = [f.model_copy(update={"confidence": 0.31}) for f in displaced]
    return report.model_copy(update={"findings": kept, "possible_findings": possible, "min_confidence": 0.5})


def test_possible_findings_never_decide_the_exit_code(report_with_possible):
    only_possible = report_with_possible.model_copy(update={"findings": []})
    assert exit_status(only_possible, "info") == 0
    assert exit_status(report_with_possible.model_copy(update={"possible_findings": []}), "error") == \
        exit_status(report_with_possible, "error")


def test_html_folds_the_possible_findings_away(report_with_possible):
    html = render(report_with_possible, "html")
    main_part, possible_part = html.split('<details class="possible" id="possible">')
    assert "confidence below 0.50" in possible_part
    assert "confidence 0.31" in possible_part and "almost 900,000 displaced" in possible_part
    assert 'data-fingerprint="8a2e4f6b1c3d5e70"' not in main_part  # not among the cards
    assert "confidence 0.97" in main_part


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_text_and_markdown_list_the_possible_findings_apart(report_with_possible, fmt):
    out = render(report_with_possible, fmt, color=False)
    assert "2 possible disagreement" in out and "confidence 0.31" in out


def test_json_keeps_the_possible_findings_with_their_confidence(report_with_possible):
    data = json.loads(render(report_with_possible, "json"))
    assert data["schema_version"] == "1.6" and data["min_confidence"] == 0.5
    assert {f["confidence"] for f in data["possible_findings"]} == {0.31}


def test_surer_findings_come_first_within_a_severity(report_with_possible):
    view = build_view(report_with_possible)
    warnings = [f for f in view.findings if f.finding.severity == "warning"]
    assert [f.finding.confidence for f in warnings] == [0.97, 0.62]
    assert [g.group.id for g in view.flagged_groups][:2] == ["g-refugees", "g-losses"]


# --------------------------------------------------------------------------- the command line


def _check(capsys, folder, *extra):
    code = main(["check", str(folder), "--format", "json", "--quiet", "--fail-on", "warning", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_min_confidence_moves_doubtful_disagreements_to_possible(capsys, tmp_path):
    (tmp_path / "a.txt").write_text("Officials said 120 people were killed in the earthquake that struck Dargahan on Monday.\n")
    (tmp_path / "b.txt").write_text("Officials said 45 people were killed in the earthquake that struck Dargahan on Monday.\n")
    code, everything = _check(capsys, tmp_path, "--min-confidence", "0")
    assert code == 1 and [f["kind"] for f in everything["findings"]] == ["value_conflict"]
    confidence = everything["findings"][0]["confidence"]
    assert 0.0 < confidence <= 1.0
    if confidence < 1.0:
        code, strict = _check(capsys, tmp_path, "--min-confidence", str(min(1.0, confidence + 0.01)))
        assert code == 0 and strict["findings"] == []
        assert [f["kind"] for f in strict["possible_findings"]] == ["value_conflict"]


@pytest.mark.parametrize("value", ["1.5", "-0.1", "sure"])
def test_min_confidence_outside_0_to_1_is_a_usage_error(capsys, tmp_path, value):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", str(tmp_path), "--min-confidence", value])
    assert exit_info.value.code == 2 and "--min-confidence" in capsys.readouterr().err


def test_config_min_confidence_is_checked():
    assert Config(min_confidence=0.4).min_confidence == 0.4
    assert PipelineOptions.from_config(Config(min_confidence=0.4)).min_confidence == 0.4
    with pytest.raises(ValueError):
        Config(min_confidence=3)


# --------------------------------------------------------------------------- cross-validation


@pytest.fixture(scope="module")
def two_clusters():
    options = PipelineOptions()
    rules = load_ruleset(options)
    paths = [GOLD / "idlib-2020.yaml", GOLD / "nc-5-electric-bill.yaml"]
    return [load_cluster(p, options, rules, embed_texts) for p in paths], rules, options


def test_gold_and_weak_labels(two_clusters):
    clusters, _, _ = two_clusters
    idlib = clusters[0]
    by_group: dict[str, list[str]] = {}
    for claim_id, group in idlib.label.items():
        by_group.setdefault(group, []).append(claim_id)
    claims = {c.id: c for c in idlib.claims}
    same = next(ids for ids in by_group.values() if len(ids) >= 2)
    assert pair_label(idlib, claims[same[0]], claims[same[1]]) == (1, 1.0)
    for pair in idlib.traps:
        a, b = (claims[i] for i in sorted(pair))
        assert pair_label(idlib, a, b) == (0, 3.0)
    # Two different figures in one sentence are two quantities (a weak label).
    listed = [(a, b) for a in idlib.claims for b in idlib.claims
              if a.id < b.id and a.sentence_start == b.sentence_start and a.value.point != b.value.point
              and a.id not in idlib.label and b.id not in idlib.label]
    assert listed and pair_label(idlib, *listed[0]) == (0, 0.25)


def test_cross_validation_scores_each_held_out_cluster(two_clusters):
    clusters, rules, options = two_clusters
    cv = cross_validate(clusters, ModelConfig(family="logistic", strength=1.0, threshold=0.6), rules, options)
    assert [f.gold for f in cv.files] == ["idlib-2020.yaml", "nc-5-electric-bill.yaml"]
    assert len(cv.sweep) == 20 and cv.min_confidence in {p.min_confidence for p in cv.sweep}
    assert all(0.0 <= p.flag_precision <= 1.0 for p in cv.sweep)
    # Raising the threshold can only remove flags.
    assert [p.flags for p in cv.sweep] == sorted((p.flags for p in cv.sweep), reverse=True)
    xs = cv.calibration["calibration_x"]
    assert xs == sorted(xs)


def test_cross_validation_can_train_on_some_clusters_only(two_clusters):
    clusters, rules, options = two_clusters
    config = ModelConfig(family="logistic", strength=1.0, threshold=0.6)
    # The Idlib cluster a third time, never trained on: scored by a model fitted on the other two.
    cv = cross_validate(clusters + clusters[:1], config, rules, options, trained_on=[True, True, False])
    assert [f.gold for f in cv.files] == ["idlib-2020.yaml", "nc-5-electric-bill.yaml", "idlib-2020.yaml"]
    assert cv.untrained_counts == cv.files[2].counts and cv.untrained_overall is not None
    with pytest.raises(ValueError, match="at least two clusters"):
        cross_validate(clusters, config, rules, options, trained_on=[True, False])
