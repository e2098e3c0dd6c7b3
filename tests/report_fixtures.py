"""Hand-made but realistic Reports for the reporter tests.

The articles are the real bundled Idlib files (tests/data/idlib-2020); the claims are real
sentences from them with offsets computed from the text, so locations, highlighting and
escaping are exercised on genuine input. ``hostile_report`` builds an article full of markup
and control characters to prove every format escapes article text.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from checker.models import (
    Article,
    Attribution,
    AttributionKind,
    Bound,
    Claim,
    ClaimGroup,
    Finding,
    FindingKind,
    InputError,
    QuantityKind,
    Report,
    TimeScope,
    Value,
    Warning_,
)

DATA = Path(__file__).parent / "data"
IDLIB = DATA / "idlib-2020"
INF = float("inf")

_DATE_LINE = re.compile(r"^\s*date (\d{4}-\d{2}-\d{2})\s+")


def read_article(path: Path, *, source: str | None = None, url: str | None = None) -> Article:
    """Read a bundled txt article the way the ingest stage does: strip a leading ' date ...'."""
    raw = path.read_text(encoding="utf-8")
    published = None
    m = _DATE_LINE.match(raw)
    if m:
        published = dt.date.fromisoformat(m.group(1))
        raw = raw[m.end():]
    return Article(id=path.name, path=str(path), published=published, source=source, url=url, text=raw)


def make_claim(article: Article, claim_id: str, sentence_hint: str, number: str, *,
               low: float, high: float, point: float, bound: Bound = Bound.exact,
               kind: QuantityKind = QuantityKind.count, counted: str | None = None,
               scope: TimeScope | None = None, attribution: Attribution | None = None) -> Claim:
    """A claim whose sentence contains ``sentence_hint``; offsets come from the real text."""
    text = article.text
    hint_at = text.index(sentence_hint)
    # Sentence bounds: back to the previous '. ' / newline, forward to the next '.'.
    dot = text.rfind(". ", 0, hint_at)
    s_start = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, hint_at) + 1)
    end_match = re.compile(r"[.!?](?=\s|$)").search(text, hint_at + len(sentence_hint))
    s_end = end_match.end() if end_match else len(text)
    start = text.index(number, hint_at)
    return Claim(
        id=claim_id, article_id=article.id, start=start, end=start + len(number), text=number,
        sentence=text[s_start:s_end], sentence_start=s_start, value=Value(low=low, high=high, point=point),
        bound=bound, kind=kind, counted=counted, scope=scope or TimeScope(), attribution=attribution or Attribution(),
    )


def sample_report() -> Report:
    """Five Idlib articles, four flagged groups (error, warning, info) and one quiet group."""
    a0 = read_article(IDLIB / "000_ff91b9868b4e3f07.txt", source="dw.com", url="https://www.dw.com/en/idlib")
    a1 = read_article(IDLIB / "001_f1ad60ce1bf9bb13.txt", source="ft.com")
    a2 = read_article(IDLIB / "002_559172da4113f768.txt")
    a3 = read_article(IDLIB / "003_bd4801d75e431643.txt", source="arabnews.com")
    a4 = read_article(IDLIB / "004_808f13ad6bbbdc29.txt", source="aljazeera.com")
    un = Attribution(source="a UN spokesperson", source_normalized="un spokesperson", cue="said",
                     kind=AttributionKind.reported_speech)
    claims = [
        make_claim(a0, "c-ref-000", "It already hosts", "3.5 million", low=3.5e6, high=3.5e6, point=3.5e6,
                   counted="refugees"),
        make_claim(a3, "c-ref-003", "Turkey has already accepted", "3.6 million", low=3.6e6, high=3.6e6,
                   point=3.6e6, counted="Syrian refugees"),
        make_claim(a4, "c-ref-004", "Turkey is home to", "around 3.6 million", low=3.42e6, high=3.78e6,
                   point=3.6e6, bound=Bound.approx, counted="Syrians"),
        make_claim(a0, "c-disp-000", "Of the almost 900,000", "almost 900,000", low=800_000, high=900_000,
                   point=900_000, bound=Bound.at_most, counted="forced from their homes",
                   scope=TimeScope(text="in the last three months", start=dt.date(2019, 11, 15),
                                   end=dt.date(2020, 2, 15)), attribution=un),
        make_claim(a3, "c-disp-003", "has driven almost 700,000", "almost 700,000", low=600_000,
                   high=700_000, point=700_000, bound=Bound.at_most, counted="people",
                   scope=TimeScope(text="in the past 10 weeks")),
        make_claim(a2, "c-loss-002", "“neutralized” more than 100", "more than 100", low=100, high=INF,
                   point=100, bound=Bound.more_than, counted="soldiers of the Syrian regime",
                   attribution=Attribution(source="The Turkish Defense Ministry", cue="claims",
                                           kind=AttributionKind.reported_speech)),
        make_claim(a3, "c-loss-003", "51 Syrian soldiers", "51", low=51, high=51, point=51,
                   counted="Syrian soldiers",
                   attribution=Attribution(source="Turkey", cue="announced", kind=AttributionKind.reported_speech)),
        make_claim(a0, "c-trp-000", "left 13 Turkish troops dead", "13", low=13, high=13, point=13,
                   counted="Turkish troops"),
        make_claim(a1, "c-trp-001", "killed 13 Turkish troops", "13", low=13, high=13, point=13,
                   counted="Turkish troops"),
        make_claim(a2, "c-trp-002", "deaths of 13 Turkish soldiers", "13", low=13, high=13, point=13,
                   counted="Turkish soldiers"),
        make_claim(a2, "c-tgt-002", "against 115 targets", "115", low=115, high=115, point=115,
                   counted="targets"),
    ]
    groups = [
        ClaimGroup(id="g-refugees", label="refugees hosted by Turkey",
                   claim_ids=["c-ref-000", "c-ref-003", "c-ref-004"]),
        ClaimGroup(id="g-displaced", label="people displaced in Idlib", claim_ids=["c-disp-000", "c-disp-003"]),
        ClaimGroup(id="g-losses", label="Syrian soldiers hit", claim_ids=["c-loss-002", "c-loss-003"]),
        ClaimGroup(id="g-troops", label="Turkish troops killed", claim_ids=["c-trp-000", "c-trp-001", "c-trp-002"]),
        ClaimGroup(id="g-targets", label="targets struck", claim_ids=["c-tgt-002"]),
    ]
    findings = [
        Finding(id="f1", rule="compare.value_conflict", kind=FindingKind.value_conflict, severity="warning",
                message="3.5 million refugees (000_ff91b9868b4e3f07.txt) vs 3.6 million (003, 004)",
                group_id="g-refugees", claim_ids=["c-ref-000", "c-ref-003", "c-ref-004"],
                fingerprint="3f1c0a9e5b7d2c41"),
        Finding(id="f2", rule="compare.value_conflict", kind=FindingKind.value_conflict, severity="error",
                message="almost 900,000 displaced vs almost 700,000: the intervals do not overlap",
                group_id="g-displaced", claim_ids=["c-disp-000", "c-disp-003"], fingerprint="8a2e4f6b1c3d5e70"),
        Finding(id="f3", rule="compare.scope_differs", kind=FindingKind.scope_differs, severity="warning",
                message="'in the last three months' vs 'in the past 10 weeks'",
                group_id="g-displaced", claim_ids=["c-disp-000", "c-disp-003"], fingerprint="b7c9d1e3f5a70912"),
        Finding(id="f4", rule="compare.measure_differs", kind=FindingKind.measure_differs, severity="warning",
                message="'neutralized' more than 100 vs 51 'killed'", group_id="g-losses",
                claim_ids=["c-loss-002", "c-loss-003"], fingerprint="c4d6e8f0a2b4c6d8"),
        Finding(id="f5", rule="compare.corroborated", kind=FindingKind.corroborated, severity="info",
                message="three outlets agree: 13 Turkish troops killed", group_id="g-troops",
                claim_ids=["c-trp-000", "c-trp-001", "c-trp-002"], fingerprint="d5e7f9a1b3c5d7e9"),
    ]
    return Report(
        articles=[a0, a1, a2, a3, a4], claims=claims, groups=groups, findings=findings,
        input_errors=[InputError(path=str(IDLIB / "broken.json"), line=3, reason="invalid JSON: Expecting ','")],
        warnings=[Warning_(path=a4.path, message="article truncated to 200000 characters")],
    )


#: Every way article text could try to break out of its format.
HOSTILE_TEXT = (
    "Officials said <script>alert(1)</script> that 42 people fled. "
    "Another <img src=x onerror=alert(1)> source put it at 57 people. "
    "A link [click](javascript:alert(1)) and <a href=\"javascript:alert(1)\">here</a> with ]]> "
    "and \"quotes\" and `backticks` | pipes | and %0A::error::x and 3,000 more.\x01\x0b"
)


def hostile_report(tmp_dir: Path) -> Report:
    """An article whose text, title, source and URL are all attacks; claims on top of them."""
    path = tmp_dir / "hostile <article>.txt"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    article = Article(id="hostile <article>.txt", path=str(path), title="<script>alert('title')</script>",
                      source="<b>evil</b> | outlet", url="javascript:alert(1)", text=HOSTILE_TEXT)
    other_path = tmp_dir / "plain.txt"
    other_text = "A second outlet reported 42 people fled the town."
    other_path.write_text(other_text, encoding="utf-8")
    other = Article(id="plain.txt", path=str(other_path), url="https://example.org/a?b=1&c=<2>", text=other_text)
    evil_source = Attribution(source="<img src=x onerror=alert(1)>", cue="said`", kind=AttributionKind.according_to)
    c1 = make_claim(article, "h1", "Officials said", "42", low=42, high=42, point=42,
                    attribution=evil_source, scope=TimeScope(text="<script>alert(2)</script>"))
    c2 = make_claim(article, "h2", "source put it at", "57", low=57, high=57, point=57)
    c3 = make_claim(other, "h3", "reported 42", "42", low=42, high=42, point=42)
    finding = Finding(
        id="hf1", rule="compare.value_conflict", kind=FindingKind.value_conflict, severity="error",
        message="<script>alert('msg')</script> 42 vs 57 | `x` ]]> \"q\" %0A\n::error::injected",
        group_id="hg", claim_ids=["h1", "h2", "h3"], fingerprint="ffee<ddcc>|`",
    )
    return Report(
        articles=[article, other], claims=[c1, c2, c3],
        groups=[ClaimGroup(id="hg", label="<i>people</i> fled ]]> | `x`", claim_ids=["h1", "h2", "h3"])],
        findings=[finding],
        # The same hostile text as a possible finding: the folded section escapes it too.
        possible_findings=[finding.model_copy(update={"id": "hf2", "fingerprint": "possible<x>", "confidence": 0.2})],
        input_errors=[InputError(path=str(tmp_dir / "bad<x>.json"), reason="<script>alert('err')</script>")],
    )


# --------------------------------------------------------------------------- browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright):
    """Debian's headless Chromium via Playwright (never Playwright's downloaded browser)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
