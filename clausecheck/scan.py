"""Batch scanning: many agreements, in parallel, one JSON line per document, safe to interrupt.

    discover(inputs)   -> the files to analyse (by content) and a count of what was skipped
    run_scan(...)      -> each document's DocumentReport as one JSON line, appended to the
                          results file (flush + fsync per line) as soon as it is finished
    ScanResult         -> the summary of every input file, resumed ones included

Resume: before a scan, the results file is read back; a document whose sha256 is already there
is not analysed again (a line for the same content under another path is copied with the new
path). A partly written last line, left by a kill, is cut off and the document redone.

Worker isolation (local scans). Every worker is a separate process that analyses one document at
a time and sends back its JSON line; the parent is the watchdog:
  - a worker that runs past `limits.timeout_seconds` on a document is killed (SIGKILL) and the
    document becomes an E021 line;
  - a worker that dies (a segfault or abort in a native library such as pdfium, the OOM killer, a
    MemoryError under the `limits.memory_mb` address-space ceiling set with RLIMIT_AS) turns its
    document into an E022 line;
and in both cases a fresh worker takes its place and the scan goes on.

Fault injection, for tests only: the environment variable CLAUSECHECK_SCAN_FAULT holds
comma-separated `action:file-name` pairs read by every worker, e.g.
`abort:crash.txt,hang:slow.txt,oom:big.txt`. Before analysing a file with that base name the
worker calls os.abort() (as a crashing native library would), sleeps forever, or allocates memory
until it fails. Nothing else reads it; an unset variable costs nothing.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import signal
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from .config import Config
from .errors import ClauseCheckError
from .extract.walk import safe_walk
from .models import DocumentReport, Summary

FAULT_ENV = "CLAUSECHECK_SCAN_FAULT"
_TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ""}
_SUPPORTED_EXTENSIONS = {".pdf", ".docx", ".txt", ".text", ".md", ".markdown"}
_GLOB_CHARS = set("*?[")

# one result of a backend: the input path, its JSON line, the worker's peak RSS in MB (if known),
# and optionally its digest (summary + CSV row), computed where the report object already exists
Digest = tuple[Summary, list[str]]
Result = tuple[str, str, float | None] | tuple[str, str, float | None, Digest | None]


# --- discovery ---------------------------------------------------------------------------------


@dataclass
class Inputs:
    """The files a scan will analyse, in a stable order, and what it passed over."""

    files: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # kind of file -> count
    unmatched: list[str] = field(default_factory=list)  # globs that matched nothing


def sniff(path: Path) -> str | None:
    """None if the file looks like a contract clausecheck reads, else the kind of file it is."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return None  # unreadable: analysed anyway so that it becomes an error line
    suffix = path.suffix.lower()
    if b"%PDF-" in head[:1024]:
        return None
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        try:
            with zipfile.ZipFile(path) as zf:
                return None if "word/document.xml" in zf.namelist() else "zip archive"
        except (zipfile.BadZipFile, OSError, ValueError):
            return None if suffix == ".docx" else "zip archive"
    if suffix in _SUPPORTED_EXTENSIONS:
        return None  # named like a contract: analysed, and explained by an error line if it is not one
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "legacy Office (.doc/.xls)"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return None if suffix in _TEXT_EXTENSIONS else f"other text ({suffix})"


_LINK_OUT = "symbolic link out of the folder (not followed)"


