"""Command line: parse arguments, call the library, pick a renderer. Nothing else."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import ClauseCheckError
from .models import Report, Severity

app = typer.Typer(
    name="clausecheck",
    help="Find the clauses that decide who holds the power in a distribution agreement.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _die(exc: ClauseCheckError) -> None:
    typer.echo(f"clausecheck: error {exc.code}: {exc.message}", err=True)
    if exc.hint:
        typer.echo(f"  hint: {exc.hint}", err=True)
    raise typer.Exit(2)


def exit_code(report: Report, fail_on: Severity | None) -> int:
    """2 if a file could not be analysed, 1 if a finding is at or above fail_on, else 0."""
    if any(d.error for d in report.documents):
        return 2
    if fail_on is None:
        return 0
    worst = max((f.severity.rank for d in report.documents for f in d.findings), default=0)
    return 1 if worst >= fail_on.rank else 0


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clausecheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """clausecheck: exclusivity without strings attached is a trap; this finds it."""


FORMAT_HELP = (
    "Output format, repeatable: text, json, json-lines, sarif, junit, github, gitlab, markdown, html; "
    "FORMAT:PATH writes that format to a file (e.g. -f text -f sarif:results.sarif)."
)


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Contracts to analyse (PDF, DOCX, TXT, MD).")],
    format: Annotated[list[str] | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                help="Write the format given without a path to this file.")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Config file to use instead of the "
                                                     "discovered clausecheck.toml / pyproject.toml.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
    fail_on: Annotated[FailOn | None, typer.Option(help="Lowest severity that makes the exit code 1 "
                                                   "(default: warning, or fail-on from the config file).")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Only run rules with these code prefixes.")] = None,
    extend_select: Annotated[list[str] | None, typer.Option(help="Also run rules with these code prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip rules with these code prefixes.")] = None,
    max_probation_months: Annotated[float | None, typer.Option(help="Longest probation not counted as weak.")] = None,
    max_initial_term_months: Annotated[float | None, typer.Option(help="Longest initial term not counted as a lock-in.")] = None,
    pattern_dir: Annotated[list[Path] | None, typer.Option(help="An extra folder of pattern files.")] = None,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
    baseline: Annotated[Path | None, typer.Option(help="Report only findings not recorded in this baseline file.")] = None,
    write_baseline: Annotated[Path | None, typer.Option(help="Record the current findings as accepted in this "
                                                        "file, then exit 0.")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")] = None,
) -> None:
    """Analyse contracts and report their key clauses and findings."""
    from .baseline import Baseline
    from .baseline import write_baseline as record_baseline
    from .config import load_config
    from .engine import analyse_path, build_report, get_detector
    from .report import Format, parse_outputs, render
    from .report.json_lines import render_document
    from .rules import check_prefixes

    try:
        outputs = parse_outputs(format or [], None if output is None else str(output))
        check_prefixes([*(select or []), *(extend_select or []), *(ignore or [])])
        overrides: dict = {}
        if fail_on is not None:
            overrides["fail_on"] = None if fail_on == FailOn.never else Severity(fail_on.value)
        for key, value in (("select", select), ("extend_select", extend_select), ("ignore", ignore),
                           ("max_probation_months", max_probation_months),
                           ("max_initial_term_months", max_initial_term_months),
                           ("pattern_dirs", pattern_dir), ("password", password)):
            if value is not None and value != []:
                overrides[key] = value
        config = load_config(config_file, overrides=overrides, isolated=isolated)
        accepted = Baseline.load(baseline) if baseline is not None else None
        get_detector(config)  # pattern errors are usage errors: fail before reading any file
    except ClauseCheckError as exc:
        _die(exc)
    streams = []  # json-lines outputs get each document as soon as it is analysed
    try:
        for fmt, dest in outputs:
            if fmt != Format.json_lines:
                continue
            if dest is None:
                streams.append(sys.stdout)
            else:
                Path(dest).parent.mkdir(parents=True, exist_ok=True)
                streams.append(open(dest, "w", encoding="utf-8"))
        found, shown = [], []
        for path in files:
            doc = analyse_path(path, config)
            found.append(doc)
            shown.append(accepted.filter(doc) if accepted else doc)
            for stream in streams:
                stream.write(render_document(shown[-1]))
                stream.flush()
    except OSError as exc:
        _die(ClauseCheckError("E043", f"{exc.filename}: {exc.strerror}"))
    finally:
        for stream in streams:
            if stream is not sys.stdout:
                stream.close()
    report = build_report(shown)
    options = {"root": Path.cwd(), "config": config, "max_probation_months": config.max_probation_months}
    try:
        for fmt, dest in outputs:
            if fmt == Format.json_lines:
                continue
            use_color = color if color is not None else (
                dest is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
            text = render(report, fmt, color=use_color, **options)
            if dest is None:
                sys.stdout.write(text)
            else:
                Path(dest).parent.mkdir(parents=True, exist_ok=True)
                Path(dest).write_text(text, encoding="utf-8")
        if write_baseline is not None:
            count = record_baseline(build_report(found), write_baseline)
            typer.echo(f"clausecheck: recorded {count} finding(s) in {write_baseline}", err=True)
    except OSError as exc:
        _die(ClauseCheckError("E043", f"{exc.filename}: {exc.strerror}"))
    code = exit_code(report, config.fail_on)
    if code == 1 and (exit_zero or write_baseline is not None):
        code = 0
    raise typer.Exit(code)


@app.command()
def init(
    pyproject: Annotated[bool, typer.Option("--pyproject", help="Append a [tool.clausecheck] table to "
                                            "pyproject.toml instead of writing clausecheck.toml.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing clausecheck.toml.")] = False,
    folder: Annotated[Path, typer.Argument(help="Folder to write the config into.")] = Path("."),
) -> None:
    """Write a commented starter configuration."""
    from .config import write_starter_config

    try:
        target = write_starter_config(folder, pyproject=pyproject, force=force)
    except ClauseCheckError as exc:
        _die(exc)
        return
    typer.echo(f"clausecheck: wrote {target}")


@app.command()
def rules() -> None:
    """List the rules."""
    from .config import Config
    from .rules import RULES

    defaults = Config()
    for rule in RULES:
        m = rule.meta
        status = "default" if defaults.rule_enabled(m.code) else "opt-in"
        typer.echo(f"{m.code}  {m.severity.value:<8} {status:<8} {m.slug:<42} {m.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. CC101.")]) -> None:
    """Print one rule's documentation."""
    from .rules import get_rule

    try:
        m = get_rule(code).meta
    except ClauseCheckError as exc:
        _die(exc)
        return
    typer.echo(f"{m.code} {m.slug}: {m.title} (default severity: {m.severity.value})\n")
    for heading, body in (("What it checks", m.what), ("Why it matters", m.why), ("Example", m.example),
                          ("Suggested fix", m.fix), ("Sample clause", m.fallback_clause)):
        typer.echo(f"## {heading}\n{body}\n")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
