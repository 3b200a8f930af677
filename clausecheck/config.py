"""Settings that shape an analysis (thresholds, rule selection, severities), and the config file.

The file is `clausecheck.toml` (top-level keys) or the `[tool.clausecheck]` table of
`pyproject.toml`, found from the working directory upward as ruff does. Its keys are kebab-case
(`extend-select`, `per-file-ignores`, `max-probation-months`) and map onto the `Config` model;
unknown keys, unknown rule codes and bad values are E040/E041 errors that name the file and line.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ClauseCheckError
from .extract.limits import Limits
from .models import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("clausecheck.toml", ".clausecheck.toml")


class Config(BaseModel):
    """Everything configurable about a run; unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field(
        default_factory=lambda: ["CC1"], description="Rule code prefixes to run (CC2xx are opt-in)."
    )
    extend_select: list[str] = Field(default_factory=list)
    ignore: list[str] = Field(default_factory=list, description="Rule code prefixes to skip.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Per-rule severity overrides.")
    fail_on: Severity | None = Field(default=Severity.warning, description="None means never fail.")
    max_probation_months: float = Field(default=6, gt=0, description="A longer probation counts as weak (CC102).")
    max_initial_term_months: float = Field(default=24, gt=0, description="A longer initial term is a long lock-in.")
    pattern_dirs: list[Path] = Field(default_factory=list, description="Extra pattern folders of your own.")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict, description="Glob -> rule code prefixes skipped for the files it matches."
    )
    language: str = "en"
    password: str | None = None
    limits: Limits = Field(default_factory=Limits)
    root: Path | None = Field(
        default=None, description="Folder per-file-ignores globs are relative to (the config file's; else cwd)."
    )

    def rule_enabled(self, code: str, path: str | os.PathLike[str] | None = None) -> bool:
        """The most specific matching selector wins (`ignore = ["CC1"]` + `extend-select = ["CC102"]`
        runs CC102 only); on a tie, ignore wins. Per-file ignores apply on top."""
        selected = max((len(p) for p in [*self.select, *self.extend_select] if code.startswith(p.upper())), default=-1)
        ignored = max((len(p) for p in self.ignore if code.startswith(p.upper())), default=-1)
        if selected < 0 or ignored >= selected:
            return False
        if path is not None:
            for glob, prefixes in self.per_file_ignores.items():
                if any(code.startswith(p.upper()) for p in prefixes) and path_matches(glob, path, self.root):
                    return False
        return True


# ---------------------------------------------------------------------------------------------
# per-file-ignores globs

@lru_cache(maxsize=256)
def _glob_regex(glob: str) -> re.Pattern[str]:
    out, i = [], 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def path_matches(glob: str, path: str | os.PathLike[str], root: Path | None = None) -> bool:
    """Glob as in .gitignore: without a `/` it matches the file name anywhere; with one, the path
    relative to `root` (`*` stays within a folder, `**/` crosses folders)."""
    p = Path(path)
    if "/" not in glob.strip("/"):
        return bool(_glob_regex(glob.strip("/")).match(p.name))
    base = Path(os.path.abspath(root or Path.cwd()))
    try:
        rel = Path(os.path.abspath(p)).relative_to(base).as_posix()
    except ValueError:
        rel = p.as_posix()
    return bool(_glob_regex(glob.lstrip("/").removeprefix("./")).match(rel))


# ---------------------------------------------------------------------------------------------
# the config file

# file key -> model field; tables are checked key by key below
FILE_KEYS: dict[str, str] = {
    "select": "select",
    "extend-select": "extend_select",
    "ignore": "ignore",
    "severity": "severity",
    "fail-on": "fail_on",
    "max-probation-months": "max_probation_months",
    "max-initial-term-months": "max_initial_term_months",
    "pattern-dirs": "pattern_dirs",
    "per-file-ignores": "per_file_ignores",
    "language": "language",
    "limits": "limits",
}
LIMIT_KEYS = {name.replace("_", "-"): name for name in Limits.model_fields}
LIMIT_KEYS_INV = {v: k for k, v in LIMIT_KEYS.items()}