def discover(inputs: Iterable[str | Path], exclude: Iterable[Path] = ()) -> Inputs:
    """Expand folders (recursively) and globs; keep files that look like contracts, by content.

    A file named explicitly is always kept: if it cannot be read it becomes an error line.
    Hidden files and folders are skipped, and so are the `exclude` paths (the scan's own output).
    """
    excluded = {p.resolve() for p in exclude}
    out = Inputs()
    seen: set[Path] = set()

    def add(path: Path, explicit: bool) -> None:
        resolved = path.resolve()
        if resolved in seen or resolved in excluded:
            return
        seen.add(resolved)
        kind = None if explicit else sniff(path)
        if kind is None:
            out.files.append(str(path))
        else:
            out.skipped[kind] += 1

    def walk(folder: Path) -> None:
        # safe_walk: no link out of the tree is followed, no loop, and no FIFO is opened (sniff would block)
        for entry in safe_walk(folder, suffixes=None):
            if entry.error is None:
                add(entry.path, explicit=False)
            elif entry.error.code == "E027":
                out.skipped[_LINK_OUT] += 1
            else:
                add(entry.path, explicit=True)  # a broken link, a FIFO, an unreadable file: an error line

    for item in inputs:
        text = str(item)
        path = Path(text)
        if path.is_dir():
            walk(path)
        elif not path.exists() and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                out.unmatched.append(text)
            for match in matches:
                m = Path(match)
                if m.is_dir():
                    walk(m)
                elif m.is_file():
                    add(m, explicit=False)
        else:
            add(path, explicit=True)
    return out


# --- results file ------------------------------------------------------------------------------


def _sha256_file(path: str) -> str | None:
    if not os.path.isfile(path):  # a FIFO or a device would block or never end
        return None
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return None
    return h.hexdigest()


class Sink:
    """Where JSON lines go: a stream (no resume) or, via ResultsFile, a durable file."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def existing(self) -> Iterator[tuple[int, dict[str, Any]]]:
        return iter(())

    def line_at(self, offset: int) -> str:
        raise KeyError(offset)

    def append(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


def settings_fingerprint(config: Config) -> str:
    """What decides a document's line besides its content: the version, rules, thresholds, patterns.
    Time and memory limits, passwords and OCR page counts do not change a finished analysis."""
    from . import __version__

    relevant = config.model_dump(mode="json", exclude={"password", "root", "limits", "fail_on"})
    return hashlib.sha256(json.dumps([__version__, relevant], sort_keys=True).encode()).hexdigest()[:16]


class ResultsFile(Sink):
    """A JSONL results file: appended line by line with flush + fsync, so a kill loses nothing written.

    Beside it, `<name>.settings` records the settings its lines were made with: resuming with other
    rules, thresholds or patterns would silently mix old and new results, so it is refused (E047)."""

    def __init__(self, path: str | Path, settings: str | None = None) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if settings is not None:
            self._check_settings(settings)
        self._drop_partial_tail()
        super().__init__(open(self.path, "a", encoding="utf-8", newline="\n"))  # noqa: SIM115

    def _check_settings(self, settings: str) -> None:
        marker = self.path.with_name(self.path.name + ".settings")
        has_lines = self.path.exists() and self.path.stat().st_size > 0
        if has_lines and marker.exists() and marker.read_text(encoding="utf-8").strip() != settings:
            raise ClauseCheckError(
                "E047", f"{self.path}: its lines were made with other settings (rules, thresholds, patterns or version)")
        if not has_lines or not marker.exists():
            marker.write_text(settings + "\n", encoding="utf-8")

    def _drop_partial_tail(self) -> None:
        """Cut a last line without its newline (the process was killed while writing it)."""
        if not self.path.exists():
            return
        with open(self.path, "rb+") as fh:
            size = fh.seek(0, os.SEEK_END)
            if size == 0:
                return
            fh.seek(size - 1)
            if fh.read(1) == b"\n":
                return
            pos = size
            while pos > 0:
                step = min(65536, pos)
                fh.seek(pos - step)
                chunk = fh.read(step)
                cut = chunk.rfind(b"\n")
                if cut >= 0:
                    fh.truncate(pos - step + cut + 1)
                    return
                pos -= step
            fh.truncate(0)

    def existing(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(offset, object) of every complete, valid line already in the file."""
        with open(self.path, "rb") as fh:
            offset = 0
            for raw in fh:
                start, offset = offset, offset + len(raw)
                try:
                    obj = json.loads(raw)
                except ValueError:
                    continue  # a damaged line is ignored: its document is redone
                if isinstance(obj, dict) and isinstance(obj.get("path"), str):
                    yield start, obj

    def line_at(self, offset: int) -> str:
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            return fh.readline().decode("utf-8").rstrip("\n")

    def append(self, line: str) -> None:
        self.stream.write(line + "\n")
        self.stream.flush()
        os.fsync(self.stream.fileno())

    def close(self) -> None:
        self.stream.close()


