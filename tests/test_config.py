"""Config loading from pyproject.toml / claimcheck.toml, errors, and command-line merging."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.config import Config, ConfigError, config_from_file, find_config_file, load_config


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(tmp_path):
    config = load_config(tmp_path)
    assert config == Config() and config.fail_on == "error" and config.source is None


def test_pyproject_table_found_from_a_subdirectory_with_paths_resolved(tmp_path):
    _write(tmp_path / "pyproject.toml", """
[project]
name = "newsroom"

[tool.claimcheck]
fail-on = "warning"
rules_dirs = ["house-rules"]
disabled_rules = ["compare.corroborated"]
outputs = ["reports/claims.sarif", "reports/claims.html"]
baseline = "claimcheck-baseline.json"
max-claims-per-article = 300
""")
    sub = tmp_path / "articles" / "2020"
    sub.mkdir(parents=True)
    config = load_config(sub)
    assert config.source == tmp_path / "pyproject.toml"
    assert config.fail_on == "warning" and config.max_claims_per_article == 300
    assert config.rules_dirs == [tmp_path.resolve() / "house-rules"]
    assert config.baseline == tmp_path.resolve() / "claimcheck-baseline.json"
    assert config.outputs[0] == tmp_path.resolve() / "reports/claims.sarif"


def test_claimcheck_toml_wins_and_pyproject_without_table_is_skipped(tmp_path):
    _write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail_on = "info"\n')
    _write(tmp_path / "proj" / "pyproject.toml", '[project]\nname = "x"\n')  # no table: skipped
    assert load_config(tmp_path / "proj").fail_on == "info"
    _write(tmp_path / "proj" / "claimcheck.toml", 'fail_on = "never"\nquiet = true\n')
    _write(tmp_path / "proj" / "pyproject.toml", '[tool.claimcheck]\nfail_on = "info"\n')
    assert find_config_file(tmp_path / "proj") == tmp_path / "proj" / "claimcheck.toml"
    config = load_config(tmp_path / "proj")
    assert (config.fail_on, config.quiet) == ("never", True)


@pytest.mark.parametrize(
    "text, message",
    [
        ('fail_on = "loud"', r"key 'fail_on': Input should be 'info', 'warning', 'error' or 'never'"),
        ('formt = ["json"]', r"unknown key 'formt' \(known keys: rules_dirs, fail_on"),
        ('formats = ["pdf"]', r"key 'formats': .*unknown format\(s\) 'pdf'"),
        ('outputs = ["r.pdf"]', r"key 'outputs': .*cannot tell the report format"),
        ('max_article_chars = 0', r"key 'max_article_chars': Input should be greater than 0"),
        ('fail_on = "error"\nfail-on = "info"', r"given twice"),
        ('fail_on = ', r"not valid TOML: .*line 1"),
    ],
)
def test_bad_config_names_file_and_key(tmp_path, text, message):
    path = _write(tmp_path / "claimcheck.toml", text + "\n")
    with pytest.raises(ConfigError, match=message) as info:
        load_config(tmp_path)
    assert str(path) in str(info.value)


def test_bad_pyproject_names_the_table(tmp_path):
    _write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nquiet = "very"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml \[tool.claimcheck\]: key 'quiet'"):
        config_from_file(tmp_path / "pyproject.toml")


def test_merged_with_command_line(tmp_path):
    _write(tmp_path / "claimcheck.toml", 'fail_on = "warning"\ndisabled_rules = ["compare.single"]\n')
    config = load_config(tmp_path)
    merged = config.merged_with(
        {"fail_on": None, "disabled_rules": ["compare.corroborated"], "quiet": True, "enabled_rules": []}
    )
    assert merged.fail_on == "warning"  # not given on the command line
    assert merged.disabled_rules == ["compare.single", "compare.corroborated"]  # lists of rules add up
    assert merged.quiet is True and merged.source == config.source
    assert config.quiet is False  # the original is unchanged
    assert config.merged_with({"fail_on": "info"}).fail_on == "info"
    with pytest.raises(ConfigError, match="command line: key 'fail_on'"):
        config.merged_with({"fail_on": "loud"})
