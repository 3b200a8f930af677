"""Speed benchmark: clausecheck against the floor, on the 305 CUAD PDFs in ../shared/cuad.

    python bench/speed.py [--rounds 2] [--plumber-files 8] [--cold-reps 7] [PDF ...]

Measured in one run, interleaved (A B C A B C ...), the median of each kept, so that load from
other processes on a shared machine hits every measure alike:

  raw        pypdfium2 alone: open each PDF, get every page's text (a subprocess, like the scan)
  scan -j1   `clausecheck scan --workers 1 --out TMP` over the same PDFs (end to end), with OCR of
             pages without a text layer turned off (`limits.max-ocr-pages = 0`): the floor reads the
             text layer only, so this is the like-for-like comparison; `--ocr` adds one run with the
             default settings (Tesseract on up to 50 image-only pages per PDF, when installed)
  scan -j2   the same with --workers 2
  plumber    pdfplumber's extract_text() on the first N PDFs, against pypdfium2 on the same N
  cold       `clausecheck check one-page.txt` against `python -c "import spacy; spacy.blank('en')"`

`--stages` instead prints where one process's CPU time goes over the same PDFs (pypdfium2's own
calls, the rest of extraction, sentence splitting, the pre-filter, spaCy on the windows, the
clause analysers, ...): the profile to read before changing anything for speed.

It prints a Markdown table (the README's "Speed" section keeps a copy). Not a test: nothing
fails when a target is missed. PDFs named on the command line are measured instead of CUAD's (a
quick look at other files, or the tests' check that the benchmark still runs); with none named it
skips cleanly (exit 0) when ../shared/cuad is absent.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CUAD = ROOT.parent / "shared" / "cuad" / "pdf"

RAW = """
import sys, pypdfium2 as pdfium
for path in sys.argv[1:]:
    pdf = pdfium.PdfDocument(path)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()
