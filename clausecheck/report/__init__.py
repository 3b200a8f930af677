"""Report -> text. One small module per output format, each exposing `render(report, **options)`."""

from __future__ import annotations

import importlib
from enum import Enum
from typing import Any

from ..errors import ClauseCheckError
from ..models import Report


class Format(str, Enum):
    text = "text"
    json = "json"
    json_lines = "json-lines"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    gitlab = "gitlab"
    markdown = "markdown"
    html = "html"
    csv = "csv"


_MODULES = {
    Format.text: "text",
    Format.json: "json_format",
    Format.json_lines: "json_lines",
    Format.sarif: "sarif",
    Format.junit: "junit",
    Format.github: "github",
    Format.gitlab: "gitlab",
    Format.markdown: "markdown",
    Format.html: "html",
    Format.csv: "csv_format",
}


def render(report: Report, fmt: Format | str, **options: Any) -> str:
    """Render a report in one of the output formats."""
    module = importlib.import_module(f"{__name__}.{_MODULES[Format(fmt)]}")
    return module.render(report, **options)



def parse_outputs(specs: list[str], output: str | None = None) -> list[tuple[Format, str | None]]:
    """`--format FORMAT[:PATH]` (repeatable) plus `-o FILE` -> (format, file or None for stdout).

    `-o` names the file of the one format given without a path; at most one format may go to
    standard output (`-` also means standard output).
    """
    outputs: list[tuple[Format, str | None]] = []
    choices = ", ".join(f.value for f in Format)
    for spec in specs or ["text"]:
        name, sep, path = spec.partition(":")
        try:
            fmt = Format(name.strip().lower())
        except ValueError:
            raise ClauseCheckError("E040", f"unknown format {name!r}", f"choose from {choices}") from None
        if sep and not path:
            raise ClauseCheckError("E040", f"{spec!r}: no file after the colon", "write FORMAT:PATH, e.g. sarif:results.sarif")
        outputs.append((fmt, None if not sep or path == "-" else path))
    to_stdout = [i for i, (_, path) in enumerate(outputs) if path is None]
    if output is not None and output != "-":
        if len(to_stdout) != 1:
            raise ClauseCheckError("E040", f"-o/--output names the file of exactly one format given without a path "
                                   f"({len(to_stdout)} given)", "give each format its file: -f sarif:results.sarif")
        outputs[to_stdout[0]] = (outputs[to_stdout[0]][0], output)
    elif len(to_stdout) > 1:
        raise ClauseCheckError("E040", "only one format can go to standard output",
                               "give the others a file: -f sarif:results.sarif -f junit:junit.xml")
    paths = [path for _, path in outputs if path is not None]
    if len(paths) != len(set(paths)):
        raise ClauseCheckError("E040", "two formats write to the same file", "give each format its own file")
    return outputs


__all__ = ["Format", "parse_outputs", "render"]
