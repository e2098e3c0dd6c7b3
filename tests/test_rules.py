"""Every rule file is valid, and every named test case in it passes through the real code."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.ruleset import RuleError, load_rules
from checker.ruleset.selftest import run_rule_test

RULES = load_rules()
CASES = [(rid, test) for rid, rule in RULES.rules.items() for test in rule.tests]


def test_every_rule_has_named_test_cases():
    assert RULES.rules, "no rules loaded"
    untested = [rid for rid, rule in RULES.rules.items() if not rule.tests]
    assert untested == []


@pytest.mark.parametrize("rule_id,test", CASES, ids=[f"{rid}: {t.name}" for rid, t in CASES])
def test_rule_case(rule_id, test):
    assert run_rule_test(RULES, rule_id, test) == test.expect


def test_every_outcome_event_names_a_predicate_set():
    # A word that is no set's canonical name would never match a figure, silently.
    from checker.lexicon import Lexicon

    lexicon = Lexicon.from_rules(RULES)
    assert lexicon.outcome_events
    assert sorted(lexicon.outcome_events - set(lexicon.predicate_canonical.values())) == []
    # A toll counts what befell people, so each of its events is one of the outcome events.
    assert lexicon.toll_events and lexicon.toll_events <= lexicon.outcome_events


def test_rule_id_is_its_path():
    assert "numbers.tolerance" in RULES.rules
    assert RULES.sources["compare.value_conflict"].name == "value_conflict.yml"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "myrules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_typo_key_names_file_line_and_key(tmp_path):
    folder = _write(tmp_path, "t.yml", "type: finding\nfinding: value_conflict\ndescription: x\nseverty: error\n")
    with pytest.raises(RuleError) as err:
        load_rules([folder])
    message = str(err.value)
    assert "t.yml:4" in message and "severty" in message


def test_wrong_type_names_line(tmp_path):
    folder = _write(tmp_path, "tol.yml", "type: approximators\ndescription: x\napprox_tolerance: lots\n")
    with pytest.raises(RuleError) as err:
        load_rules([folder])
    assert "tol.yml:3" in str(err.value) and "approx_tolerance" in str(err.value)


def test_broken_yaml_names_line(tmp_path):
    folder = _write(tmp_path, "bad.yml", "type: synonyms\ndescription: [unclosed\napplies_to: counted\n")
    with pytest.raises(RuleError) as err:
        load_rules([folder])
    assert "bad.yml" in str(err.value) and "invalid YAML" in str(err.value)


def test_user_folder_overrides_shipped_rule_by_id(tmp_path):
    folder = tmp_path / "mine"
    (folder / "compare").mkdir(parents=True)
    (folder / "compare" / "value_conflict.yml").write_text(
        "type: finding\nfinding: value_conflict\ndescription: stricter\nseverity: warning\n", encoding="utf-8"
    )
    rules = load_rules([folder])
    assert rules.finding_rules()["compare.value_conflict"].severity == "warning"


def test_disable_by_prefix():
    rules = RULES.select(disable=["compare"])
    assert rules.finding_rules() == {}
    assert "numbers.tolerance" in rules.enabled()


def test_a_pair_rule_naming_no_check_of_the_aligner_stops_the_run(tmp_path):
    from checker.pipeline import PipelineOptions, load_ruleset

    folder = _write(tmp_path, "mine.yml", "type: pair_rule\ncheck: moon_phases\ndescription: x\nmessage: y\n")
    with pytest.raises(RuleError) as err:
        load_ruleset(PipelineOptions(rules_dirs=[folder]))
    assert "mine.yml" in str(err.value) and "moon_phases" in str(err.value) and "past_and_present" in str(err.value)


def test_a_disabled_pair_rule_keeps_nothing_apart():
    """`--disable align.holders` switches the rule off in the aligner, as in `claimcheck rules`."""
    from checker.lexicon import Lexicon
    from checker.models import Article
    from checker.pipeline import check_articles
    from checker.align.pair_rules import never_together

    texts = ("The Angels have made an eight-year offer to Mark Teixeira.",
             "Sabathia agreed to a seven-year, $161-million deal with the Yankees.")
    claims = check_articles([Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)], align=False).claims
    offer = next(i for i, c in enumerate(claims) if c.text.startswith("eight-year"))
    deal = next(i for i, c in enumerate(claims) if c.text.startswith("seven-year"))
    assert never_together(claims, Lexicon.from_rules(RULES))[offer, deal]
    off = RULES.select(disable=["align.holders"])
    assert "align.holders" not in dict(Lexicon.from_rules(off).pair_checks)
    assert not never_together(claims, Lexicon.from_rules(off))[offer, deal]


def test_a_disabled_veto_lets_the_classifier_link_the_pair():
    """`--disable align.counted_things_differ` lifts the veto, in the pipeline and training alike."""
    from checker.align.pair_rules import vetoed
    from checker.lexicon import Lexicon
    from checker.models import Article
    from checker.pipeline import check_articles
    from checker.align import claim_vectors, pair_features
    from checker.nlp.embedding_model import embed_texts

    texts = ("Syrian shelling killed 13 Turkish troops in Idlib.", "Government forces seized 13 towns and villages in Idlib.")
    claims = check_articles([Article(id=f"{i}.txt", path=f"{i}.txt", text=t) for i, t in enumerate(texts)], align=False).claims
    troops, towns = (next(i for i, c in enumerate(claims) if c.article_id == f"{k}.txt") for k in (0, 1))
    features = pair_features(claims, claim_vectors(claims, embed_texts), Lexicon.from_rules(RULES))
    assert vetoed(claims, features, Lexicon.from_rules(RULES))[troops, towns]
    off = Lexicon.from_rules(RULES.select(disable=["align.counted_things_differ"]))
    assert not vetoed(claims, features, off).any()


def test_a_furniture_pattern_that_does_not_compile_names_the_file(tmp_path):
    folder = _write(tmp_path, "f.yml", "type: furniture\ndescription: x\npatterns: ['(unclosed']\n")
    with pytest.raises(RuleError) as err:
        load_rules([folder])
    assert "f.yml" in str(err.value) and "(unclosed" in str(err.value)
