"""File locations of claims: txt with a stripped date prefix, CRLF, JSON, missing files."""

from __future__ import annotations

import json
from pathlib import Path

from checker.locations import locate_claim, locate_span, relative_path
from checker.models import Article
from report_fixtures import make_claim, sample_report


def _slice(path: str, loc) -> str:
    line = Path(path).read_text(encoding="utf-8").splitlines()[loc.line - 1]
    return line[loc.column - 1 : loc.end_column - 1]


def test_every_fixture_claim_maps_back_to_its_number_in_the_file():
    report = sample_report()
    articles = {a.id: a for a in report.articles}
    for claim in report.claims:
        loc = locate_claim(articles[claim.article_id], claim)
        assert loc.exact and loc.line == loc.end_line
        assert _slice(loc.path, loc) == claim.text, claim.id


def test_date_prefix_on_the_first_line_shifts_the_column():
    # 003 has no prefix, 000 has ' date 2020-02-15 ' before its text on line 1.
    report = sample_report()
    a0 = next(a for a in report.articles if a.id.startswith("000"))
    loc = locate_span(a0, 0, 6)
    assert (loc.line, loc.column) == (1, len(" date 2020-02-15 ") + 1)
    assert _slice(a0.path, loc) == "Russia"


def test_crlf_file_counts_lines_like_the_text(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Title\r\n\r\nSome 42 people.\r\nThen 7 more.\r\n")
    text = "Title\n\nSome 42 people.\nThen 7 more.\n"
    article = Article(id="crlf.txt", path=str(path), text=text)
    loc = locate_span(article, text.index("7"), text.index("7") + 1)
    assert (loc.line, loc.column, loc.end_column) == (4, 6, 7)


def test_json_input_finds_the_escaped_sentence_in_the_raw_file(tmp_path):
    text = 'Intro line.\nThe agency said “about 1,200” people — not 900 — fled.\nEnd.'
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"title": "T", "text": text}, indent=2), encoding="utf-8")
    article = Article(id="a.json", path=str(path), text=text, text_in_file=False)
    claim = make_claim(article, "j1", "not 900", "900", low=900, high=900, point=900)
    loc = locate_claim(article, claim)
    assert loc.exact and loc.line == 3
    assert _slice(str(path), loc) == "900"


def test_json_input_without_the_sentence_falls_back_to_line_one(tmp_path):
    path = tmp_path / "b.json"
    path.write_text('{"text": "rewritten"}', encoding="utf-8")
    article = Article(id="b.json", path=str(path), text="Some 42 people.", text_in_file=False)
    claim = make_claim(article, "j2", "Some 42", "42", low=42, high=42, point=42)
    loc = locate_claim(article, claim)
    assert (loc.line, loc.column, loc.exact) == (1, 1, False)


def test_missing_file_uses_the_ingest_line_offset(tmp_path):
    article = Article(id="gone.txt", path=str(tmp_path / "gone.txt"), text="A\nB has 5 cats.", line_offset=2)
    loc = locate_span(article, 8, 9)
    assert (loc.line, loc.column, loc.exact) == (4, 7, False)


def test_edited_file_is_reread(tmp_path):
    path = tmp_path / "e.txt"
    path.write_text("x\n12 dogs", encoding="utf-8")
    article = Article(id="e.txt", path=str(path), text="12 dogs")
    assert locate_span(article, 0, 2).line == 2
    path.write_text("x\ny\nz\n12 dogs", encoding="utf-8")
    import os
    os.utime(path, ns=(1, 10**18))  # make sure the mtime differs even on coarse clocks
    assert locate_span(article, 0, 2).line == 4


def test_relative_path(tmp_path):
    inside = tmp_path / "d" / "a b.txt"
    assert relative_path(str(inside), tmp_path) == "d/a b.txt"
    assert relative_path("rel/x.txt", tmp_path) == "rel/x.txt"
    assert relative_path("/elsewhere/x.txt", tmp_path) == "/elsewhere/x.txt"


def test_jsonl_record_is_searched_on_its_own_line_first(tmp_path):
    sentence = "The toll rose to 31 people."
    lines = [json.dumps({"text": f"Earlier: {sentence}"}), json.dumps({"text": "Other."}),
             json.dumps({"text": f"Later: {sentence}"})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    text = f"Later: {sentence}"
    article = Article(id="batch.jsonl#3", path=str(path), text=text, line_offset=2, text_in_file=False)
    claim = make_claim(article, "l3", "toll rose", "31", low=31, high=31, point=31)
    loc = locate_claim(article, claim)
    assert (loc.line, loc.exact) == (3, True)
    assert _slice(str(path), loc) == "31"


def test_html_input_finds_the_entity_escaped_sentence(tmp_path):
    path = tmp_path / "page.html"
    path.write_text("<html><body>\n<p>Fees &amp; costs reached 42 million.</p>\n</body></html>", encoding="utf-8")
    text = "Fees & costs reached 42 million."
    article = Article(id="page.html", path=str(path), text=text, text_in_file=False)
    claim = make_claim(article, "h", "costs reached", "42 million", low=42e6, high=42e6, point=42e6)
    loc = locate_claim(article, claim)
    assert (loc.line, loc.exact) == (2, True) and _slice(str(path), loc) == "42 million"
