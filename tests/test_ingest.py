"""The ingest stage on real corpora and on every kind of broken input we could think of."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.ingest import IngestLimits, IngestResult, articles_from_records, read_inputs
from checker.models import Article

ROOT = Path(__file__).resolve().parent.parent
IDLIB = ROOT / "examples" / "idlib-2020"
ECB = ROOT / "tests" / "data" / "ecbplus"

GOOD_TXT = " date 2020-02-15 Russia said 51 soldiers were killed.\n\nMore text.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def errors_for(result: IngestResult, path: Path | str) -> list[str]:
    return [e.reason for e in result.input_errors if e.path == str(path)]


def read_with_good_neighbour(tmp_path: Path, name: str, content: str | bytes) -> tuple[IngestResult, Path]:
    """Read a bad file in one batch with a good one; the good one must still be read."""
    bad = write(tmp_path, name, content)
    good = write(tmp_path, "zz_good.txt", GOOD_TXT)
    result = read_inputs([bad, good])
    assert [a.path for a in result.articles] == [str(good)]
    return result, bad


# --------------------------------------------------------------------------- real corpora


def test_idlib_folder_reads_five_articles_with_their_dates() -> None:
    result = read_inputs([IDLIB])
    assert result.input_errors == [] and result.warnings == []
    assert [a.id for a in result.articles] == sorted(p.name for p in IDLIB.glob("*.txt"))
    dates = {a.id[:3]: a.published for a in result.articles}
    assert dates == {"000": dt.date(2020, 2, 15), "001": dt.date(2020, 2, 17), "002": None,
                     "003": None, "004": dt.date(2020, 2, 4)}
    for article in result.articles:
        raw = (IDLIB / article.id).read_text(encoding="utf-8")
        assert article.text_in_file and article.path == str(IDLIB / article.id)
        assert raw.endswith(article.text)  # verbatim: only the date prefix is removed
        assert "date 2020" not in article.text[:20]
        assert article.title is None
    first = result.articles[0]
    assert first.text.startswith("Russia and Turkey failed to reach an agreement")
    assert first.line_offset == 0  # the article goes on on the date line itself


def test_ecbplus_json_has_the_title_in_the_text() -> None:
    result = read_inputs([ECB / "10ecb"])
    assert result.input_errors == []
    assert len(result.articles) == len(list((ECB / "10ecb").glob("*.json")))
    for article in result.articles:
        record = json.loads((ECB / "10ecb" / article.id).read_text(encoding="utf-8"))
        assert article.title == record["title"].strip()
        assert article.text.startswith(record["title"].strip())
        assert article.text.endswith(record["text"])
        assert article.source == record["source_domain"]
        assert article.text_in_file is False


def test_headline_only_record_is_an_article() -> None:
    """Parts of ECB+ keep only the headline ("text": ""); the claims are in it."""
    (article,) = read_inputs([ECB / "22ecb" / "22_1ecb.json"]).articles
    assert article.text.startswith("Sixty-year-old Sharron Diane Crawford Smith is now accused")
    assert article.text == article.title


def test_free_form_publication_dates_are_read() -> None:
    result = read_inputs([ECB / "18ecbplus"])
    dates = {a.id: a.published for a in result.articles}
    assert dates["18_9ecbplus.json"] == dt.date(2007, 4, 10)  # "Published : April 10, 2007"
    assert dates["18_2ecbplus.json"] == dt.date(2007, 4, 9)  # "Updated 4 / 9 / 2007 6 : 04 PM"
    assert dates["18_5ecbplus.json"] is None  # date_publish is ""
    assert result.warnings == []


def test_whole_ecbplus_tree_reads_without_errors() -> None:
    result = read_inputs([ECB])
    assert result.input_errors == []
    ids = [a.id for a in result.articles]
    assert len(ids) == len(set(ids)) == len(list(ECB.rglob("*.json")))
    assert all("/" in i for i in ids)  # ids relative to the argument, with forward slashes


# --------------------------------------------------------------------------- text formats


def test_date_line_alone_and_colon_form(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "date: 2021-03-04\nThe body, 12 dead.\n")
    (article,) = read_inputs([path]).articles
    assert article.published == dt.date(2021, 3, 4)
    assert article.text == "The body, 12 dead.\n"
    assert article.line_offset == 1
    assert article.id == "a.txt"


def test_text_without_date_line_is_kept_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Headline\n\nBody with 3 numbers.")
    (article,) = read_inputs([path]).articles
    assert article.published is None and article.text == "Headline\n\nBody with 3 numbers."


def test_impossible_date_is_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2020-13-45 Text.\n")
    result = read_inputs([path])
    assert result.articles[0].published is None and result.articles[0].text == "Text.\n"
    assert "impossible date" in result.warnings[0].message


def test_date_line_without_text_is_an_error(tmp_path: Path) -> None:
    result, bad = read_with_good_neighbour(tmp_path, "a.txt", " date 2020-02-15\n\n  \n")
    assert errors_for(result, bad) == ["no article text after the date line"]


def test_markdown_heading_is_the_title(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", " date 2020-02-15\n# Big fire kills 3 #\n\nBody.")
    (article,) = read_inputs([path]).articles
    assert article.title == "Big fire kills 3"
    assert article.text.startswith("# Big fire")  # claims in the heading stay in the text


def test_crlf_newlines_are_normalised_like_universal_newlines(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b" date 2020-02-15\r\nLine one.\r\nLine two.\rThree.")
    (article,) = read_inputs([path]).articles
    assert article.text == "Line one.\nLine two.\nThree."
    assert article.line_offset == 1


def test_newsplease_json_with_description_and_date(tmp_path: Path) -> None:
    record = {"title": "Quake kills 5", "description": "A strong quake hit.",
              "text": "The quake killed 5 people.", "date_publish": "2020-02-04 10:00:00",
              "source_domain": "example.com", "url": "https://example.com/a", "authors": []}
    path = write(tmp_path, "a.json", json.dumps(record))
    (article,) = read_inputs([path]).articles
    assert article.text == "Quake kills 5\n\nA strong quake hit.\n\nThe quake killed 5 people."
    assert article.published == dt.date(2020, 2, 4)
    assert (article.source, article.url, article.title) == ("example.com", "https://example.com/a", "Quake kills 5")


def test_title_already_at_the_start_of_text_is_not_repeated(tmp_path: Path) -> None:
    record = {"title": "Quake kills 5", "description": "", "text": "Quake kills 5\nMore.", "maintext": None}
    (article,) = read_inputs([write(tmp_path, "a.json", json.dumps(record))]).articles
    assert article.text == "Quake kills 5\nMore."


def test_maintext_field_of_newer_newsplease_is_accepted(tmp_path: Path) -> None:
    record = {"title": "T", "maintext": "Body 7.", "date_publish": "2019-01-02T03:04:05Z"}
    (article,) = read_inputs([write(tmp_path, "a.json", json.dumps(record))]).articles
    assert article.text == "T\n\nBody 7." and article.published == dt.date(2019, 1, 2)


def test_unreadable_date_publish_is_a_warning(tmp_path: Path) -> None:
    record = {"title": "T", "text": "Body.", "date_publish": "yesterday"}
    result = read_inputs([write(tmp_path, "a.json", json.dumps(record))])
    assert result.articles[0].published is None
    assert "unreadable publication date" in result.warnings[0].message


def test_json_list_gives_numbered_ids_and_reports_bad_items(tmp_path: Path) -> None:
    items = [{"title": "A", "text": "One."}, {"title": "B"}, "not an object", {"text": "Three."}]
    result = read_inputs([write(tmp_path, "list.json", json.dumps(items))])
    assert [a.id for a in result.articles] == ["list.json#1", "list.json#4"]
    assert [e.reason for e in result.input_errors] == [
        "list item 2: no 'text' field: expected a news-please article with 'title' and 'text'",
        "list item 3: expected an article object, found a string",
    ]


def test_jsonl_reads_one_article_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"title": f"T{i}", "text": f"Body {i}."}) for i in range(3)]
    path = write(tmp_path, "batch.jsonl", "\n".join(lines[:2]) + "\n\n" + lines[2] + "\n")
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["batch.jsonl#1", "batch.jsonl#2", "batch.jsonl#4"]
    assert [a.line_offset for a in result.articles] == [0, 1, 3]
    assert result.input_errors == []


def test_html_page_via_trafilatura(tmp_path: Path) -> None:
    page = """<html><head><title>Fire kills 3 - Daily Example</title>
    <meta property="og:title" content="Fire kills 3">
    <meta property="og:site_name" content="Daily Example">
    <meta property="article:published_time" content="2020-02-04T10:00:00Z"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Fire kills 3</h1>
    <p>A fire in the old town killed 3 people on Tuesday, the fire brigade said in a statement.</p>
    <p>More than 40 firefighters fought the blaze for six hours before it was under control.</p>
    </article><footer>Copyright 2020</footer></body></html>"""
    (article,) = read_inputs([write(tmp_path, "page.html", page)]).articles
    assert article.title == "Fire kills 3"
    assert article.published == dt.date(2020, 2, 4)
    assert article.source == "Daily Example"
    assert "killed 3 people" in article.text and "More than 40 firefighters" in article.text
    assert article.text.count("Fire kills 3") == 1
    assert "Copyright" not in article.text and not article.text_in_file


def test_html_without_text_is_an_error(tmp_path: Path) -> None:
    result, bad = read_with_good_neighbour(tmp_path, "empty.htm", "<html><body><div></div></body></html>")
    assert errors_for(result, bad) == ["no article text found in the HTML page"]


# --------------------------------------------------------------------------- broken inputs


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (contains NUL bytes)"),
        ("controls.txt", bytes(range(1, 9)) * 20, "binary file (mostly control characters)"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", " \n\t\r\n  ", "file contains only whitespace"),
        ("blank.json", "\n\n", "file contains only whitespace"),
        ("notext.json", '{"title": "A title", "url": null}', "no 'text' field"),
        ("emptytext.json", '{"title": "", "text": "  ", "description": null}', "no article text"),
        ("number.json", "42", "expected an article object, found a number"),
        ("emptylist.json", "[]", "JSON list is empty"),
        ("deep.json", "[" * 100_000, "JSON nested too deeply"),
        ("bigint.json", '{"text": "x", "n": ' + "9" * 5000 + "}", "invalid JSON"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
        ("README", "hello", "unsupported file type '(none)'"),
        ("utf16-no-bom.txt", "Hello 5".encode("utf-16-le"), "save it with a byte-order mark"),
        ("broken-utf16.txt", b"\xff\xfeA\x00\x00\xd8", "not valid UTF-16"),
    ],
)
def test_bad_file_is_an_input_error_and_the_batch_goes_on(tmp_path: Path, name: str, content: str | bytes,
                                                          reason: str) -> None:
    result, bad = read_with_good_neighbour(tmp_path, name, content)
    reasons = errors_for(result, bad)
    assert len(reasons) == 1 and reason in reasons[0], reasons


def test_invalid_json_says_where(tmp_path: Path) -> None:
    result, bad = read_with_good_neighbour(tmp_path, "bad.json", '{\n  "title": "x",\n  "text": oops\n}')
    (error,) = [e for e in result.input_errors if e.path == str(bad)]
    assert error.line == 3
    assert error.reason.startswith("invalid JSON at line 3, column 11: Expecting value")


def test_truncated_json_says_it_ends_early(tmp_path: Path) -> None:
    full = (ECB / "10ecb" / "10_1ecb.json").read_text(encoding="utf-8")
    result, bad = read_with_good_neighbour(tmp_path, "cut.json", full[: len(full) // 2])
    (reason,) = errors_for(result, bad)
    assert reason.startswith("invalid JSON at line 1, column") and "truncated?" in reason


def test_jsonl_with_one_bad_line_names_the_line_and_keeps_the_others(tmp_path: Path) -> None:
    lines = [json.dumps({"title": "A", "text": "Line one, 5 dead."}), '{"title": "broken", "text": ',
             json.dumps({"title": "C"}), json.dumps({"title": "D", "text": "Line four."})]
    path = write(tmp_path, "mixed.jsonl", "\n".join(lines))
    result = read_inputs([path])
    assert [a.id for a in result.articles] == ["mixed.jsonl#1", "mixed.jsonl#4"]
    assert [(e.path, e.line) for e in result.input_errors] == [(str(path), 2), (str(path), 3)]
    assert result.input_errors[0].reason == "line 2: invalid JSON at column 29: Expecting value (the text ends early: truncated?)"
    assert "no 'text' field" in result.input_errors[1].reason


def test_binary_jsonl_is_one_error(tmp_path: Path) -> None:
    result, bad = read_with_good_neighbour(tmp_path, "x.jsonl", b"\x00\x01\x02\n" * 1000)
    assert errors_for(result, bad) == ["binary file (contains NUL bytes), not JSON lines"]


def test_empty_jsonl_is_an_error(tmp_path: Path) -> None:
    result, bad = read_with_good_neighbour(tmp_path, "x.jsonl", "\n  \n")
    assert errors_for(result, bad) == ["no JSON lines: the file is empty or blank"]


def test_bad_jsonl_lines_are_listed_up_to_a_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "junk.jsonl", "not json\n" * 30)
    result = read_inputs([path], IngestLimits(max_errors_per_file=5))
    assert [e.line for e in result.input_errors] == [1, 2, 3, 4, 5, None]
    assert result.input_errors[-1].reason.startswith("25 more bad lines not listed")


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", GOOD_TXT)
    result = read_inputs([tmp_path / "nope.txt", good])
    assert errors_for(result, tmp_path / "nope.txt") == ["no such file or folder"]
    assert len(result.articles) == 1


def test_broken_symlink_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "good.txt", GOOD_TXT)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    result = read_inputs([tmp_path])
    assert "broken symbolic link" in errors_for(result, tmp_path / "dangling.txt")[0]
    assert len(result.articles) == 1


def test_empty_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", ".hidden.txt", GOOD_TXT)  # hidden files do not count
    result = read_inputs([tmp_path / "empty"])
    assert result.articles == []
    assert errors_for(result, tmp_path / "empty")[0].startswith("no articles found in this folder")


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", GOOD_TXT)
    write(corpus, "sub/b.txt", GOOD_TXT)
    (corpus / "sub" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(corpus / "self")  # a link to itself cannot even be resolved
    result = read_inputs([corpus])
    assert [a.id for a in result.articles] == ["a.txt", "sub/b.txt"]
    assert "symbolic link loop" in errors_for(result, corpus / "sub" / "loop")[0]
    assert "symbolic link loop" in errors_for(result, corpus / "self")[0]


def test_unreadable_file_chmod(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can read a chmod 000 file; test_unreadable_file_simulated covers the path")
    bad = write(tmp_path, "secret.txt", GOOD_TXT)
    bad.chmod(0)
    try:
        result = read_inputs([bad, write(tmp_path, "good.txt", GOOD_TXT)])
    finally:
        bad.chmod(0o644)
    assert errors_for(result, bad) == ["permission denied: cannot read this file"]
    assert len(result.articles) == 1


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs even as root: the OS refusing to open a file becomes an input error."""
    bad = write(tmp_path, "secret.txt", GOOD_TXT)
    bad_jsonl = write(tmp_path, "secret.jsonl", '{"text": "x"}\n')
    good = write(tmp_path, "good.txt", GOOD_TXT)
    real_open = open

    def refusing_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file) in (str(bad), str(bad_jsonl)):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    result = read_inputs([bad, bad_jsonl, good])
    assert errors_for(result, bad) == ["permission denied: cannot read this file"]
    assert errors_for(result, bad_jsonl) == ["permission denied: cannot read this file"]
    assert [a.path for a in result.articles] == [str(good)]