class Tee(Sink):
    """A Sink that also keeps every line it is given (for `scan --html` when results go to stdout)."""

    def __init__(self, inner: Sink) -> None:
        super().__init__(inner.stream)
        self.inner = inner
        self.lines: list[str] = []

    def existing(self) -> Iterator[tuple[int, dict[str, Any]]]:
        return self.inner.existing()

    def line_at(self, offset: int) -> str:
        return self.inner.line_at(offset)

    def append(self, line: str) -> None:
        self.inner.append(line)
        self.lines.append(line)

    def close(self) -> None:
        self.inner.close()


def scanned_documents(lines: Iterable[str], files: Sequence[str]) -> list[DocumentReport]:
    """The last result of each of `files` among JSON lines, in the order of `files`."""
    wanted = set(files)
    last: dict[str, DocumentReport] = {}
    for line in lines:
        try:
            doc = DocumentReport.model_validate_json(line)
        except ValueError:
            continue
        if doc.path in wanted:
            last[doc.path] = doc
    return [last[p] for p in files if p in last]


# --- the worker process ------------------------------------------------------------------------


def _faults() -> dict[str, str]:
    spec = os.environ.get(FAULT_ENV, "")
    pairs = (item.split(":", 1) for item in spec.split(",") if ":" in item)
    return {name.strip(): action.strip() for action, name in pairs}


def _inject_fault(action: str) -> None:
    """Test hook (see the module docstring): behave like a crashing, hanging or bloating document."""
    if action == "abort":
        os.abort()
    elif action == "hang":
        while True:
            time.sleep(3600)
    elif action == "oom":
        hog = []
        while True:
            hog.append(bytearray(64 << 20))


def _vm_size_bytes() -> int | None:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def set_memory_ceiling(memory_mb: int) -> None:
    """Limit this process's address space to its current size plus `memory_mb` (Linux; no-op elsewhere)."""
    try:
        import resource
    except ImportError:
        return
    current = _vm_size_bytes()
    if current is None:
        return
    limit = current + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def analyse_to_line(path: str, config: Config, faults: dict[str, str] | None = None) -> str:
    """Analyse one file in this process and return its JSON line (never raises)."""
    return analyse_to_result(path, config, faults)[0]


def analyse_to_result(path: str, config: Config, faults: dict[str, str] | None = None) -> tuple[str, Digest]:
    """Analyse one file in this process: its JSON line and digest (never raises)."""
    from .engine import analyse_path

    try:
        action = (faults or {}).get(os.path.basename(path))
        if action:
            _inject_fault(action)
        report = analyse_path(path, config)
    except MemoryError:
        report = DocumentReport(path=path, error=ClauseCheckError(
            "E022", f"{path}: exceeded the worker memory ceiling ({config.limits.memory_mb} MB)").info())
    if report.sha256 is None:
        report.sha256 = _sha256_file(path)
    return report.model_dump_json(), digest(report, config)


