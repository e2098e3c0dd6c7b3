"""Project configuration: ``[tool.claimcheck]`` in pyproject.toml, or a claimcheck.toml.

The file is looked up from the current directory upward; in each directory a
``claimcheck.toml`` (keys at top level) wins over a ``pyproject.toml`` (keys under
``[tool.claimcheck]``); a pyproject.toml without that table is skipped. Keys may be written
``fail_on`` or ``fail-on``. Relative paths in a file are relative to that file's directory,
so the same config works from any sub-directory. Command-line options override the file
via :meth:`Config.merged_with`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator
from pydantic_core import PydanticCustomError

CONFIG_FILE = "claimcheck.toml"
PYPROJECT = "pyproject.toml"

#: List options that add to the file's list on the command line instead of replacing it.
_EXTENDING_LISTS = ("rules_dirs", "disabled_rules", "enabled_rules")
_PATH_FIELDS = ("rules_dirs", "baseline", "cache_dir", "outputs")


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


class Config(BaseModel):
    """Settings for a run. Every field has a default, so an empty file is a valid config."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    rules_dirs: list[Path] = Field(default_factory=list, description="extra folders of rule files")
    fail_on: Literal["info", "warning", "error", "never"] = Field(
        default="error", description="exit 1 when a finding at or above this severity exists"
    )
    formats: list[str] = Field(default_factory=list, description="formats written to stdout (default: text)")
    outputs: list[Path] = Field(default_factory=list, description="report files; format from the extension")
    disabled_rules: list[str] = Field(default_factory=list, description="rule id prefixes to switch off")
    enabled_rules: list[str] = Field(default_factory=list, description="rule id prefixes to switch on")
    baseline: Path | None = Field(default=None, description="report only findings not in this baseline")
    cache_dir: Path | None = Field(default=None, description="where models and embeddings are cached")
    quiet: bool = Field(default=False, description="no summary or progress on stderr")
    max_article_chars: int = Field(default=2_000_000, gt=0, description="truncate longer articles (with a warning)")
    max_claims_per_article: int = Field(default=2000, gt=0, description="keep at most this many claims per article")
    min_confidence: float | None = Field(
        default=None, ge=0.0, le=1.0,
        description="a disagreement less sure than this is only a possible finding (default: the cross-validated value)",
    )

    _source: Path | None = PrivateAttr(default=None)

    @field_validator("formats")
    @classmethod
    def _known_formats(cls, value: list[str]) -> list[str]:
        from checker.report import FORMATS

        unknown = [f for f in value if f not in FORMATS]
        if unknown:
            raise ValueError(f"unknown format(s) {', '.join(map(repr, unknown))}; choose from {', '.join(FORMATS)}")
        return value

    @model_validator(mode="after")
    def _outputs_have_formats(self) -> "Config":
        from checker.report import plan_outputs

        try:
            plan_outputs(self.outputs, self.formats)
        except ValueError as exc:
            raise PydanticCustomError("outputs", "{reason}", {"reason": str(exc)}) from None
        return self

    @property
    def output_plan(self):
        """The report files with their formats and the formats for stdout (checker.report.plan_outputs)."""
        from checker.report import plan_outputs

        return plan_outputs(self.outputs, self.formats)

    @property
    def source(self) -> Path | None:
        """The file this config was read from (None for defaults)."""
        return self._source

    def merged_with(self, overrides: Mapping[str, Any] | None) -> Config:
        """This config with command-line values on top.

        ``None`` (and an empty list) means "not given on the command line". Lists of rule
        folders and enabled/disabled prefixes add to the file's; everything else replaces.
        """
        data = self.model_dump()
        for key, value in (overrides or {}).items():
            if value is None or (isinstance(value, (list, tuple)) and not value):
                continue
            if key in _EXTENDING_LISTS and key in data:
                data[key] = list(dict.fromkeys([*data[key], *value]))
            else:
                data[key] = list(value) if isinstance(value, tuple) else value
        merged = _validate(data, where="command line")
        merged._source = self._source
        return merged


def _normalise_keys(table: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        norm = str(key).replace("-", "_")
        if norm in out:
            raise ValueError(f"key {key!r} is given twice (as {norm!r} and {key!r})")
        out[norm] = value
    return out


def _resolve_paths(data: dict[str, Any], base: Path) -> dict[str, Any]:
    def resolve(p: Any) -> Any:
        return str(base / p) if isinstance(p, str) and not Path(p).is_absolute() else p

    for key in _PATH_FIELDS:
        if key not in data:
            continue
        value = data[key]
        data[key] = [resolve(v) for v in value] if isinstance(value, list) else resolve(value)
    return data


def _validate(data: Mapping[str, Any], where: str) -> Config:
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            # The outputs check spans two keys (outputs and formats); it reports under outputs.
            key = ".".join(str(p) for p in err["loc"]) or ("outputs" if err["type"] == "outputs" else "(top level)")
            if err["type"] == "extra_forbidden":
                known = ", ".join(Config.model_fields)
                problems.append(f"unknown key {key!r} (known keys: {known})")
            else:
                problems.append(f"key {key!r}: {err['msg']}")
        raise ConfigError(f"{where}: " + "; ".join(problems)) from None


def config_from_file(path: str | Path) -> Config:
    """Read one config file (claimcheck.toml, or pyproject.toml's [tool.claimcheck])."""
    path = Path(path)
    is_pyproject = path.name == PYPROJECT
    where = f"{path} [tool.claimcheck]" if is_pyproject else str(path)
    try:
        with path.open("rb") as fh:
            document = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    table = document.get("tool", {}).get("claimcheck", {}) if is_pyproject else document
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: must be a table of settings")
    try:
        data = _resolve_paths(_normalise_keys(table), path.parent.resolve())
    except ValueError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    config = _validate(data, where)
    config._source = path
    return config


def find_config_file(start_dir: str | Path | None = None) -> Path | None:
    """The nearest claimcheck.toml, or pyproject.toml with [tool.claimcheck], upward."""
    start = Path(start_dir or Path.cwd()).resolve()
    for directory in (start, *start.parents):
        own = directory / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        with pyproject.open("rb") as fh:
            return "claimcheck" in tomllib.load(fh).get("tool", {})
    except tomllib.TOMLDecodeError as exc:
        # A broken pyproject.toml on the way up may be the one meant for us: say so.
        raise ConfigError(f"{pyproject} is not valid TOML: {exc}") from None
    except OSError:
        return False


def load_config(start_dir: str | Path | None = None) -> Config:
    """The config that applies in ``start_dir`` (default: cwd); defaults when none is found."""
    path = find_config_file(start_dir)
    return config_from_file(path) if path else Config()
