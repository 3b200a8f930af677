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
from .config import Config
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


@app.command()
def check(
    files: Annotated[list[Path], typer.Argument(help="Contracts to analyse (PDF, DOCX, TXT, MD).")],
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text or json.")] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report to a file.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.warning,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even with findings.")] = False,
    select: Annotated[list[str] | None, typer.Option(help="Only run rules with these code prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip rules with these code prefixes.")] = None,
    max_probation_months: Annotated[float | None, typer.Option(help="Longest probation not counted as weak.")] = None,
    pattern_dir: Annotated[list[Path] | None, typer.Option(help="An extra folder of pattern files.")] = None,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
    color: Annotated[bool | None, typer.Option("--color/--no-color", help="Colour the text report.")] = None,
) -> None:
    """Analyse contracts and report their key clauses and findings."""
    from .engine import analyse_path, build_report
    from .report import Format, render
    from .rules import check_prefixes

    try:
        fmt = Format(format)
    except ValueError:
        typer.echo(f"clausecheck: error E040: unknown format {format!r} "
                   f"(choose from {', '.join(f.value for f in Format)})", err=True)
        raise typer.Exit(2) from None
    try:
        check_prefixes([*(select or []), *(ignore or [])])
        settings: dict = {"fail_on": None if fail_on == FailOn.never else Severity(fail_on.value)}
        if select:
            settings["select"] = select
        if ignore:
            settings["ignore"] = ignore
        if max_probation_months is not None:
            settings["max_probation_months"] = max_probation_months
        if pattern_dir:
            settings["pattern_dirs"] = pattern_dir
        if password is not None:
            settings["password"] = password
        config = Config(**settings)
        from .engine import get_detector

        get_detector(config)  # pattern errors are usage errors: fail before reading any file
    except ClauseCheckError as exc:
        _die(exc)
    report = build_report([analyse_path(path, config) for path in files])
    use_color = color if color is not None else (output is None and sys.stdout.isatty() and "NO_COLOR" not in os.environ)
    text = render(report, fmt, color=use_color, max_probation_months=config.max_probation_months)
    if output is not None:
        output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    raise typer.Exit(0 if exit_zero and exit_code(report, config.fail_on) == 1 else exit_code(report, config.fail_on))


@app.command()
def rules() -> None:
    """List the rules."""
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
