"""The `claimcheck` command: check, extract, eval, rules, baseline.

Thin: parses arguments, calls the pipeline or the evaluation, hands the Report to the
reporters. Exit codes (one definition: checker.report.exit_status.ExitStatus): 0 clean,
1 findings at or above --fail-on, 2 usage error or no readable article.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Sequence

from checker import __version__
from checker.report.exit_status import ExitStatus

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE = ExitStatus.CLEAN, ExitStatus.FINDINGS, ExitStatus.USAGE_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claimcheck",
        description="Extract numeric claims from news articles, align them across sources, flag disagreements.",
    )
    parser.add_argument("--version", action="version", version=f"claimcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="check a batch of articles and report disagreements")
    check.add_argument("paths", nargs="+", help="article files or folders (.txt .md .json .jsonl .html)")
    check.add_argument("--format", "-f", choices=("json", "html", "md", "sarif", "github", "junit", "text"),
                       help="report format: for the --out files whose extension names none, else for stdout "
                            "(default: text); github and text always go to stdout, beside any files")
    check.add_argument("--out", "-o", action="append", default=[], metavar="FILE",
                       help="write the report to FILE; repeatable, format from the extension")
    _add_rule_options(check)
    check.add_argument("--fail-on", choices=("info", "warning", "error", "never"), default=None,
                       help="exit 1 when a finding at or above this severity exists (default: error)")
    check.add_argument("--max-article-chars", type=_positive_int, default=None, help="truncate longer articles (with a warning)")
    check.add_argument("--max-claims-per-article", type=_positive_int, default=None, help="keep at most this many claims per article")
    check.add_argument("--min-confidence", type=_probability, default=None, metavar="P",
                       help="a disagreement less sure than P (0-1) is listed apart as possible and never fails the run "
                            "(default: the value chosen on cross-validation for flag precision 0.9)")
    check.add_argument("--quiet", "-q", action="store_true", help="no summary or progress on stderr")
    check.add_argument("--baseline", type=Path, default=None, metavar="FILE",
                       help="report only findings not recorded in this baseline file")
    check.add_argument("--ledger", default=None, metavar="URL",
                       help="check against what earlier runs recorded, and record this run: a SQLite file "
                            "(path or sqlite:///file.db) or postgresql://... (default: none)")
    check.add_argument("--ledger-window", type=_positive_int, default=30, metavar="DAYS",
                       help="with --ledger: read stored articles within DAYS of a new one (default: 30)")
    _add_engine_options(check)

    ledger = sub.add_parser("ledger", help="read or edit a claim ledger (JSON on stdout)")
    ledger.add_argument("action", choices=("stats", "stories", "show", "forget", "export"),
                        help="stats: what it holds; stories: one line per story; show STORY: its articles and "
                             "findings; forget ARTICLE: remove an article (id or hash); export: everything as JSON")
    ledger.add_argument("target", nargs="?", default=None, help="the STORY of show, the ARTICLE of forget")
    ledger.add_argument("--ledger", required=True, metavar="URL", help="the ledger (a SQLite path or a database URL)")
    ledger.add_argument("--since", type=_day, default=None, metavar="YYYY-MM-DD", help="stories and export: from this day")
    ledger.add_argument("--until", type=_day, default=None, metavar="YYYY-MM-DD", help="stories and export: up to this day")

    baseline = sub.add_parser("baseline", help="record the current findings so later runs report only new ones")
    baseline.add_argument("paths", nargs="+", help="article files or folders")
    baseline.add_argument("--out", "-o", type=Path, default=Path("claimcheck-baseline.json"),
                          help="baseline file to write (.json or .yaml; reviewer notes in it are kept)")
    _add_rule_options(baseline)

    extract = sub.add_parser("extract", help="print one JSON claim per line for text on stdin or files")
    extract.add_argument("paths", nargs="*", help="article files or folders; stdin when none")
    extract.add_argument("--date", default=None, help="publication date (YYYY-MM-DD) for text read from stdin")
    _add_rule_options(extract)

    evaluate = sub.add_parser("eval", help="score the checker against gold annotation files")
    evaluate.add_argument("gold", nargs="+", type=Path, help="gold YAML files")
    evaluate.add_argument("--json", action="store_true", help="print the metrics as JSON")
    evaluate.add_argument(
        "--cv", action="store_true",
        help="leave one gold file out: retrain and recalibrate the pair model on the others, score the one left out",
    )
    evaluate.add_argument(
        "--train-on", nargs="+", type=Path, default=None, metavar="GOLD",
        help="with --cv: train and calibrate each fold only on these of the gold files (as the shipped model is "
        "trained on the shared gold); the others are scored by models that never saw them, reported apart",
    )
    _add_rule_options(evaluate)

    rules = sub.add_parser("rules", help="list the rules with their descriptions")
    _add_rule_options(rules)
    rules.add_argument("--json", action="store_true", help="print as JSON")
    rules.add_argument("--test", action="store_true",
                       help="run every rule's named test cases through the real code; exit 1 if one fails")
    return parser


def _positive_int(text: str) -> int:
    """argparse type for the resource limits (hardening): 0, negatives and words are a usage
    error naming the option, not a pydantic traceback or a run that checks nothing."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _day(text: str):
    """argparse type for --since/--until."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a day as YYYY-MM-DD, got {text!r}") from None


def _probability(text: str) -> float:
    """argparse type for --min-confidence: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, got {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1, got {text}")
    return value


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    """Speed and scale: where the work runs, and the embedding cache (see docs/scale.md)."""
    group = parser.add_argument_group("speed and scale")
    group.add_argument("--engine", choices=("local", "ray"), default="local",
                       help="local: this machine's cores (default); ray: a Ray instance or cluster")
    group.add_argument("--workers", type=_positive_int, default=None, metavar="N",
                       help="local engine: worker processes (default: one per core; 1 = in this process)")
    group.add_argument("--ray-address", default=None, metavar="ADDR",
                       help="ray engine: the cluster to join (default: start a local Ray instance)")
    group.add_argument("--cache", type=Path, default=None, metavar="DIR",
                       help="embedding cache folder (default: $XDG_CACHE_HOME/claimcheck or ~/.cache/claimcheck)")
    group.add_argument("--no-cache", action="store_true", help="neither read nor write the embedding cache")
    group.add_argument("--timings", type=Path, default=None, metavar="FILE",
                       help="write the seconds spent per stage as JSON to FILE (for benchmarks)")


def _add_rule_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", default=[], type=Path, metavar="DIR",
                        help="an extra folder of rule files (repeatable; same id replaces a shipped rule)")
    parser.add_argument("--enable", action="append", default=[], metavar="PREFIX", help="enable rules by id prefix")
    parser.add_argument("--disable", action="append", default=[], metavar="PREFIX", help="disable rules by id prefix")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from checker.ledger import LedgerError
    from checker.ruleset import RuleError

    try:
        if args.command == "ledger":
            return _cmd_ledger(args)
        if args.command == "check":
            return _cmd_check(args)
        if args.command == "baseline":
            return _cmd_baseline(args)
        if args.command == "extract":
            return _cmd_extract(args)
        if args.command == "eval":
            return _cmd_eval(args)
        if args.command == "rules":
            return _cmd_rules(args)
    except RuleError as exc:
        print(f"claimcheck: rule error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LedgerError as exc:
        print(f"claimcheck: ledger error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except (ValueError, FileNotFoundError) as exc:
        print(f"claimcheck: {exc}", file=sys.stderr)
        return EXIT_USAGE
    parser.error(f"unknown command {args.command}")
    return EXIT_USAGE


def _options(args: argparse.Namespace, **overrides):
    from checker.pipeline import PipelineOptions

    values = dict(
        rules_dirs=tuple(args.rules),
        enable_rules=tuple(args.enable),
        disable_rules=tuple(args.disable),
    )
    values.update({k: v for k, v in overrides.items() if v is not None})
    return PipelineOptions(**values)


def _config(args: argparse.Namespace):
    """The project's config file (claimcheck.toml / [tool.claimcheck]) with the command line on top."""
    from checker.config import load_config

    return load_config(Path.cwd()).merged_with(
        {
            "rules_dirs": list(args.rules),
            "enabled_rules": list(args.enable),
            "disabled_rules": list(args.disable),
            "fail_on": getattr(args, "fail_on", None),
            "outputs": [Path(o) for o in args.out] if args.command == "check" else [],
            "formats": [args.format] if getattr(args, "format", None) else [],
            "baseline": getattr(args, "baseline", None),
            "quiet": True if getattr(args, "quiet", False) else None,
            "max_article_chars": getattr(args, "max_article_chars", None),
            "max_claims_per_article": getattr(args, "max_claims_per_article", None),
            "min_confidence": getattr(args, "min_confidence", None),
        }
    )


def _pipeline_options(config):
    from checker.pipeline import PipelineOptions

    return PipelineOptions.from_config(config)


def _run_from_config(args: argparse.Namespace):
    """Load rules (a bad rule file stops here, before reading anything), then check."""
    from checker.pipeline import load_ruleset, run_check

    config = _config(args)
    options = _pipeline_options(config)
    rules = load_ruleset(options)
    report = _run_engine(args, options, rules) if args.command == "check" else run_check(args.paths, options, rules=rules)
    for error in report.input_errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        print(f"claimcheck: input error: {where}: {error.reason}", file=sys.stderr)
    for warning in report.warnings:
        print(f"claimcheck: warning: {warning.path}: {warning.message}", file=sys.stderr)
    return config, report


def _run_engine(args: argparse.Namespace, options, rules):
    """``check`` through the chosen engine, with the embedding cache and optional timings."""
    from checker.engine import EngineSettings, run_with_engine
    from checker.progress import ProgressTimer

    if args.ray_address and args.engine != "ray":
        raise ValueError("--ray-address needs --engine ray")
    if args.ledger:
        if args.engine == "ray":
            raise ValueError("--ledger runs in this process: it cannot be combined with --engine ray")
        return _run_with_ledger(args, options, rules)
    settings = EngineSettings(engine=args.engine, workers=args.workers, ray_address=args.ray_address,
                              use_cache=not args.no_cache, cache_dir=args.cache)
    timer = ProgressTimer(enabled=False if args.quiet else None)  # draws only on a terminal
    report = run_with_engine(args.paths, options, rules, settings, timer)
    timer.finish()
    if args.timings:
        args.timings.parent.mkdir(parents=True, exist_ok=True)
        args.timings.write_text(json.dumps({k: round(v, 4) for k, v in timer.seconds.items()}, indent=2) + "\n",
                                encoding="utf-8")
    return report


def _run_with_ledger(args: argparse.Namespace, options, rules):
    """``check --ledger``: this run against the stored stories, then recorded (in this process)."""
    from checker.ledger import Ledger
    from checker.ledger.session import LedgerOptions, check_with_ledger

    with Ledger.open(args.ledger) as ledger:
        return check_with_ledger(args.paths, ledger, options, LedgerOptions(window_days=args.ledger_window), rules)


def _cmd_ledger(args: argparse.Namespace) -> int:
    from checker.ledger import Ledger, LedgerError

    if args.action in ("show", "forget") and not args.target:
        raise LedgerError(f"ledger {args.action} needs the {'STORY' if args.action == 'show' else 'ARTICLE'}")
    with Ledger.open(args.ledger) as ledger:
        if args.action == "stats":
            result = ledger.stats()
        elif args.action == "stories":
            result = ledger.stories(args.since, args.until)
        elif args.action == "show":
            result = ledger.show(args.target)
        elif args.action == "forget":
            removed = ledger.forget(args.target)
            if not removed:
                raise LedgerError(f"{ledger.name}: no article {args.target!r}")
            result = {"forgotten": removed}
        else:
            result = ledger.export(args.since, args.until)
    sys.stdout.write(json.dumps(result, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return EXIT_CLEAN


def _cmd_check(args: argparse.Namespace) -> int:
    from checker.baseline import filter_new, load_baseline
    from checker.report import render
    from checker.report.exit_status import exit_status

    config = _config(args)
    targets, stdout_formats = config.output_plan  # bad names and conflicts fail before the run
    baseline = load_baseline(config.baseline) if config.baseline else None
    config, report = _run_from_config(args)
    if baseline is not None:
        report = filter_new(report, baseline)
    for path, fmt in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(report, fmt), encoding="utf-8")
    for fmt in stdout_formats:
        sys.stdout.write(render(report, fmt))
    if not config.quiet:
        print(_summary(report, [str(p) for p, _ in targets]), file=sys.stderr)
    if not [a for a in report.articles if not a.earlier]:
        print("claimcheck: no readable article in the input", file=sys.stderr)
        return EXIT_USAGE
    return int(exit_status(report, config.fail_on))


def _cmd_baseline(args: argparse.Namespace) -> int:
    from checker.baseline import load_baseline, write_baseline

    notes = {}
    if args.out.exists():
        notes = load_baseline(args.out).notes  # keep reviewers' notes on a re-record
    _, report = _run_from_config(args)
    if not report.articles:
        print("claimcheck: no readable article in the input", file=sys.stderr)
        return EXIT_USAGE
    write_baseline(report, args.out, notes=notes)
    print(f"claimcheck: recorded {len(report.findings)} findings in {args.out}", file=sys.stderr)
    return EXIT_CLEAN


def _summary(report, written: list[str]) -> str:
    from collections import Counter

    severities = Counter(f.severity for f in report.findings)
    earlier = sum(a.earlier for a in report.articles)
    parts = [
        f"{len(report.articles) - earlier} articles" + (f" (+ {earlier} from earlier runs)" if earlier else ""),
        f"{len(report.claims)} claims",
        f"{len(report.groups)} groups",
        f"{len(report.findings)} findings ({severities.get('error', 0)} error, {severities.get('warning', 0)} warning, {severities.get('info', 0)} info)",
    ]
    if report.input_errors:
        parts.append(f"{len(report.input_errors)} input errors")
    line = "claimcheck: " + ", ".join(parts)
    if written:
        line += "\nclaimcheck: wrote " + ", ".join(written)
    return line


def _cmd_extract(args: argparse.Namespace) -> int:
    import datetime as dt

    from checker.models import Article
    from checker.pipeline import check_articles, load_ruleset, read_inputs

    options = _options(args, disable_rules=tuple(args.disable) + ("compare",))
    rules = load_ruleset(options)
    if args.paths:
        ingested = read_inputs(args.paths)
        articles, errors = ingested.articles, ingested.input_errors
    else:
        published = dt.date.fromisoformat(args.date) if args.date else None
        articles = [Article(id="<stdin>", path="<stdin>", text=sys.stdin.read(), published=published)]
        errors = []
    for error in errors:
        print(f"claimcheck: input error: {error.path}: {error.reason}", file=sys.stderr)
    report = check_articles(articles, options, rules, align=False)
    for claim in report.claims:
        sys.stdout.write(claim.model_dump_json() + "\n")
    return EXIT_CLEAN if report.articles else EXIT_USAGE


def _cmd_eval(args: argparse.Namespace) -> int:
    from checker.evaluation import format_table, run_eval
    from checker.pipeline import load_ruleset, run_check

    options = _options(args)
    rules = load_ruleset(options)
    if args.cv:
        return _cmd_cross_validate(args, options, rules)
    result = run_eval(args.gold, lambda paths: run_check(paths, options, rules=rules))
    if args.json:
        print(result.model_dump_json(indent=2))
    else:
        print(format_table(result))
    return EXIT_CLEAN


def _cmd_cross_validate(args: argparse.Namespace, options, rules) -> int:
    from checker.align.pair_model import load_pair_model
    from checker.evaluation import EvalResult, format_table
    from checker.evaluation.crossval import cross_validate, format_sweep
    from checker.evaluation.training import ModelConfig, load_cluster
    from checker.nlp.embedding_model import embed_texts

    if len(args.gold) < 2:
        print("claimcheck: error: --cv needs at least two gold files (one is left out at a time)", file=sys.stderr)
        return EXIT_USAGE
    trained_on = None
    if args.train_on is not None:
        chosen = {path.resolve() for path in args.train_on}
        unknown = sorted(str(p) for p in chosen - {path.resolve() for path in args.gold})
        trained_on = [path.resolve() in chosen for path in args.gold]
        if unknown or sum(trained_on) < 2:
            print("claimcheck: error: --train-on needs at least two of the gold files given"
                  + (f" (not among them: {', '.join(unknown)})" if unknown else ""), file=sys.stderr)
            return EXIT_USAGE
    clusters = [load_cluster(path, options, rules, embed_texts) for path in args.gold]
    cv = cross_validate(clusters, ModelConfig.of(load_pair_model()), rules, options, trained_on=trained_on)
    if args.json:
        print(cv.model_dump_json(indent=2))
        return EXIT_CLEAN
    print(f"leave-one-cluster-out ({len(clusters)} folds, {cv.config.family} {cv.config.strength:g}, "
          f"min_confidence {cv.min_confidence:.2f})")
    print(format_table(EvalResult(files=cv.files, overall=cv.overall, counts=cv.counts)))
    if cv.untrained_overall is not None:
        untrained = [f for f, t in zip(cv.files, trained_on or []) if not t]
        print()
        print(f"never trained on ({len(untrained)} files, scored by models fitted on the --train-on files):")
        print(format_table(EvalResult(files=untrained, overall=cv.untrained_overall, counts=cv.untrained_counts),
                           details=False))
    print()
    print(format_sweep(cv))
    return EXIT_CLEAN


def _cmd_rules(args: argparse.Namespace) -> int:
    from checker.pipeline import load_ruleset

    rules = load_ruleset(_options(args))
    if args.test:
        return _test_rules(rules)
    rows = [
        {"id": rid, "type": rule.type, "enabled": rule.enabled, "description": " ".join(rule.description.split()),
         "file": str(rules.sources[rid]), "tests": len(rule.tests)}
        for rid, rule in rules.rules.items()
    ]
    if args.json:
        print(json.dumps(rows, indent=2))
        return EXIT_CLEAN
    for row in rows:
        state = "" if row["enabled"] else " (disabled)"
        print(f"{row['id']}{state} [{row['type']}]\n    {row['description']}")
    return EXIT_CLEAN


def _test_rules(rules) -> int:
    """Each rule's cases, one line per failure; a user's own rules (--rules DIR) are tested too."""
    from checker.ruleset.selftest import run_rule_test

    failed = total = 0
    for rid, rule in rules.rules.items():
        for test in rule.tests:
            total += 1
            got = run_rule_test(rules, rid, test)
            if got != test.expect:
                failed += 1
                print(f"FAIL {rid}: {test.name}\n    expected {test.expect!r}\n    got      {got!r}")
    print(f"{total - failed} of {total} rule cases passed")
    return EXIT_FINDINGS if failed else EXIT_CLEAN


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