def test_unlistable_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can list a chmod 000 folder")
    locked = tmp_path / "locked"
    write(locked, "a.txt", GOOD_TXT)
    locked.chmod(0)
    try:
        result = read_inputs([locked])
    finally:
        locked.chmod(0o755)
    assert "permission denied" in errors_for(result, locked)[0]


def test_fifo_is_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    write(tmp_path, "good.txt", GOOD_TXT)
    result = read_inputs([tmp_path])
    assert errors_for(result, tmp_path / "pipe.txt") == ["not a regular file (a device, pipe or socket)"]
    assert len(result.articles) == 1


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_encodings_decode(tmp_path: Path, encoding: str) -> None:
    text = " date 2020-02-15 Über 1.000 Menschen – «أكثر من ٣»\n"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # big-endian with its byte-order mark
    result = read_inputs([write(tmp_path, "a.txt", data)])
    assert result.input_errors == [] and result.warnings == []
    assert result.articles[0].text == "Über 1.000 Menschen – «أكثر من ٣»\n"
    assert result.articles[0].published == dt.date(2020, 2, 15)


def test_windows_1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    data = "“Smart quotes” cost €5 — café".encode("cp1252")
    path = write(tmp_path, "a.txt", data)
    result = read_inputs([path])
    assert result.articles[0].text == "“Smart quotes” cost €5 — café"
    assert "read as cp1252" in result.warnings[0].message


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path: Path) -> None:
    result = read_inputs([write(tmp_path, "a.txt", b"caf\xe9 \x81 5 dead")])
    assert result.articles[0].text == "caf\xe9 \x81 5 dead"
    assert "latin-1" in result.warnings[0].message


