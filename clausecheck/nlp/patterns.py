"""Pattern files: `patterns/<lang>/<clause_type>.jsonl`, one spaCy `{label, pattern, id}` per line.

A string pattern goes to the PhraseMatcher (matched on lower-case text), a token list to the
Matcher. `label` is the file's clause type, or `<type>/negation` for a phrase that cancels the
triggers it overlaps ("non-exclusive"). An optional `kind` tags what a trigger means
(exclusivity "grant" or "purchasing"; territory "definition"); on a negation, kind "clause"
makes it cancel every trigger from its start to the end of its clause, the sentence or the part
up to the next ';' ("Nothing herein shall be construed as granting any exclusive territory or
any exclusive right"); kind "list" to the end of the alternatives it governs ("no obligation to buy any minimum
quantity or to reach any minimum revenue"). An optional `heading` is a
regular expression: the pattern then only counts in a sentence whose section title (a heading
line, or the short lead-in of its paragraph such as "2.7 Exclusivity.") matches it, case
ignored. An optional `party` (exclusivity triggers only) says whose promise or right the match must be, read from the last
party named as a subject before it in its sentence ("The Distributor shall not ...", "Supplier
shall have ..."): "not-partner" drops a promise that binds the partner ("Distributor shall not
supply any third party for resale" restrains the distributor, it grants nothing); "partner" keeps
a right only when the partner is said to hold it ("The Distributor shall have the sole right");
"not-supplier" drops a right the supplier is said to have or keep ("Supplier reserves the
exclusive right"). Every line is validated on load: an error names the file and line.

A negation is written once: a token whose LOWER is "not" (or "n't"), or an IN / NOT_IN list
holding one of them, also matches the other forms, "n't" and "n’t" with a typographic
apostrophe ("won't", "don’t": spaCy cuts them into "wo" / "do" + "n't"), in the shipped
patterns and in a user's. So is a unit of time: "year" also matches the "yr" of a contract drafted
without a lawyer, "months" its "mos" and "mths" (the abbreviations quantities.py reads in durations).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ClauseCheckError
from ..models import ClauseType
from .quantities import UNIT_ABBREVIATIONS

ROLES = ("", "negation")
# what a negation cancels: the triggers it overlaps, (clause) to its clause's end, or (list) the alternatives it governs
NEGATION_KINDS = (None, "clause", "list")
# whose promise or right a match must be (see the module docstring); None: anyone's
PARTIES = (None, "not-partner", "partner", "not-supplier")
_KEYS = {"label", "pattern", "id", "kind", "heading", "party", "comment"}
_TOKEN_KEYS = {
    "ORTH", "TEXT", "LOWER", "NORM", "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER",
    "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "LIKE_NUM",
    "LIKE_URL", "LIKE_EMAIL", "SHAPE", "PREFIX", "SUFFIX", "OP",
}
_OPS = {"!", "?", "+", "*"}
_PREDICATES = {"IN", "NOT_IN", "REGEX", "==", ">=", "<=", ">", "<", "!=", "FUZZY", "INTERSECTS",
               "IS_SUBSET", "IS_SUPERSET"}


@dataclass(frozen=True)
class Pattern:
    clause_type: ClauseType
    role: str
    pattern: str | tuple[Any, ...]
    id: str
    kind: str | None
    source: str  # "file:line"
    heading: re.Pattern[str] | None = None
    party: str | None = None

    @property
    def is_phrase(self) -> bool:
        return isinstance(self.pattern, str)

    @property
    def tokens(self) -> tuple[dict[str, Any], ...]:
        """A token pattern's entries; none for a phrase."""
        return self.pattern if isinstance(self.pattern, tuple) else ()