"""

PLUMBER = """
import sys, pdfplumber
for path in sys.argv[1:]:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
"""

ONE_PAGE = (
    "DISTRIBUTION AGREEMENT\n\nSupplier appoints Distributor as its exclusive distributor of the Products "
    "in France for an initial term of two (2) years.\n\nDistributor shall purchase not less than 1,000 units "
    "in each calendar quarter.\n\nThis Agreement is governed by the laws of France.\n"
)


CPU: dict[str, list[float]] = {}


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str], key: str | None = None) -> tuple[float, str]:
    """Wall time of a command; its CPU time (with its worker processes) goes to CPU[key]."""
    cpu = _cpu_children()
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd[:4])} ...\n{proc.stderr[-2000:]}")
    if key:
        CPU.setdefault(key, []).append(_cpu_children() - cpu)
    return elapsed, proc.stdout


def _clausecheck() -> list[str]:
    script = Path(sys.executable).with_name("clausecheck")
    return [str(script)] if script.exists() else [sys.executable, "-m", "clausecheck"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds of raw / scan -j1 / scan -j2")
    parser.add_argument("--plumber-files", type=int, default=8, help="PDFs for the pdfplumber comparison")
    parser.add_argument("--cold-reps", type=int, default=7, help="interleaved repetitions of the cold start")
    parser.add_argument("--limit", type=int, default=None, help="only the first N PDFs (a quick look, not the figure)")
    parser.add_argument("--ocr", action="store_true", help="also time one scan -j1 with default settings (OCR on)")
    parser.add_argument("--stages", action="store_true", help="only print where one process's CPU time goes")
    parser.add_argument("pdfs", nargs="*", help="PDFs to measure instead of ../shared/cuad's")
    args = parser.parse_args()
    if not args.pdfs and not CUAD.is_dir():
        print(f"skipped: {CUAD} not found (the CUAD development set is not in this checkout)")
        return 0
    pdfs = (args.pdfs or sorted(str(p) for p in CUAD.iterdir() if p.suffix.lower() == ".pdf"))[: args.limit]
    if args.stages:
        return stages(pdfs)
    cc = _clausecheck()
    load_before = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="clausecheck-bench-"))
    times: dict[str, list[float]] = {"raw": [], "scan1": [], "scan2": []}
    no_ocr = work / "no-ocr.toml"
    no_ocr.write_text("[limits]\nmax-ocr-pages = 0\n", encoding="utf-8")
    peaks: list[float] = []
    summary = ""
    try:
        for r in range(args.rounds):
            for key in ("raw", "scan1", "scan2"):
                if key == "raw":
                    elapsed, _ = _timed([sys.executable, "-c", RAW, *pdfs], key)
                else:
                    out = work / f"{key}-{r}.jsonl"
                    elapsed, summary = _timed([*cc, "scan", "--workers", key[-1], "--no-progress", "--config",
                                               str(no_ocr), "--out", str(out), *pdfs], key)
                    found = re.search(r"peak worker memory: (\d+) MB", summary)
                    if found:
                        peaks.append(float(found.group(1)))
                    with open(out, encoding="utf-8") as fh:
                        if sum(1 for _ in fh) != len(pdfs):
                            sys.exit(f"scan wrote a wrong number of lines to {out}")
                times[key].append(elapsed)
                print(f"  round {r + 1}: {key:6s} {elapsed:6.1f} s", file=sys.stderr)
        ocr = None
        if args.ocr:
            ocr = _timed([*cc, "scan", "--workers", "1", "--no-progress", "--isolated", "--out",
                          str(work / "ocr.jsonl"), *pdfs], "ocr")[0]
        few = pdfs[: args.plumber_files]
        plumber_raw, plumber = [], []
        for _ in range(2):
            plumber_raw.append(_timed([sys.executable, "-c", RAW, *few])[0])
            plumber.append(_timed([sys.executable, "-c", PLUMBER, *few])[0])
        one = work / "one-page.txt"
        one.write_text(ONE_PAGE, encoding="utf-8")
        cold_cc, cold_spacy = [], []
        for _ in range(args.cold_reps):
            cold_spacy.append(_timed([sys.executable, "-c", "import spacy; spacy.blank('en')"], "spacy")[0])
            cold_cc.append(_timed([*cc, "check", str(one)], "check")[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    med = {k: statistics.median(v) for k, v in times.items()}
    cpu = {k: statistics.median(v) for k, v in CPU.items()}
    largest = max(pdfs, key=os.path.getsize)
    cold = (statistics.median(cold_cc), statistics.median(cold_spacy))
    rows = [
        ("end to end, `scan --workers 1`, vs pypdfium2 text alone",
         f"{med['scan1']:.1f} s vs {med['raw']:.1f} s", f"{med['scan1'] / med['raw']:.2f}x",
         f"{cpu['scan1']:.1f} s vs {cpu['raw']:.1f} s = {cpu['scan1'] / cpu['raw']:.2f}x", "<= 1.5x"),
        ("`--workers 2` speed-up over `--workers 1`", f"{med['scan2']:.1f} s vs {med['scan1']:.1f} s",
         f"{med['scan1'] / med['scan2']:.2f}x", f"{cpu['scan2']:.1f} s vs {cpu['scan1']:.1f} s of CPU", ">= 1.8x"),
        ("peak memory per worker (largest PDF: " + f"{os.path.getsize(largest) / 1e6:.1f} MB)",
         f"{max(peaks):.0f} MB" if peaks else "n/a", "", "", "<= 400 MB"),
        ("cold start, `check` one-page TXT, vs `spacy.blank('en')`",
         f"{cold[0]:.2f} s vs {cold[1]:.2f} s", f"{cold[0] / cold[1]:.2f}x",
         f"{cpu['check']:.2f} s vs {cpu['spacy']:.2f} s = {cpu['check'] / cpu['spacy']:.2f}x", "<= 1.3x"),
        *([("`scan --workers 1` with default settings (OCR of image-only pages) vs pypdfium2",
             f"{ocr:.1f} s vs {med['raw']:.1f} s", f"{ocr / med['raw']:.2f}x",
             f"{cpu['ocr']:.1f} s vs {cpu['raw']:.1f} s = {cpu['ocr'] / cpu['raw']:.2f}x", "(for reference)")]
           if ocr is not None else []),
        (f"pdfplumber `extract_text()` vs pypdfium2 ({len(few)} PDFs; not used by clausecheck)",
         f"{statistics.median(plumber):.1f} s vs {statistics.median(plumber_raw):.1f} s",
         f"{statistics.median(plumber) / statistics.median(plumber_raw):.0f}x", "", "(for reference)"),
    ]
    print(f"\n{len(pdfs)} PDFs, {os.cpu_count()} CPUs, {args.rounds} interleaved rounds (medians), "
          f"load average {load_before:.1f} before / {os.getloadavg()[0]:.1f} after, {time.strftime('%Y-%m-%d')}\n")
    print("| measure | wall time | ratio | CPU time (all processes) | target |")
    print("|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print("\nLast scan's summary:\n" + "\n".join("    " + line for line in summary.splitlines()))
    return 0


def stages(pdfs: list[str]) -> int:
    """CPU time of each stage of `analyse_path` over `pdfs`, in this process (functions wrapped with timers)."""
    sys.path.insert(0, str(ROOT))
    from clausecheck import engine
    from clausecheck.config import Config
    from clausecheck.extract import pdf as pdf_module
    from clausecheck.extract.limits import Limits
    from clausecheck.nlp import detect

    spent: dict[str, float] = {}

    def timed(owner: object, name: str, label: str) -> None:
        inner = getattr(owner, name)

        def wrapper(*args: object, **kwargs: object) -> object:
            start = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.process_time() - start

        setattr(owner, name, wrapper)

    gc.disable()  # as `check` and `scan` start up
    start = time.process_time()
    config = Config(limits=Limits(max_ocr_pages=0))
    detector = engine.get_detector(config)
    startup = time.process_time() - start
    gc.collect()
    engine.quiet_gc()  # as a scan worker does
    timed(engine, "extract", "extraction, all of it")
    timed(pdf_module, "_page_lines", "  pypdfium2: each page's text (the floor's own work, with page loading below)")
    for name in ("_check_streams", "reflow", "assemble", "_furniture", "_line_width"):
        timed(pdf_module, name, f"  extract: {name.lstrip('_')}")
    timed(detector, "detect", "detection, all of it")
    timed(detect, "segment", "  segment (sentences)")
    timed(detector.prefilter, "scan", "  pre-filter")
    timed(detector, "_windows", "  windows")
    timed(detector, "_matcher_for", "  matchers built (one per pattern)")
    timed(detector, "hits", "hits")
    for clause_type, analyser in list(detect.ANALYSERS.items()):
        detect.ANALYSERS[clause_type] = lambda *a, _f=analyser, **k: _timed_call(_f, spent, "  clause analysers", a, k)
    timed(detect, "_merge", "  merge into clauses")
    timed(engine, "guess_language", "language guess")
    timed(engine, "analyse_path", "total per document (analyse_path)")
    for path in pdfs:
        engine.analyse_path(path, config).model_dump_json()
    total = spent["total per document (analyse_path)"]
    hits = spent.pop("hits")
    spent["  spaCy tokenizer and Matcher on the windows"] = hits - sum(
        spent.get(k, 0.0) for k in ("  pre-filter", "  windows", "  matchers built (one per pattern)"))
    extraction = spent["extraction, all of it"]
    spent["  pypdfium2 page loading and the rest of the page loop"] = extraction - sum(
        v for k, v in spent.items() if k.startswith(("  pypdfium2: each", "  extract:")))
    print(f"\n{len(pdfs)} PDFs in one process, CPU seconds, load average {os.getloadavg()[0]:.1f}; "
          f"start-up (imports, pipeline, matchers) {startup:.2f} s before the first document\n")
    print("| stage | CPU s | share of the per-document total |")
    print("|---|---|---|")
    top = ["extraction, all of it", "detection, all of it", "language guess"]
    order = [label for t in top for label in [t, *sorted(
        (k for k in spent if k.startswith("  ") and (k.startswith(("  pypdfium2", "  extract:")) == (t == top[0]))
         and t != top[2]), key=lambda k: -spent[k])]]
    for label in [*order, "total per document (analyse_path)"]:
        seconds = spent[label]
        print(f"| {label.replace('  ', '&nbsp;&nbsp;')} | {seconds:.2f} | {seconds / total:.0%} |")
    return 0


def _timed_call(function, spent: dict[str, float], label: str, args: tuple, kwargs: dict) -> object:  # noqa: ANN001
    start = time.process_time()
    try:
        return function(*args, **kwargs)
    finally:
        spent[label] = spent.get(label, 0.0) + time.process_time() - start


if __name__ == "__main__":
    raise SystemExit(main())