def test_utf16_jsonl_and_cp1252_jsonl(tmp_path: Path) -> None:
    wide = write(tmp_path, "wide.jsonl", ('{"text": "Zürich 5"}\n{"text": "Genève 6"}\n').encode("utf-16"))
    legacy = write(tmp_path, "legacy.jsonl", '{"text": "caf\u00e9 7"}\n'.encode("cp1252"))
    result = read_inputs([wide, legacy])
    assert [a.text for a in result.articles] == ["Zürich 5", "Genève 6", "café 7"]
    assert [a.id for a in result.articles] == ["wide.jsonl#1", "wide.jsonl#2", "legacy.jsonl#1"]
    assert "read as cp1252" in result.warnings[0].message


def test_json_with_lone_surrogate_escape_is_serialisable(tmp_path: Path) -> None:
    result = read_inputs([write(tmp_path, "a.json", '{"title": "bad \\ud800", "text": "x \\udfff 5"}')])
    (article,) = result.articles
    assert "\ufffd" in article.text
    article.model_dump_json()


# --------------------------------------------------------------------------- walking and ids


def test_folders_are_sorted_hidden_entries_skipped_argument_order_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for name in ["b.txt", "a/z.txt", "a/b/c.txt", "c.md", ".git/x.txt", ".hidden.txt", "A.txt"]:
        write(corpus, name, GOOD_TXT)
    single = write(tmp_path, "first.txt", GOOD_TXT)
    result = read_inputs([single, corpus])
    assert [a.id for a in result.articles] == ["first.txt", "A.txt", "a/b/c.txt", "a/z.txt", "b.txt", "c.md"]
    assert result.input_errors == []
    again = read_inputs([single, corpus])
    assert again == result


