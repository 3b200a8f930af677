"""Command line: parse arguments, call the library, pick a renderer. Nothing else."""

from __future__ import annotations

import gc
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, cast

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
    "Output format, repeatable: text, json, json-lines, sarif, junit, github, gitlab, markdown, html, csv; "
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
    gc.disable()  # start-up, until quiet_gc: collections were a quarter of a one-page check's CPU time
    from .baseline import Baseline
    from .baseline import write_baseline as record_baseline
    from .config import load_config
    from .engine import analyse_path, build_report, get_detector, quiet_gc
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
    quiet_gc()
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
        if any(path.is_dir() for path in files):  # folders are searched as `scan` does, links kept inside
            from .scan import discover

            inputs = discover(files)
            files = [Path(f) for f in inputs.files]
            for kind, count in sorted(inputs.skipped.items()):
                typer.echo(f"clausecheck: skipped {count} file(s): {kind}", err=True)
        found, shown = [], []
        keep_text = any(fmt == Format.html for fmt, _dest in outputs)  # only the HTML page shows the contract
        for path in files:
            doc = analyse_path(path, config, keep_source=keep_text)  # else thousands of texts would stay in memory
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
    report = build_report(shown, config)
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
            count = record_baseline(build_report(found, config), write_baseline)
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
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched recursively) and globs.")],
    workers: Annotated[int | None, typer.Option("--workers", "-j", min=1, help="Worker processes (default: all cores).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Append one JSON line per document here; resumes a previous scan. Default: stdout.")] = None,
    csv: Annotated[Path | None, typer.Option("--csv", help="Also write one CSV row per document (for spreadsheets).")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write an HTML report in this folder: "
                                              "index.html and one page per contract.")] = None,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Progress bar on stderr (only on a terminal).")] = True,
    timeout: Annotated[float | None, typer.Option(min=0.1, help="Seconds allowed per document (default 300).")] = None,
    memory_mb: Annotated[int | None, typer.Option(min=64, help="Memory a worker may add per document, in MB (default 1024).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Run on a Dask cluster at this address (tcp://HOST:PORT).")] = None,
    dask: Annotated[bool, typer.Option("--dask", help="Run on Dask: the configured scheduler, else a local cluster.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per Dask task.")] = 8,
    select: Annotated[list[str] | None, typer.Option(help="Only run rules with these code prefixes.")] = None,
    ignore: Annotated[list[str] | None, typer.Option(help="Skip rules with these code prefixes.")] = None,
    pattern_dir: Annotated[list[Path] | None, typer.Option(help="An extra folder of pattern files.")] = None,
    password: Annotated[str | None, typer.Option(help="Password of encrypted PDFs.")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="Config file to use instead of the "
                                                     "discovered clausecheck.toml / pyproject.toml.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
) -> None:
    """Analyse many contracts in parallel: one JSON line per document, resumable, with a summary."""
    gc.disable()  # start-up, until quiet_gc (as in check)
    import signal

    from .config import load_config
    from .report import scan_summary
    from .rules import check_prefixes
    from .scan import ResultsFile, Sink, Tee, discover, run_scan, scanned_documents, settings_fingerprint

    try:
        check_prefixes([*(select or []), *(ignore or [])])
        settings: dict = {"fail_on": None}
        if select:
            settings["select"] = select
        if ignore:
            settings["ignore"] = ignore
        if pattern_dir:
            settings["pattern_dirs"] = pattern_dir
        if password is not None:
            settings["password"] = password
        limits = {k: v for k, v in (("timeout_seconds", timeout), ("memory_mb", memory_mb)) if v is not None}
        config = load_config(config_file, overrides=settings, isolated=isolated)
        config = config.model_copy(update={"limits": config.limits.model_copy(update=limits)})
        from .engine import get_detector, quiet_gc

        get_detector(config)
    except ClauseCheckError as exc:
        _die(exc)
        return
    quiet_gc()
    own_pages = list(html.glob("*.html")) if html is not None and html.is_dir() else []  # a previous --html
    inputs = discover(paths, exclude=[*(p for p in (out, csv) if p is not None), *own_pages])
    for pattern in inputs.unmatched:
        typer.echo(f"clausecheck: warning: {pattern!r} matches no file", err=True)
    backend = None
    if scheduler or dask:
        from .distributed import dask_backend

        try:
            backend = dask_backend(config, address=scheduler, workers=workers, batch_size=batch_size)
        except ClauseCheckError as exc:
            _die(exc)
            return
    try:
        sink = ResultsFile(out, settings_fingerprint(config)) if out is not None else Sink(sys.stdout)
    except ClauseCheckError as exc:
        _die(exc)
        return
    if html is not None and out is None:
        sink = Tee(sink)  # stdout cannot be read back for the HTML report

    def stop(signum, frame) -> None:  # noqa: ANN001 - a kill ends the scan like Ctrl-C: written lines stay
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    bar = None
    if progress and sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        # no refresh thread: workers are forked, and a fork must not copy a thread holding a lock
        bar = Progress(TextColumn("scanning"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]:.1f} files/s"), TextColumn("ETA"), TimeRemainingColumn(),
                       TextColumn("errors: {task.fields[errors]}"),
                       console=Console(stderr=True, no_color="NO_COLOR" in os.environ), auto_refresh=False,
                       transient=True)
        bar.start()
        task = bar.add_task("scan", total=len(inputs.files), rate=0.0, errors=0)
    started: dict[str, float] = {}  # the files done and the clock when the first progress came

    def show(p) -> None:  # noqa: ANN001 - ScanProgress
        import time

        if bar is None:
            return
        if not started:
            started.update(done=p.done, time=time.monotonic())
        elapsed = time.monotonic() - started["time"]
        rate = (p.done - started["done"]) / elapsed if elapsed > 0 else 0.0
        bar.update(task, completed=p.done, rate=rate, errors=p.errors)
        bar.refresh()

    try:
        result = run_scan(inputs.files, config, sink, workers=workers, backend=backend, progress=show)
    finally:
        if bar is not None:
            bar.stop()
    result.skipped = dict(inputs.skipped)
    if csv is not None:
        from .scan import render_csv

        csv.parent.mkdir(parents=True, exist_ok=True)
        with open(csv, "w", encoding="utf-8", newline="") as fh:
            fh.write(render_csv(result))
    if html is not None:
        from .engine import build_report, with_source
        from .report.html import write_site

        # with no --out the results went to stdout through the Tee, which kept them
        lines = out.read_text(encoding="utf-8").splitlines() if out is not None else cast(Tee, sink).lines
        try:
            index = write_site(build_report(scanned_documents(lines, inputs.files), config), html,
                               load_source=lambda doc: with_source(doc, config),
                               max_probation_months=config.max_probation_months)
        except OSError as exc:
            _die(ClauseCheckError("E043", f"{exc.filename}: {exc.strerror}"))
            return
        typer.echo(f"clausecheck: HTML report: {index}", err=True)
    typer.echo(scan_summary.render(result), nl=False, err=out is None)
    if result.interrupted:
        raise typer.Exit(130)
    # as `check`: 2 when a file could not be analysed (its error line says why), else 0; the
    # findings are the scan's output, not a failure
    raise typer.Exit(2 if result.summary.errors or not result.files else 0)


