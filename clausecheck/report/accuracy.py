"""Evaluation -> text, markdown or JSON: the figures `clausecheck eval` prints."""

from __future__ import annotations

import json
import textwrap

from ..evaluate import Evaluation, Score


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _row(s: Score) -> list[str]:
    return [s.name, str(s.tp), str(s.fp), str(s.fn), _pct(s.precision), _pct(s.recall), _pct(s.f1),
            _pct(s.span_recall)]


_HEAD = ["type", "TP", "FP", "FN", "precision", "recall", "F1", "span recall"]


def _footer(ev: Evaluation) -> str:
    return (f"{ev.documents} documents, {ev.errors} errors, {ev.seconds:.1f} s wall time "
            f"with {ev.workers} worker{'s' if ev.workers != 1 else ''}")


def render_text(ev: Evaluation, misses: str | None = None, width: int = 400) -> str:
    rows = [_HEAD, *(_row(s) for s in ev.scores)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEAD))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    out = [*lines, "", _footer(ev)]
    if ev.error_paths:
        out += ["", "errors:", *(f"  {e}" for e in ev.error_paths)]
    if ev.slowest:
        out += ["", "slowest documents:", *(f"  {sec:6.2f} s  {path}" for path, sec in ev.slowest)]
    if misses:
        chosen = [m for m in ev.misses if misses in ("all", m.name)]
        out += ["", f"misses for {misses}: {len(chosen)}"]
        for m in chosen:
            out += ["", f"== {m.kind.upper()} {m.name}  {m.path}"]
            for text in m.labelled:
                out.append(textwrap.shorten("   labelled: " + " ".join(text.split()), width))
            for text in m.reported:
                out.append(textwrap.shorten("   reported: " + " ".join(text.split()), width))
    return "\n".join(out) + "\n"


def render_markdown(ev: Evaluation) -> str:
    out = ["| type | TP | FP | FN | precision | recall | F1 | span recall |", "|---|--:|--:|--:|--:|--:|--:|--:|"]
    for s in ev.scores:
        out.append("| " + " | ".join(_row(s)) + " |")
    out += ["", _footer(ev) + "."]
    return "\n".join(out) + "\n"


def render_json(ev: Evaluation) -> str:
    return json.dumps(ev.as_dict(), indent=2) + "\n"
