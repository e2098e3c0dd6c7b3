"""Rule files: YAML under rules/ (and users' folders), validated by pydantic.

A rule's id is its path: ``rules/numbers/tolerance.yml`` -> ``numbers.tolerance``.
"""

from checker.ruleset.loader import RuleError, RuleSet, bundled_rule, bundled_words, default_rules_dir, load_rules

__all__ = ["RuleError", "RuleSet", "bundled_rule", "bundled_words", "default_rules_dir", "load_rules"]