@app.command()
def rules(
    config_file: Annotated[Path | None, typer.Option("--config", help="Config file to use instead of the "
                                                     "discovered clausecheck.toml / pyproject.toml.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every config file.")] = False,
) -> None:
    """List the rules, and whether the configuration in force runs them."""
    from .config import load_config
    from .rules import RULES

    try:
        config = load_config(config_file, isolated=isolated)
    except ClauseCheckError as exc:
        _die(exc)
    for rule in RULES:
        m = rule.meta
        severity = config.severity.get(m.code, m.severity)
        status = "on" if config.rule_enabled(m.code) else "off"
        typer.echo(f"{m.code}  {severity.value:<8} {status:<4} {m.slug:<42} {m.summary}")


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


@app.command(name="eval")
def eval_command(
    labels: Annotated[Path, typer.Argument(help="Labels CSV in CUAD's shape (pdf_file, txt_file, <Category>, <Category>-Answer).")],
    docs: Annotated[Path, typer.Option("--docs", help="Folder holding the files the labels name (or its pdf/ and txt/ subfolders).")],
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="Worker processes (default: all cores).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Output format: text, json or markdown.")] = "text",
    limit: Annotated[int | None, typer.Option(help="Only the first N documents of the labels file.")] = None,
    prefer: Annotated[str, typer.Option(help="Which file to analyse when a row names both: pdf or txt.")] = "pdf",
    misses: Annotated[str | None, typer.Option(help="Also print false positives/negatives and missed spans of a type (or 'all'; text format).")] = None,
) -> None:
    """Measure detection against labelled contracts: per-type precision, recall, F1 and span recall."""
    from .evaluate import evaluate
    from .report import accuracy

    if format not in ("text", "json", "markdown") or prefer not in ("pdf", "txt"):
        typer.echo("clausecheck: error E040: --format is text, json or markdown; --prefer is pdf or txt", err=True)
        raise typer.Exit(2)
    try:
        result = evaluate(labels, docs, workers=jobs, limit=limit, prefer=prefer)
    except ClauseCheckError as exc:
        _die(exc)
        return
    if format == "json":
        sys.stdout.write(accuracy.render_json(result))
    elif format == "markdown":
        sys.stdout.write(accuracy.render_markdown(result))
    else:
        sys.stdout.write(accuracy.render_text(result, misses=misses))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report."""
    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
