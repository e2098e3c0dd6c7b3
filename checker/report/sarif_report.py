"""SARIF 2.1.0 for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer).

One ``result`` per finding: the first claim is the primary location, the other claims are
``relatedLocations``; ``partialFingerprints`` carries the compare stage's fingerprint so
alerts stay the same alert across runs and unrelated edits.
"""

from __future__ import annotations

import json
from urllib.parse import quote

from checker import __version__
from checker.locations import Location, locate_span
from checker.models import Report
from checker.report.view import KIND_DESCRIPTIONS, FindingView, ReportView, SourceView, build_view, severity_rank

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
FINGERPRINT_KEY = "claimcheck/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    # A URI reference, not a file path: spaces, '<', '#' etc. must be percent-encoded.
    return quote(path, safe="/")


def _region(loc: Location, snippet: str | None = None) -> dict:
    region: dict = {"startLine": loc.line}
    if loc.exact or (loc.end_line, loc.end_column) != (loc.line, loc.column):
        region.update(startColumn=loc.column, endLine=loc.end_line, endColumn=loc.end_column)
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _physical(source: SourceView) -> dict:
    claim, article = source.claim, source.article
    physical = {
        "artifactLocation": {"uri": _uri(source.path), "uriBaseId": "%SRCROOT%"},
        "region": _region(source.location, claim.text),
    }
    if article.text_in_file and claim.sentence:
        sentence = locate_span(article, claim.sentence_start, claim.sentence_start + len(claim.sentence))
        physical["contextRegion"] = _region(sentence, claim.sentence)
    return physical


def _source_message(source: SourceView) -> str:
    parts = [source.outlet]
    if source.date:
        parts.append(source.date)
    return f"{' · '.join(parts)}: {source.claim.text!r} = {source.reading} ({source.bound}), {source.who}"


def _result(f: FindingView, rule_index: dict[str, int]) -> dict:
    finding = f.finding
    result: dict = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": _LEVEL.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "kind": finding.kind.value,
            "severity": finding.severity,
            "groupId": finding.group_id,
            "claimIds": list(finding.claim_ids),
        },
    }
    if f.sources:
        result["locations"] = [
            {"physicalLocation": _physical(f.sources[0]), "message": {"text": _source_message(f.sources[0])}}
        ]
        result["relatedLocations"] = [
            {"id": i, "physicalLocation": _physical(s), "message": {"text": _source_message(s)}}
            for i, s in enumerate(f.sources[1:], start=1)
        ]
    return result


def _rules(view: ReportView) -> tuple[list[dict], dict[str, int]]:
    by_rule: dict[str, list[FindingView]] = {}
    for f in view.findings:
        by_rule.setdefault(f.finding.rule, []).append(f)
    rules, index = [], {}
    for i, rule_id in enumerate(sorted(by_rule)):
        findings = by_rule[rule_id]
        kind = findings[0].kind
        worst = max((f.finding.severity for f in findings), key=severity_rank)
        description = KIND_DESCRIPTIONS.get(kind, kind.replace("_", " "))
        rules.append(
            {
                "id": rule_id,
                "name": "".join(part.capitalize() for part in rule_id.replace(".", "_").split("_")),
                "shortDescription": {"text": description},
                "fullDescription": {"text": f"{description} (finding kind: {kind})"},
                "defaultConfiguration": {"level": _LEVEL.get(worst, "warning")},
                "properties": {"kind": kind},
            }
        )
        index[rule_id] = i
    return rules, index


def _notifications(view: ReportView) -> list[dict]:
    out = []
    for e in view.input_errors:
        physical: dict = {"artifactLocation": {"uri": _uri(e.path)}}
        if e.line:
            physical["region"] = {"startLine": e.line}
        out.append({"level": "error", "message": {"text": f"cannot read input: {e.reason}"},
                    "locations": [{"physicalLocation": physical}]})
    for w in view.warnings:
        out.append({"level": "warning", "message": {"text": w.message},
                    "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(w.path)}}}]})
    return out


def sarif_log(report: Report) -> dict:
    """The SARIF log as a dict (for tests and for tools that post-process it)."""
    view = build_view(report)
    rules, rule_index = _rules(view)
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": report.tool,
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/claimcheck/",
                        "rules": rules,
                    }
                },
                "invocations": [
                    {"executionSuccessful": bool(report.articles), "toolExecutionNotifications": _notifications(view)}
                ],
                "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the directory claimcheck ran in"}}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in view.findings],
                "properties": {"reportSchemaVersion": report.schema_version},
            }
        ],
    }


def render_sarif(report: Report) -> str:
    return json.dumps(sarif_log(report), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
