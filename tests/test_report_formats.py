"""Every report format, rendered from the hand-made Idlib report (real article text)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.models import Report
from checker.report import FORMATS, format_from_path, render
from checker.report.github_report import escape_data, escape_property, workflow_command
from checker.report.md_report import md_escape, render_markdown
from checker.report.sarif_report import FINGERPRINT_KEY, sarif_log
from checker.report.view import build_view, format_interval
from report_fixtures import DATA, sample_report

SARIF_SCHEMA = DATA / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def report() -> Report:
    return sample_report()


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    # Reporters write paths relative to the working directory, as CI runs from the checkout.
    monkeypatch.chdir(DATA.parent.parent)


def _reject_constant(name: str):
    raise AssertionError(f"invalid JSON constant {name} in output")


# --------------------------------------------------------------------------- format names


@pytest.mark.parametrize(
    "name, fmt",
    [("r.json", "json"), ("out/r.HTML", "html"), ("r.htm", "html"), ("pr.md", "md"), ("r.sarif", "sarif"),
     ("r.sarif.json", "sarif"), ("junit.xml", "junit"), ("summary.txt", "text")],
)
def test_format_from_path(name, fmt):
    assert format_from_path(name) == fmt


@pytest.mark.parametrize("name", ["report.pdf", "report", ".json", "r.yaml"])
def test_format_from_path_rejects_unknown_extension_with_the_choices(name):
    with pytest.raises(ValueError, match=r"\.sarif\.json.*\.xml"):
        format_from_path(name)


def test_render_rejects_unknown_format(report):
    with pytest.raises(ValueError, match="choose one of json, html"):
        render(report, "pdf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_and_is_deterministic(report, fmt):
    first = render(report, fmt, color=False)
    assert first and first == render(report, fmt, color=False)


# --------------------------------------------------------------------------- view model


def test_view_orders_flagged_groups_by_severity_and_computes_counts(report):
    view = build_view(report)
    assert [g.group.id for g in view.groups] == ["g-displaced", "g-losses", "g-refugees", "g-troops", "g-targets"]
    assert view.severity_totals == {"error": 1, "warning": 3, "info": 1}
    assert view.counts["value_conflict"] == {"error": 1, "warning": 1, "info": 0}
    # The unbounded high end of "more than 100" is shown as infinity, not 1e308.
    losses = next(g for g in view.groups if g.group.id == "g-losses")
    assert losses.sources[0].interval == "[100, ∞]"


@pytest.mark.parametrize(
    "low, high, text",
    [(5, 1e18, "[5, ∞]"), (5, float("inf"), "[5, ∞]"), (-1e18, 0, "[−∞, 0]"), (3.5e6, 3.5e6, "[3,500,000]"),
     (0.25, 1.5, "[0.25, 1.5]"), (1234.5, 1234.5, "[1,234.5]")],
)
def test_intervals_read_naturally(low, high, text):
    assert format_interval(low, high) == text


def test_view_keeps_a_finding_whose_group_is_missing(report):
    orphan = report.findings[0].model_copy(update={"group_id": "g-missing", "fingerprint": "orphan"})
    view = build_view(report.model_copy(update={"findings": [*report.findings, orphan]}))
    assert "orphan" in {f.finding.fingerprint for f in view.findings}


# --------------------------------------------------------------------------- json


def test_json_is_canonical_whatever_the_input_order(report):
    shuffled = report.model_copy(
        update={k: list(reversed(getattr(report, k))) for k in ("articles", "claims", "groups", "findings")}
    )
    assert render(shuffled, "json") == render(report, "json")


def test_json_is_valid_round_trips_and_has_no_infinity(report):
    text = render(report, "json")
    assert "Infinity" not in text and "NaN" not in text
    data = json.loads(text, parse_constant=_reject_constant)
    assert data["schema_version"] == "1.6"
    loss = next(c for c in data["claims"] if c["id"] == "c-loss-002")
    assert loss["value"]["high"] > 1e300  # unbounded, but a finite JSON number
    again = Report.model_validate_json(text)
    assert render(again, "json") == text


# --------------------------------------------------------------------------- sarif


def test_sarif_is_valid_against_the_official_schema(report):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    assert validator_cls is jsonschema.Draft4Validator  # the schema declares draft-04
    validator_cls.check_schema(schema)
    log = json.loads(render(report, "sarif"), parse_constant=_reject_constant)
    errors = sorted(validator_cls(schema).iter_errors(log), key=str)
    assert not errors, errors[0]


def test_sarif_results_point_at_the_numbers_in_the_files(report):
    log = sarif_log(report)
    run = log["runs"][0]
    results = run["results"]
    assert len(results) == len(report.findings)
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    by_fp = {f.fingerprint: f for f in report.findings}
    for result in results:
        finding = by_fp[result["partialFingerprints"][FINGERPRINT_KEY]]
        assert result["ruleId"] == finding.rule and rule_ids[result["ruleIndex"]] == finding.rule
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[finding.severity]
        assert len(result["relatedLocations"]) == len(finding.claim_ids) - 1
        for loc in result["locations"] + result["relatedLocations"]:
            phys = loc["physicalLocation"]
            region = phys["region"]
            path = Path(phys["artifactLocation"]["uri"])
            assert not path.is_absolute()  # relative to the checkout, as code scanning needs
            line = path.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == region["snippet"]["text"]
            assert region["snippet"]["text"] in phys["contextRegion"]["snippet"]["text"]
    info = next(r for r in results if r["ruleId"] == "compare.corroborated")
    assert info["level"] == "note"
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert any("invalid JSON" in n["message"]["text"] and n["level"] == "error" for n in notes)


# --------------------------------------------------------------------------- github


def test_github_escaping_follows_the_runner_rules():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = workflow_command("warning", "x\n::error::forged", file="dir/a,b:c.txt", line=3, title="t: 1, 2")
    assert line == "::warning file=dir/a%2Cb%3Ac.txt,line=3,title=t%3A 1%2C 2::x%0A::error::forged"


def _unescape(value: str, prop: bool) -> str:
    if prop:
        value = value.replace("%3A", ":").replace("%2C", ",")
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def test_github_annotations_parse_back_to_the_findings(report):
    annotations = render(report, "github").splitlines()
    pattern = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
    parsed = []
    for line in annotations:
        m = pattern.match(line)
        assert m, line
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        parsed.append((m.group(1), {k: _unescape(v, True) for k, v in props.items()}, _unescape(m.group(3), False)))
    findings = [p for p in parsed if p[1]["title"] not in ("claimcheck limit", "claimcheck input error")]
    assert len(findings) == len(report.findings) and len(parsed) == len(findings) + 2
    assert [c for c, _, _ in findings[:5]] == ["error", "warning", "warning", "warning", "notice"]
    command, props, message = findings[0]
    assert props["file"] == "tests/data/idlib-2020/000_ff91b9868b4e3f07.txt"
    raw = Path(props["file"]).read_text(encoding="utf-8").splitlines()[int(props["line"]) - 1]
    assert raw[int(props["col"]) - 1 : int(props["endColumn"]) - 1] == "almost 900,000"
    assert message.startswith("almost 900,000 displaced vs almost 700,000")
    assert "80% have been women" in message  # '%' survived the round trip


# --------------------------------------------------------------------------- junit


def test_junit_parses_with_one_testcase_per_group(report):
    root = ET.fromstring(render(report, "junit"))
    groups = root.find("testsuite[@name='claimcheck.groups']")
    cases = groups.findall("testcase")
    assert len(cases) == len(report.groups) == int(groups.get("tests"))
    failed = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failed == {"people displaced in Idlib [g-displaced]", "Syrian soldiers hit [g-losses]",
                      "refugees hosted by Turkey [g-refugees]"}
    assert groups.get("failures") == "3"
    troops = next(c for c in cases if "g-troops" in c.get("name"))
    assert troops.find("failure") is None and "13 Turkish troops" in troops.find("system-out").text
    displaced = next(c for c in cases if "g-displaced" in c.get("name"))
    failure = displaced.find("failure")
    assert "almost 900,000" in failure.text and "in the past 10 weeks" in failure.text
    fps = {p.get("value") for p in displaced.iter("property") if p.get("name") == "fingerprint"}
    assert fps == {"8a2e4f6b1c3d5e70", "b7c9d1e3f5a70912"}
    inputs = root.find("testsuite[@name='claimcheck.inputs']")
    assert inputs.get("errors") == "1" and "Expecting" in inputs.find("testcase/error").get("message")


# --------------------------------------------------------------------------- markdown


def _cells(row: str) -> int:
    """Cells in a GFM table row: pipes not preceded by a backslash."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_markdown_has_summary_and_one_table_per_flagged_group(report):
    md = render(report, "md")
    assert md.startswith("## claimcheck: 5 findings in 4 groups")
    assert md.count("\n### ") == 4 + 1  # four groups + the input errors section
    rows = [l for l in md.splitlines() if l.startswith("|") and "---" not in l]
    headers = [l for l in rows if l.startswith("| Source |")]
    assert len(headers) == 4
    for row in rows:
        if row.startswith(("| Source", "| dw.com", "| ft.com", "| arabnews", "| aljazeera", "| 002")):
            assert _cells(row) == 9, row
    assert "**almost 900,000**" in md and "**3.5 million**" in md