def default_pattern_dirs(lang: str = "en") -> list[Path]:
    """The shipped patterns: inside the installed package, or the repository's top level."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "patterns" / lang, here.parent / "patterns" / lang):
        if candidate.is_dir():
            return [candidate]
    raise ClauseCheckError("E030", f"no pattern folder for language {lang!r}",
                           "reinstall clausecheck; the wheel ships patterns/")


def _fail(source: str, message: str) -> ClauseCheckError:
    return ClauseCheckError("E030", f"{source}: {message}")


def _check_token(source: str, index: int, spec: Any) -> None:
    if not isinstance(spec, dict) or not spec:
        raise _fail(source, f"token {index} must be a non-empty object")
    for key, value in spec.items():
        if key not in _TOKEN_KEYS:
            raise _fail(source, f"token {index}: unknown attribute {key!r}")
        if key == "OP":
            if not (value in _OPS or (isinstance(value, str) and value.startswith("{") and value.endswith("}"))):
                raise _fail(source, f"token {index}: OP must be one of ! ? + * or {{n,m}}, not {value!r}")
        elif isinstance(value, dict):
            bad = set(value) - _PREDICATES
            if bad:
                raise _fail(source, f"token {index}: {key} has unknown predicate {sorted(bad)[0]!r}")
            if "REGEX" in value:
                try:
                    re.compile(value["REGEX"])
                except (re.error, TypeError) as exc:
                    raise _fail(source, f"token {index}: bad REGEX ({exc})") from exc
            for pred in ("IN", "NOT_IN"):
                if pred in value and not isinstance(value[pred], list):
                    raise _fail(source, f"token {index}: {key}.{pred} must be a list")


_NEGATIONS = ("not", "n't", "n\u2019t")  # one negation, written out or contracted
# the forms of one word a pattern names once (see the module's doc)
_SAME_WORD = (_NEGATIONS, *UNIT_ABBREVIATIONS)


def _contracted(spec: dict) -> dict:
    """The token spec with a word of _SAME_WORD standing for every form of it (see the module's doc)."""
    value = spec.get("LOWER")
    if isinstance(value, str) and (forms := next((f for f in _SAME_WORD if value in f), None)):
        return {**spec, "LOWER": {"IN": list(forms)}}
    if isinstance(value, dict):
        lists = {key: [*words, *(w for f in _SAME_WORD if not set(f).isdisjoint(words) for w in f if w not in words)]
                 for key in ("IN", "NOT_IN") if isinstance(words := value.get(key), list)
                 and any(not set(f).isdisjoint(words) for f in _SAME_WORD)}
        if lists:
            return {**spec, "LOWER": {**value, **lists}}
    return spec


def parse_line(line: str, clause_type: ClauseType, source: str) -> Pattern | None:
    """Validate one JSONL line; None for blank lines and `//` comments."""
    stripped = line.strip()
    if not stripped or stripped.startswith("//"):
        return None
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise _fail(source, f"invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise _fail(source, "each line must be a JSON object")
    unknown = set(obj) - _KEYS
    if unknown:
        raise _fail(source, f"unknown key {sorted(unknown)[0]!r} (allowed: label, pattern, id, kind, heading, party)")
    for key in ("label", "pattern", "id"):
        if key not in obj:
            raise _fail(source, f"missing {key!r}")
    label = obj["label"]
    if not isinstance(label, str):
        raise _fail(source, "label must be a string")
    base, _, role = label.partition("/")
    if base != clause_type.value:
        raise _fail(source, f"label {label!r} does not match the file's clause type {clause_type.value!r}")
    if role not in ROLES:
        raise _fail(source, f"unknown role {role!r} in label (allowed: {', '.join(r for r in ROLES if r)})")
    if not isinstance(obj["id"], str) or not obj["id"]:
        raise _fail(source, "id must be a non-empty string")
    kind = obj.get("kind")
    if kind is not None and not isinstance(kind, str):
        raise _fail(source, "kind must be a string")
    if role == "negation" and kind not in NEGATION_KINDS:
        raise _fail(source, f"a negation's kind must be one of {', '.join(k for k in NEGATION_KINDS if k)}, not {kind!r}")
    party = obj.get("party")
    if party not in PARTIES:
        raise _fail(source, f"party must be one of {', '.join(p for p in PARTIES if p)}, not {party!r}")
    if party is not None and (role == "negation" or clause_type is not ClauseType.exclusivity):
        raise _fail(source, "party is read on exclusivity triggers only, not on negations or other clause types")
    heading = obj.get("heading")
    if heading is not None:
        try:
            heading = re.compile(heading, re.IGNORECASE)
        except (re.error, TypeError) as exc:
            raise _fail(source, f"heading must be a regular expression ({exc})") from exc
    pattern = obj["pattern"]
    if isinstance(pattern, str):
        if not pattern.strip():
            raise _fail(source, "pattern is an empty string")
        value: str | tuple[Any, ...] = pattern
    elif isinstance(pattern, list):
        if not pattern:
            raise _fail(source, "pattern is an empty list")
        for i, spec in enumerate(pattern):
            _check_token(source, i, spec)
        value = tuple(_contracted(spec) for spec in pattern)
    else:
        raise _fail(source, "pattern must be a string (phrase) or a list of token objects")
    return Pattern(clause_type, role, value, obj["id"], kind, source, heading, party)


def load_file(path: Path) -> list[Pattern]:
    try:
        clause_type = ClauseType(path.stem)
    except ValueError as exc:
        raise ClauseCheckError(
            "E030", f"{path}: file name must be a clause type ({', '.join(t.value for t in ClauseType)})"
        ) from exc
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ClauseCheckError("E030", f"{path}: cannot read ({exc})") from exc
    out = []
    seen: dict[str, int] = {}  # id -> the line that used it first
    for number, line in enumerate(lines, start=1):
        pattern = parse_line(line, clause_type, f"{path}:{number}")
        if pattern is not None:
            if pattern.id in seen:
                raise ClauseCheckError("E030", f"{path}:{number}: id {pattern.id!r} is already used on line {seen[pattern.id]}",
                                       "give each pattern of a file its own id")
            seen[pattern.id] = number
            out.append(pattern)
    return out


@lru_cache(maxsize=8)
def load_patterns(dirs: tuple[Path, ...]) -> tuple[Pattern, ...]:
    """Every pattern in the given folders (later folders add to earlier ones)."""
    out: list[Pattern] = []
    for folder in dirs:
        if not folder.is_dir():
            raise ClauseCheckError("E030", f"{folder}: pattern folder not found")
        for path in sorted(folder.glob("*.jsonl")):
            out.extend(load_file(path))
    return tuple(out)