def _worker_main(conn: Any, config_json: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    import faulthandler

    faulthandler.disable()  # a crash is reported once, as the document's E022 line, not as a dump on stderr
    config = Config.model_validate_json(config_json)
    import gc

    from .engine import get_detector, quiet_gc

    get_detector(config)  # already built when forked from a warm parent
    gc.collect()  # what a spawned worker's start-up left (a forked one's parent froze its own)
    quiet_gc()
    faults = _faults()
    set_memory_ceiling(config.limits.memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        if task is None:
            return
        line, summary = analyse_to_result(task, config, faults)
        try:
            conn.send((line, peak_rss_mb(), summary))
        except (BrokenPipeError, OSError):
            return


# --- the local pool with a watchdog ------------------------------------------------------------


def _error_line(path: str, code: str, message: str) -> str:
    return DocumentReport(path=path, sha256=_sha256_file(path),
                          error=ClauseCheckError(code, message).info()).model_dump_json()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


class _Worker:
    def __init__(self, ctx: Any, config_json: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, config_json), daemon=True)
        self.process.start()
        child.close()
        self.task: str | None = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.process.join(timeout=None if kill else 5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()
        self.conn.close()


def _context() -> Any:
    import multiprocessing

    # fork on Linux: workers start instantly with the parent's spaCy pipeline already built
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    return multiprocessing.get_context(method)


def iter_local(paths: Sequence[str], config: Config, workers: int,
               tick: Callable[[], None] | None = None) -> Iterator[Result]:
    """Analyse `paths` in `workers` isolated processes; yield (path, line, peak MB) as each finishes."""
    from multiprocessing.connection import wait

    if not paths:
        return
    ctx = _context()
    config_json = config.model_dump_json()
    timeout = config.limits.timeout_seconds
    todo = list(reversed(paths))
    pool = [_Worker(ctx, config_json) for _ in range(max(1, min(workers, len(paths))))]

    def feed(w: _Worker) -> None:
        if w.task is None and todo:
            w.task, w.started = todo.pop(), time.monotonic()
            try:
                w.conn.send(w.task)
            except OSError:
                pass  # it died while idle: found below through its sentinel

    try:
        while todo or any(w.task is not None for w in pool):
            for w in pool:
                feed(w)
            busy = [w for w in pool if w.task is not None]
            now = time.monotonic()
            wake = min((w.started + timeout - now for w in busy), default=0.5)
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in pool],
                             timeout=max(0.0, min(wake, 0.5))))
            for i, w in enumerate(pool):
                result: Result | None = None
                replace = False
                if w.task is not None and w.conn in ready:
                    try:
                        line, peak, summary = w.conn.recv()
                        result = (w.task, line, peak, summary)
                    except (EOFError, OSError):
                        w.process.join(timeout=5)
                        result = (w.task, _error_line(
                            w.task, "E022", f"{w.task}: the worker process {_death(w.process.exitcode)}"), None)
                        replace = True
                elif w.process.sentinel in ready or not w.process.is_alive():
                    w.process.join(timeout=5)
                    if w.task is not None:
                        result = (w.task, _error_line(
                            w.task, "E022", f"{w.task}: the worker process {_death(w.process.exitcode)}"), None)
                    replace = True
                elif w.task is not None and time.monotonic() - w.started > timeout:
                    w.process.kill()
                    w.process.join()
                    result = (w.task, _error_line(
                        w.task, "E021", f"{w.task}: analysis took longer than {timeout:g} s; the worker was stopped"),
                        None)
                    replace = True
                if replace:
                    w.conn.close()
                    pool[i] = _Worker(ctx, config_json)
                elif result is not None:
                    w.task = None
                if result is not None:
                    feed(pool[i])  # the next document first: the worker goes on while its line is written
                    yield result
            if tick is not None:
                tick()
    finally:
        for w in pool:
            w.stop(kill=w.task is not None)


# --- the scan ----------------------------------------------------------------------------------


def digest(doc: DocumentReport, config: Config) -> Digest:
    """What the scan keeps of a document: its summary counts and its CSV row."""
    from .engine import summarise
    from .report.csv_format import document_row

    return summarise([doc], config), document_row(doc, max_probation_months=config.max_probation_months)


def merge_summaries(parts: Iterable[Summary]) -> Summary:
    total = Summary()
    by_rule: Counter[str] = Counter()
    by_severity: Counter[str] = Counter()
    for s in parts:
        total.documents += s.documents
        total.analysed += s.analysed
        total.errors += s.errors
        total.findings += s.findings
        total.exclusive_documents += s.exclusive_documents
        total.unprotected_exclusive_documents += s.unprotected_exclusive_documents
        by_rule.update(s.findings_by_rule)
        by_severity.update(s.findings_by_severity)
    total.findings_by_rule = dict(sorted(by_rule.items()))
    total.findings_by_severity = dict(by_severity)
    return total