class ConfigFile:
    """A parsed config file: its settings (model field names) and where each key sits."""

    def __init__(self, path: Path, table: dict[str, Any], text: str, header: str | None) -> None:
        self.path = path
        self.table = table
        self.text = text
        self.header = header  # "tool.clausecheck" in pyproject.toml, None at top level

    def where(self, *keys: str) -> str:
        """`file:line` of a (nested) key, or just the file when the line cannot be found."""
        line = _find_line(self.text, self.header, keys)
        return f"{self.shown}:{line}" if line else self.shown

    @property
    def shown(self) -> str:
        """The path as the user would type it: relative to the working directory when inside it."""
        try:
            return str(Path(os.path.abspath(self.path)).relative_to(Path.cwd()))
        except ValueError:
            return str(self.path)

    def error(self, code: str, keys: tuple[str, ...], message: str, hint: str | None = None) -> ClauseCheckError:
        return ClauseCheckError(code, f"{self.where(*keys)}: {message}", hint)


_HEADER = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*(?:#.*)?$")


def _find_line(text: str, header: str | None, keys: tuple[str, ...]) -> int | None:
    """Line of `keys[-1] = ...` inside the table the keys live in (plain TOML layouts only)."""
    *tables, key = keys
    want = ".".join(part for part in ([header] if header else []) + list(tables))
    current = ""
    key_re = re.compile(rf"""^\s*["']?{re.escape(key)}["']?\s*=""")
    dotted = re.compile(rf"""^\s*{re.escape('.'.join(tables + [key]))}\s*=""") if tables else None
    parent = ".".join([header] if header else [])
    for number, line in enumerate(text.splitlines(), 1):
        m = _HEADER.match(line)
        if m:
            current = m.group(1).replace('"', "").replace("'", "").replace(" ", "")
            continue
        if current == want and key_re.match(line):
            return number
        if dotted and current == parent and dotted.match(line):
            return number
    if tables:  # an inline table: point at the table's own line
        return _find_line(text, header, tuple(tables))
    return None


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest clausecheck.toml, .clausecheck.toml or pyproject.toml with [tool.clausecheck]."""
    here = Path(os.path.abspath(start or Path.cwd()))
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            try:
                data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue  # someone else's broken pyproject is not ours to report
            if "clausecheck" in data.get("tool", {}):
                return pyproject
    return None


def read_config_file(path: Path) -> ConfigFile:
    """Parse a config file; a pyproject.toml without [tool.clausecheck] is an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ClauseCheckError("E040", f"{path}: config file not found", "check the --config path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ClauseCheckError("E040", f"{path}: cannot read the config file ({exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"at line (\d+)", str(exc))
        where = f"{path}:{at.group(1)}" if at else str(path)
        raise ClauseCheckError("E040", f"{where}: invalid TOML: {exc}", "fix the TOML syntax at that line") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("clausecheck")
        if not isinstance(table, dict):
            raise ClauseCheckError("E040", f"{path}: no [tool.clausecheck] table",
                                   "add one (see `clausecheck init --pyproject`) or pass a clausecheck.toml")
        return ConfigFile(path, table, text, "tool.clausecheck")
    return ConfigFile(path, data, text, None)


def _did_you_mean(key: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(key, choices, n=1)
    known = ", ".join(choices)
    return f"did you mean {close[0]!r}? Known keys: {known}" if close else f"known keys: {known}"


def _check_codes(cf: ConfigFile, keys: tuple[str, ...], prefixes: Any, exact: bool = False) -> list[str]:
    from .rules import RULES_BY_CODE

    if not isinstance(prefixes, list) or not all(isinstance(p, str) for p in prefixes):
        raise cf.error("E040", keys, "expected a list of rule codes, e.g. [\"CC101\"]")
    for prefix in prefixes:
        p = prefix.upper()
        ok = p in RULES_BY_CODE if exact else any(code.startswith(p) for code in RULES_BY_CODE)
        if not ok:
            raise cf.error("E041", keys, f"{prefix!r} {'is not' if exact else 'matches no'} rule code",
                           f"known codes: {', '.join(RULES_BY_CODE)} (`clausecheck rules`)")
    return [p.upper() for p in prefixes]


def settings_from_file(cf: ConfigFile) -> dict[str, Any]:
    """Check a config file's keys and codes and return its settings as model field names."""
    from .nlp.patterns import default_pattern_dirs

    settings: dict[str, Any] = {}
    base = cf.path.parent
    for key, value in cf.table.items():
        if key not in FILE_KEYS:
            hint = _did_you_mean(key, list(FILE_KEYS))
            if key.replace("_", "-") in FILE_KEYS:
                hint = f"write it in kebab-case: {key.replace('_', '-')!r}"
            raise cf.error("E040", (key,), f"unknown key {key!r}", hint)
        field = FILE_KEYS[key]
        if key in ("select", "extend-select", "ignore"):
            settings[field] = _check_codes(cf, (key,), value)
        elif key == "severity":
            if not isinstance(value, dict):
                raise cf.error("E040", (key,), "expected a table of CODE = \"error\" | \"warning\" | \"info\"")
            for code, level in value.items():
                _check_codes(cf, (key, code), [code], exact=True)
                if level not in [s.value for s in Severity]:
                    raise cf.error("E040", (key, code), f"severity {level!r} is not error, warning or info")
            settings[field] = {code.upper(): level for code, level in value.items()}
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise cf.error("E040", (key,), "expected a table of \"glob\" = [\"CC102\", ...]")
            settings[field] = {glob: _check_codes(cf, (key, glob), codes) for glob, codes in value.items()}
        elif key == "fail-on":
            if value not in ("error", "warning", "info", "never"):
                raise cf.error("E040", (key,), f"fail-on {value!r} is not error, warning, info or never")
            settings[field] = None if value == "never" else value
        elif key == "pattern-dirs":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise cf.error("E040", (key,), "expected a list of folder paths")
            dirs = [(base / v) if not Path(v).is_absolute() else Path(v) for v in value]
            for d in dirs:
                if not d.is_dir():
                    raise cf.error("E040", (key,), f"pattern folder {str(d)!r} does not exist",
                                   "paths are relative to the config file's folder")
            settings[field] = dirs
        elif key == "limits":
            if not isinstance(value, dict):
                raise cf.error("E040", (key,), "expected a table")
            for sub in value:
                if sub not in LIMIT_KEYS:
                    raise cf.error("E040", (key, sub), f"unknown key {sub!r} in limits", _did_you_mean(sub, list(LIMIT_KEYS)))
            settings[field] = {LIMIT_KEYS[k]: v for k, v in value.items()}
        elif key == "language":
            try:
                default_pattern_dirs(str(value))
            except ClauseCheckError:
                raise cf.error("E040", (key,), f"no patterns for language {value!r}", "use \"en\"") from None
            settings[field] = value
        else:
            settings[field] = value
    try:
        Config(**settings)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = str(err["loc"][0])
        file_key = next((k for k, f in FILE_KEYS.items() if f == field), field)
        sub = [LIMIT_KEYS_INV.get(str(x), str(x)) for x in err["loc"][1:2]] if field == "limits" else []
        raise cf.error("E040", (file_key, *sub), f"{file_key}: {err['msg']}") from None
    return settings



def load_config(
    path: Path | None = None,
    *,
    overrides: dict[str, Any] | None = None,
    start: Path | None = None,
    isolated: bool = False,
) -> Config:
    """Build the Config of a run: shipped defaults, then the config file, then command-line overrides.

    `path` is an explicit --config; otherwise the file is discovered from `start` (cwd) upward,
    unless `isolated`. In `overrides`, `select` replaces the file's selection while `ignore`,
    `extend_select`, `severity` and `per_file_ignores` add to it; every other key replaces.
    """
    settings: dict[str, Any] = {}
    found = path if path is not None else (None if isolated else find_config_file(start))
    if found is not None:
        settings = settings_from_file(read_config_file(Path(found)))
        settings["root"] = Path(os.path.abspath(Path(found).parent))
    for key, value in (overrides or {}).items():
        if key in ("ignore", "extend_select"):
            settings[key] = [*settings.get(key, []), *value]
        elif key in ("severity", "per_file_ignores"):
            settings[key] = {**settings.get(key, {}), **value}
        else:
            settings[key] = value
    try:
        return Config(**settings)
    except ValidationError as exc:  # a bad command-line value: a usage error, not a traceback
        err = exc.errors()[0]
        option = "--" + ".".join(str(x) for x in err["loc"]).replace("_", "-")
        raise ClauseCheckError("E040", f"{option}: {err['msg']}", "see `clausecheck check --help`") from None


STARTER_CONFIG = '''\
# clausecheck configuration (the README's "CI gate" section documents every key).
# clausecheck looks for clausecheck.toml, or [tool.clausecheck] in pyproject.toml, from the
# working directory upward; `--config PATH` picks one explicitly. Command-line flags win.
# Unknown keys and unknown rule codes are errors, so a typo never silently disables a check.

# Rules to run, by code prefix. "CC1" = the protections of an exclusive grant (CC101-CC103);
# the CC2xx warning signs are opt-in ("CC" = everything). `clausecheck rules` lists the codes.
select = ["CC1"]
# Add to the selection without repeating it, e.g. ["CC201"] for broad exclusive territories:
# extend-select = []
# Rules to skip (the most specific prefix wins: ignore = ["CC1"] + extend-select = ["CC102"] runs CC102):
ignore = []

# Lowest severity that makes the exit code 1: "error", "warning", "info" or "never".
fail-on = "warning"

# Thresholds.
# A probation period longer than this counts as weak (CC102).
max-probation-months = 6
# A longer initial term is a long lock-in.
max-initial-term-months = 24

# Language of the contracts (only "en" patterns ship today).
language = "en"

# Extra folders of your own <clause_type>.jsonl pattern files, relative to this file.
# They are validated on load; errors name the file and line.
# pattern-dirs = ["patterns/ours"]

# Per-rule severity: "error", "warning" or "info".
[severity]
# CC101 = "error"

# Rules skipped for some files. A glob without "/" matches the file name anywhere;
# with "/", the path relative to this file ("**/" crosses folders).
[per-file-ignores]
# "templates/non_exclusive/**" = ["CC1"]
# "*_draft.docx" = ["CC102"]
'''


def starter_config(pyproject: bool = False) -> str:
    """The commented config `clausecheck init` writes (as a pyproject.toml section if asked)."""
    if not pyproject:
        return STARTER_CONFIG
    text = STARTER_CONFIG.replace("[severity]", "[tool.clausecheck.severity]")
    text = text.replace("[per-file-ignores]", "[tool.clausecheck.per-file-ignores]")
    head, _, body = text.partition("\n\n")
    return f"{head}\n\n[tool.clausecheck]\n{body}"


def write_starter_config(folder: Path, *, pyproject: bool = False, force: bool = False) -> Path:
    """Write the starter config into `folder` (clausecheck.toml, or a section appended to
    pyproject.toml) and return its path; never overwrite an existing config unless `force`."""
    if pyproject:
        target = folder / "pyproject.toml"
        existing = target.read_text(encoding="utf-8") if target.is_file() else ""
        if re.search(r"^\s*\[tool\.clausecheck[\].]", existing, re.MULTILINE):
            raise ClauseCheckError("E040", f"{target} already has a [tool.clausecheck] table",
                                   "edit it, or delete it and run `clausecheck init --pyproject` again")
        separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
        target.write_text(existing + separator + starter_config(pyproject=True), encoding="utf-8")
        return target
    target = folder / CONFIG_NAMES[0]
    if target.exists() and not force:
        raise ClauseCheckError("E040", f"{target} already exists", "pass --force to overwrite it")
    target.write_text(starter_config(), encoding="utf-8")
    return target
