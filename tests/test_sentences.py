"""The rule-based sentence splitter on real article text."""

from pathlib import Path

from checker.nlp.sentences import split_sentences

IDLIB = Path(__file__).parent / "data" / "idlib-2020"


def _texts(text):
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_splits_on_terminal_punctuation_and_keeps_abbreviations():
    text = "U.S. officials met Mr. Smith on Feb. 3. The talks failed. \"We tried,\" he said."
    assert _texts(text) == ["U.S. officials met Mr. Smith on Feb. 3.", "The talks failed.", "\"We tried,\" he said."]


def test_decimal_numbers_do_not_split():
    assert len(_texts("It hosts 3.6 million refugees. Another 1.2m fled.")) == 2


def test_a_full_stop_glued_to_the_next_sentence_by_a_scrape_splits():
    text = "HP made a bid to purchase EDS.EDS has about 50 employees. The U.S.Army and Mr.Smith stay whole."
    assert _texts(text) == [
        "HP made a bid to purchase EDS.",
        "EDS has about 50 employees.",
        "The U.S.Army and Mr.Smith stay whole.",
    ]


def test_paragraph_breaks_split():
    assert _texts("Erdogan threatens 'imminent' attack\n\nThe Turkish leader spoke.") == [
        "Erdogan threatens 'imminent' attack",
        "The Turkish leader spoke.",
    ]


def test_spans_cover_real_article_in_order():
    text = (IDLIB / "000_ff91b9868b4e3f07.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert len(spans) > 20
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    joined = [text[s.start : s.end] for s in spans]
    assert any(s.startswith("It already hosts 3.5 million refugees.") for s in joined)