@dataclass
class ScanProgress:
    done: int
    total: int
    errors: int


@dataclass
class ScanResult:
    """What a scan did: the summary of every input file and how the work was split."""

    summary: Summary
    files: int
    analysed: int = 0  # by this run
    resumed: int = 0  # already in the results file
    copied: int = 0  # same content as a document already in the results file, under another path
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    peak_worker_mb: float | None = None
    interrupted: bool = False
    rows: list[list[str]] = field(default_factory=list)  # one CSV row per input file, in input order


def run_scan(files: Sequence[str], config: Config, sink: Sink, *, workers: int | None = None,
             backend: Callable[[Sequence[str]], Iterator[Result]] | None = None,
             progress: Callable[[ScanProgress], None] | None = None) -> ScanResult:
    """Analyse `files`, appending one JSON line per document to `sink`; skip what it already holds.

    `backend` maps the paths still to do to results as they complete (default: a local pool of
    `workers` isolated processes, all cores when None). Ctrl-C stops the scan: everything already
    written stays, `interrupted` is set, and running the scan again resumes it.
    """
    from .engine import get_detector

    started = time.monotonic()
    get_detector(config)  # pattern errors surface before any work; forked workers inherit it
    wanted = set(files)
    digests: dict[str, Digest] = {}
    by_sha: dict[str, int] = {}
    done_pairs: set[tuple[str, str | None]] = set()
    for offset, obj in sink.existing():
        sha = obj.get("sha256") if isinstance(obj.get("sha256"), str) else None
        if sha:
            by_sha.setdefault(sha, offset)
        done_pairs.add((obj["path"], sha))
        if obj["path"] in wanted:
            try:
                digests[obj["path"]] = digest(DocumentReport.model_validate(obj), config)
            except ValueError:
                done_pairs.discard((obj["path"], sha))
    result = ScanResult(summary=Summary(), files=len(files))
    todo: list[str] = []
    if done_pairs:
        for path in files:
            sha = _sha256_file(path)
            if (path, sha) in done_pairs and path in digests:
                result.resumed += 1
            elif sha is not None and sha in by_sha:
                obj = json.loads(sink.line_at(by_sha[sha]))
                obj["path"] = path
                line = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
                sink.append(line)
                digests[path] = digest(DocumentReport.model_validate(obj), config)
                result.copied += 1
            else:
                digests.pop(path, None)  # content changed since: analysed again
                todo.append(path)
    else:
        todo = list(files)
    todo.sort(key=_size, reverse=True)  # largest first: no long document left alone at the end
    total = len(files)
    errors = sum(d[0].errors for p, d in digests.items() if p in wanted)

    done_count = len(digests)

    def report_progress() -> None:
        if progress is not None:
            progress(ScanProgress(done=done_count, total=total, errors=errors))

    report_progress()
    if backend is None:
        n = workers or _cpu_count()
        backend = lambda paths: iter_local(paths, config, n, tick=report_progress)  # noqa: E731
    try:
        for path, line, peak, *rest in backend(todo):
            sink.append(line)
            found = rest[0] if rest and rest[0] is not None else digest(DocumentReport.model_validate_json(line), config)
            if path not in digests:
                done_count += 1
            digests[path] = found
            errors += found[0].errors
            result.analysed += 1
            if peak is not None:
                result.peak_worker_mb = max(result.peak_worker_mb or 0.0, peak)
            report_progress()
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        sink.close()
    ordered = [digests[p] for p in files if p in digests]
    result.summary = merge_summaries(d[0] for d in ordered)
    result.rows = [d[1] for d in ordered]
    result.seconds = time.monotonic() - started
    return result


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def render_csv(result: ScanResult) -> str:
    """The scan's CSV (one row per document), in the format of `check --format csv`."""
    from .report.csv_format import table

    return table(result.rows)


__all__ = [
    "FAULT_ENV", "Inputs", "ResultsFile", "ScanProgress", "ScanResult", "Sink", "Tee", "analyse_to_line",
    "discover", "iter_local", "merge_summaries", "run_scan", "scanned_documents", "sniff",
]