def test_markdown_escape_neutralises_metacharacters():
    escaped = md_escape("a|b `c` <d> [e](f)\ng @bob &lt;")
    assert escaped == "a\\|b \\`c\\` &lt;d&gt; \\[e\\]\\(f\\) g @\u2060bob &amp;lt;"


def test_markdown_is_cut_below_the_comment_limit(report):
    md = render_markdown(report, max_chars=1500)
    assert len(md) < 2500 and "more flagged group" in md


# --------------------------------------------------------------------------- text


def test_text_colour_only_when_asked(report):
    plain = render(report, "text", color=False)
    assert "\033[" not in plain
    assert "ERROR value_conflict  people displaced in Idlib" in plain
    assert "tests/data/idlib-2020/000_ff91b9868b4e3f07.txt:25:80" in plain
    assert "\033[1;31mERROR" in render(report, "text", color=True)


def test_text_strips_terminal_escape_sequences(report):
    evil = report.findings[0].model_copy(update={"message": "\x1b]0;pwned\x07\x1b[2Jgone"})
    text = render(report.model_copy(update={"findings": [evil]}), "text", color=False)
    assert "\x1b" not in text and "\x07" not in text


# --------------------------------------------------------------------------- the real pipeline


def test_real_idlib_report_renders_valid_everywhere(idlib_report):
    """conftest's real run over the bundled articles: every format, exact locations, valid SARIF."""
    report = idlib_report
    assert report.findings, "the Idlib articles should produce findings"
    view = build_view(report)
    for source in {id(s): s for g in view.groups for s in g.sources}.values():
        assert source.location.exact, source.claim.id
        line = Path(source.article.path).read_text(encoding="utf-8").splitlines()[source.location.line - 1]
        assert line[source.location.column - 1 : source.location.end_column - 1] == source.claim.text
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(render(report, "sarif")))
    text = render(report, "json")
    assert text == render(Report.model_validate_json(text), "json")
    json.loads(text, parse_constant=_reject_constant)
    ET.fromstring(render(report, "junit"))
    for fmt in ("html", "md", "github", "text"):
        assert render(report, fmt, color=False)