def test_ids_stay_unique_across_arguments(tmp_path: Path) -> None:
    write(tmp_path / "one", "a.txt", GOOD_TXT)
    write(tmp_path / "two", "a.txt", GOOD_TXT.replace("51", "52"))
    result = read_inputs([tmp_path / "one", tmp_path / "two"])
    ids = [a.id for a in result.articles]
    assert ids == ["a.txt", (tmp_path / "two" / "a.txt").as_posix()]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", GOOD_TXT)
    (tmp_path / "link.txt").symlink_to(path)
    result = read_inputs([path, tmp_path])
    assert [a.id for a in result.articles] == ["a.txt"]
    assert all("read once" in w.message for w in result.warnings) and len(result.warnings) == 2


# --------------------------------------------------------------------------- limits


def test_ten_megabyte_article_is_truncated_with_a_warning(tmp_path: Path) -> None:
    sentence = "Officials said 1,000,000 people were displaced. "  # 48 chars
    path = write(tmp_path, "huge.txt", sentence * (10_000_000 // len(sentence)))
    result = read_inputs([path])
    (article,) = result.articles
    limit = IngestLimits().max_article_chars
    assert limit - 1_000 < len(article.text) <= limit
    assert article.text.endswith(" ")  # cut between words, not inside "1,000,000"
    (warning,) = result.warnings
    assert warning.path == str(path) and "only the first" in warning.message


def test_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    bad = write(tmp_path, "big.txt", "x " * 600)
    assert read_inputs([bad]).input_errors == []  # under the default limit it is read
    result = read_inputs([bad], IngestLimits(max_file_bytes=1_000))
    assert "over the 0.0 MiB limit" in errors_for(result, bad)[0]


def test_jsonl_record_limit_and_long_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Body {i}."}) for i in range(10)]
    lines[3] = json.dumps({"text": "x" * 500})
    path = write(tmp_path, "many.jsonl", "\n".join(lines) + "\n")
    result = read_inputs([path], IngestLimits(max_records_per_file=6, max_file_bytes=200))
    assert [a.id for a in result.articles] == [f"many.jsonl#{n}" for n in (1, 2, 3, 5, 6)]
    assert result.input_errors[0].line == 4 and "line longer than 200 bytes" in result.input_errors[0].reason
    assert "lines from 7 on are not read" in result.warnings[0].message


def test_json_list_record_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "list.json", json.dumps([{"text": f"B{i}"} for i in range(5)]))
    result = read_inputs([path], IngestLimits(max_records_per_file=2))
    assert len(result.articles) == 2 and "only the first 2" in result.warnings[0].message


# --------------------------------------------------------------------------- Python API


def test_articles_from_records() -> None:
    existing = Article(id="mine", path="memory", text="Kept as is.")
    records = ["Just text, 5 dead.", {"id": "x", "title": "T", "text": "Body.", "published": dt.date(2020, 1, 2)},
               {"title": "no text"}, existing, {"id": "x", "text": "Same id again."}]
    result = articles_from_records(records, IngestLimits(max_article_chars=10))
    assert [a.id for a in result.articles] == ["record-1", "x", "mine", "x~2"]
    assert result.articles[1].text == "T\n\nBody." and result.articles[1].published == dt.date(2020, 1, 2)
    assert [(e.line, e.path) for e in result.input_errors] == [(3, "<records>")]
    assert result.articles[0].text == "Just text,"  # capped at a word boundary
    assert len(result.warnings) == 3 and all("only the first" in w.message for w in result.warnings)


# --------------------------------------------------------------------------- properties

EXTENSIONS = [".txt", ".md", ".json", ".jsonl", ".html"]
file_bytes = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
    st.text(max_size=200).map(lambda s: s.encode("utf-16")),
    st.builds(lambda t, d: json.dumps({"title": t, "text": d, "date_publish": t}).encode(),
              st.text(max_size=40), st.text(max_size=80)),
    st.lists(st.sampled_from([b"{", b"}", b"\n", b'"text"', b":", b'"x"', b"[", b"]", b",", b"\x00", b"\xff"]),
             max_size=30).map(b"".join),
)


@given(data=file_bytes, extension=st.sampled_from(EXTENSIONS))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_bytes_give_articles_or_input_errors_never_an_exception(data: bytes, extension: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{extension}"
        path.write_bytes(data)
        result = read_inputs([path])
    assert result.articles or result.input_errors
    assert not any("unexpected error" in e.reason for e in result.input_errors)
    for article in result.articles:
        assert article.text.strip()
        article.model_dump_json()  # no lone surrogates or other unencodable text
    if extension in (".txt", ".md") and result.articles:
        assert result.articles[0].text_in_file


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
@settings(max_examples=150, deadline=None)
def test_any_text_file_is_kept_verbatim_after_the_date_prefix(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(text.encode("utf-8"))
        result = read_inputs([path])
    if result.articles:
        normalised = text.replace("\r\n", "\n").replace("\r", "\n")
        if normalised.startswith("\ufeff"):
            normalised = normalised[1:]
        assert normalised.endswith(result.articles[0].text)
