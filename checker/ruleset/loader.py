"""Reads rule folders into a validated :class:`RuleSet`; a bad file stops the run with file and line."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Sequence

import yaml
from pydantic import TypeAdapter, ValidationError

from checker.ruleset.schema import (
    AnyRule,
    ApproximatorRule,
    FacetRule,
    FurnitureRule,
    FindingRule,
    HierarchyRule,
    PairRule,
    SourceAliasRule,
    SynonymRule,
    ToleranceRule,
    WordsRule,
)

_RULE_ADAPTER: TypeAdapter = TypeAdapter(AnyRule)


class RuleError(Exception):
    """A rule file that cannot be used: names the file, the line and the key."""

    def __init__(self, path: Path, line: int | None, message: str):
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def default_rules_dir() -> Path:
    """The rules/ folder shipped with claimcheck (next to the package in a checkout)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parent.parent / "rules", here.parent / "_rules"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("claimcheck's rules/ folder was not found next to the package")


def rule_id_for(path: Path, root: Path) -> str:
    """``numbers/tolerance.yml`` under ``root`` -> ``numbers.tolerance``."""
    relative = path.relative_to(root).with_suffix("")
    return ".".join(relative.parts)


class RuleSet:
    """All loaded rules by id, with typed accessors for the compare and extract stages."""

    def __init__(self, rules: dict[str, AnyRule], sources: dict[str, Path]):
        self.rules = dict(sorted(rules.items()))
        self.sources = sources

    def enabled(self) -> dict[str, AnyRule]:
        return {rid: rule for rid, rule in self.rules.items() if rule.enabled}

    def of_type(self, cls: type) -> list[tuple[str, object]]:
        return [(rid, r) for rid, r in self.enabled().items() if isinstance(r, cls)]

    def select(self, enable: Sequence[str] = (), disable: Sequence[str] = ()) -> "RuleSet":
        """A copy with rules switched by id prefix (``compare.`` disables every finding rule)."""
        chosen: dict[str, AnyRule] = {}
        for rid, rule in self.rules.items():
            on = rule.enabled
            if any(_matches(rid, p) for p in enable):
                on = True
            if any(_matches(rid, p) for p in disable):
                on = False
            chosen[rid] = rule.model_copy(update={"enabled": on})
        return RuleSet(chosen, self.sources)

    # Typed accessors -----------------------------------------------------------------
    def tolerance(self) -> ToleranceRule:
        found = self.of_type(ToleranceRule)
        if not found:
            return ToleranceRule(type="tolerance", description="built-in: exact", tolerances={})
        return found[-1][1]  # type: ignore[return-value]

    def approx_tolerance(self) -> float:
        found = self.of_type(ApproximatorRule)
        return found[-1][1].approx_tolerance if found else 0.05  # type: ignore[union-attr]

    def words(self, role: str) -> frozenset[str]:
        """The words of every enabled `words` rule with ``role``, lower-cased."""
        return frozenset(w.lower() for _, r in self.of_type(WordsRule) if r.role == role for w in r.words)  # type: ignore[union-attr]

    def word_fields(self, rule_type: type, fields: Sequence[str]) -> dict[str, frozenset[str]]:
        """Per field of ``rule_type``, the words of every enabled rule of that type, lower-cased."""
        found = [r for _, r in self.of_type(rule_type)]
        return {field: frozenset(w.lower() for r in found for w in getattr(r, field)) for field in fields}

    def pair_checks(self) -> tuple[tuple[str, str], ...]:
        """(rule id, check) of the enabled rules of rules/align/, in id order."""
        return tuple((rid, r.check) for rid, r in self.of_type(PairRule))  # type: ignore[union-attr]

    def facets(self) -> list[FacetRule]:
        """The facet rules of rules/facets/, in id order."""
        return [r for _, r in self.of_type(FacetRule)]  # type: ignore[misc]

    def furniture(self) -> list[FurnitureRule]:
        """The page-furniture rules of rules/furniture/, in id order."""
        return [r for _, r in self.of_type(FurnitureRule)]  # type: ignore[misc]

    def synonyms(self, applies_to: str) -> list[SynonymRule]:
        return [r for _, r in self.of_type(SynonymRule) if r.applies_to == applies_to]  # type: ignore[union-attr]

    def hierarchies(self, applies_to: str) -> list[HierarchyRule]:
        return [r for _, r in self.of_type(HierarchyRule) if r.applies_to == applies_to]  # type: ignore[union-attr]

    def source_aliases(self) -> list[SourceAliasRule]:
        return [r for _, r in self.of_type(SourceAliasRule)]  # type: ignore[misc]

    def finding_rules(self) -> dict[str, FindingRule]:
        return {rid: r for rid, r in self.of_type(FindingRule)}  # type: ignore[misc]


def _matches(rule_id: str, prefix: str) -> bool:
    prefix = prefix.rstrip(".")
    return rule_id == prefix or rule_id.startswith(prefix + ".")


def load_rules(extra_dirs: Iterable[Path | str] = (), include_default: bool = True) -> RuleSet:
    """Load the shipped rules, then each user folder; a later file with the same id replaces."""
    rules: dict[str, AnyRule] = {}
    sources: dict[str, Path] = {}
    roots = ([default_rules_dir()] if include_default else []) + [Path(d) for d in extra_dirs]
    for root in roots:
        if not root.is_dir():
            raise RuleError(root, None, "rules folder does not exist or is not a folder")
        for path in sorted(root.rglob("*.y*ml")):
            if path.suffix not in (".yml", ".yaml") or any(p.startswith(".") for p in path.parts):
                continue
            rid = rule_id_for(path, root)
            rules[rid] = load_rule_file(path)
            sources[rid] = path
    return RuleSet(rules, sources)


@lru_cache(maxsize=None)
def bundled_rule(rule_id: str) -> AnyRule:
    """One rule of the shipped rules/ by id (``lexicons.days``), read once: for the word tables
    a module builds where no RuleSet is at hand (a user's rule folders do not change them)."""
    return load_rule_file(default_rules_dir().joinpath(*rule_id.split(".")).with_suffix(".yml"))


def bundled_words(rule_id: str) -> frozenset[str]:
    """The words, lower-cased, of the shipped `words` rule ``rule_id`` (see bundled_rule)."""
    return frozenset(w.lower() for w in bundled_rule(rule_id).words)  # type: ignore[union-attr]


def load_rule_file(path: Path) -> AnyRule:
    """Parse and validate one rule file, mapping validation errors to the YAML line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleError(path, None, f"cannot read rule file: {exc}") from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise RuleError(path, line, f"invalid YAML: {problem}") from exc
    if not isinstance(data, dict):
        raise RuleError(path, 1, "a rule file must be a mapping with at least `type` and `description`")
    try:
        return _RULE_ADAPTER.validate_python(data)
    except ValidationError as exc:
        # A misspelt key is the likeliest mistake and explains a "missing" one: report it first.
        errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
        first = errors[0]
        loc = [p for p in first["loc"] if not (isinstance(p, str) and p in _TYPE_TAGS)]
        line = _line_of(node, loc)
        key = ".".join(str(p) for p in loc) or "(file)"
        raise RuleError(path, line, f"key `{key}`: {first['msg']}") from exc


_TYPE_TAGS = {"tolerance", "approximators", "ordinal_nouns", "pronouns", "days", "parse_prefilter", "words", "facet", "furniture", "pair_rule", "synonyms", "hierarchy", "sources", "finding"}


def _line_of(node: yaml.Node | None, loc: Sequence[object]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == part), None)
            if match is None:
                break
            line = match[0].start_mark.line + 1
            node = match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