# --------------------------------------------------------------------------- one reading order


def _first_seen(items):
    return list(dict.fromkeys(items))


@pytest.mark.parametrize("which", ["hand_built", "idlib"])
def test_every_format_reads_in_one_ranked_order(report, idlib_report, which):
    rep = report if which == "hand_built" else idlib_report
    view = build_view(rep)
    flat = [f.finding for f in view.findings]
    assert sorted(f.rank for f in flat) == list(range(1, len(flat) + 1))
    assert [f.rank for f in flat] == sorted(f.rank for f in flat)
    fingerprint_group = {f.fingerprint: f.group_id for f in flat}
    group_order = _first_seen(f.group_id for f in flat)
    # Flat formats: SARIF results and GitHub annotations in rank order.
    sarif = json.loads(render(rep, "sarif"))
    assert [r["partialFingerprints"][FINGERPRINT_KEY] for r in sarif["runs"][0]["results"]] == [f.fingerprint for f in flat]
    github = [line for line in render(rep, "github").splitlines() if line.startswith(("::error", "::warning", "::notice"))]
    assert len(github) >= len(flat)
    # Grouped formats: the groups in the order of their first finding, and each group's
    # findings in rank order.
    html = render(rep, "html")
    html_fingerprints = re.findall(r'<li class="finding" data-severity="[^"]+" data-kind="[^"]+" data-fingerprint="([^"]+)"', html)
    assert _first_seen(fingerprint_group[fp] for fp in html_fingerprints) == group_order
    junit = ET.fromstring(render(rep, "junit"))
    junit_groups = [p.get("value") for p in junit.iter("property") if p.get("name") == "fingerprint"]
    assert _first_seen(fingerprint_group[fp] for fp in junit_groups) == group_order
    assert [g.group.id for g in view.flagged_groups] == group_order


def test_json_keeps_its_layout_and_says_the_rank(idlib_report):
    data = json.loads(render(idlib_report, "json"))
    keys = [(f["group_id"], f["kind"], f["fingerprint"], f["id"]) for f in data["findings"]]
    assert keys == sorted(keys)
    assert sorted(f["rank"] for f in data["findings"]) == list(range(1, len(data["findings"]) + 1))


def test_the_larger_disagreement_is_read_first_at_equal_severity_and_confidence(report):
    from checker.ranking import relative_spread

    by_id = {c.id: c for c in report.claims}
    view = build_view(report)
    warnings = [f.finding for f in view.findings if f.finding.severity == "warning"]
    spreads = [relative_spread(by_id[i] for i in f.claim_ids) for f in warnings]
    assert spreads == sorted(spreads, reverse=True)


@pytest.mark.parametrize("x, kind, text", [(2017, "year", "2017"), (1706, "time", "17:06"), (930, "time", "09:30"),
                                           (2017, "count", "2,017"), (1706, None, "1,706")])
def test_years_and_clock_times_read_as_written(x, kind, text):
    from checker.models import QuantityKind
    from checker.report.view import format_number

    assert format_number(x, QuantityKind(kind) if kind else None) == text


def test_an_interval_is_shown_only_where_the_value_is_not_exact(idlib_report):
    view = build_view(idlib_report)
    sources = [s for g in view.flagged_groups for s in g.sources]
    years = [s for g in view.groups for s in g.sources if s.claim.kind.value == "year"]
    assert years and all("," not in s.value_as_read for s in years)
    html = render(idlib_report, "html")
    assert "2,017" not in html and "2,018" not in html
    exact = next(s for s in sources if s.exact)
    inexact = next(s for s in sources if not s.exact)
    assert exact.reading == exact.value_as_read and inexact.reading == inexact.interval
    assert html.count("as interval") == sum(not s.exact for s in sources)


def test_the_html_card_names_the_figures_rules_kept_out_of_its_group(idlib_report):
    """The soldiers' toll card lists 'including five killed on Monday' as kept out by the part
    facet, so a desk sees why that five is not set against the 13."""
    from checker.report import render

    html = render(idlib_report, "html")
    assert "kept out of this group" in html
    block = html[html.index('<details class="kept-out">'):]
    block = block[: block.index("</details>")]
    assert "<code>facets.part</code>" in html and "kept apart by" in block
