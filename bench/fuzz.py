"""Fuzz benchmark: mutated fixture and hostile-corpus files through analyse_path; counts crashes.

    python bench/fuzz.py                     # 10,000 cases on 2 worker processes, then peak RSS figures
    python bench/fuzz.py --cases 200         # the short version the test suite runs

A crash is: an exception escaping analyse_path, an E020 ("analysis failed": a bug), a case that
runs longer than --hang-seconds, a worker process that dies (segfault, abort), or a case after
which the worker's peak RSS exceeds the memory ceiling (Limits.memory_mb, 1024 MB). Each
worker process runs its share of the cases; a worker that dies is recorded against the case it
was running and restarted after it. Every case is reproducible from (--seed, case number):
`--show N` writes case N to a file.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import hostile_corpus as hc  # noqa: E402

EXTENSIONS = [".pdf", ".docx", ".txt", ".md"]
INTERESTING = [b"0", b"-1", b"4294967296", b"99999999999999999999", b"2147483647", b"1e308", b"NaN", b"", b"(",
               b")", b"<<", b">>", b"[", b"]", b"obj", b"endobj", b"stream", b"endstream", b"R", b"/Length",
               b"<w:p>", b"</w:p>", b"<!DOCTYPE x>", b"&amp;", b"&#0;", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
               "\u202e".encode(), "\u200b".encode(), b"\r", b"\n\n", b"\f"]
_NUMBER = re.compile(rb"-?\d+")
SMALL = 2_000_000  # corpus files bigger than this are not used as seeds (they are measured for RSS instead)


def seed_files(corpus_dir: Path) -> list[tuple[str, bytes]]:
    """Fixture contracts plus the small hostile-corpus files, in a fixed order."""
    seeds = []
    fixtures = ROOT / "fixtures" / "contracts"
    for path in sorted(fixtures.glob("*")):
        if path.suffix in (".pdf", ".docx", ".txt", ".md"):
            seeds.append((path.name, path.read_bytes()))
    seeds.append(("uncompressed.pdf", hc.make_pdf([hc.wrap(hc.CONTRACT_TEXT)], compress=False)))
    for path in sorted(corpus_dir.glob("*")):
        if path.is_file() and path.stat().st_size <= SMALL and path.name != "secret.txt":
            seeds.append((path.name, path.read_bytes()))
    return seeds


def _bytes_mutation(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return bytes(rng.randbytes(rng.randint(1, 64)))
    buf = bytearray(data)
    kind = rng.randrange(7)
    if kind == 0:  # flip random bytes
        for _ in range(rng.randint(1, 20)):
            buf[rng.randrange(len(buf))] = rng.randrange(256)
    elif kind == 1:  # truncate
        del buf[rng.randrange(len(buf)):]
    elif kind == 2:  # delete a range
        start = rng.randrange(len(buf))
        del buf[start:start + rng.randint(1, 4096)]
    elif kind == 3:  # insert an interesting token
        pos = rng.randrange(len(buf) + 1)
        buf[pos:pos] = rng.choice(INTERESTING) * rng.choice([1, 1, 2, 100])
    elif kind == 4:  # duplicate a chunk
        start = rng.randrange(len(buf))
        chunk = buf[start:start + rng.randint(1, 2048)]
        pos = rng.randrange(len(buf) + 1)
        buf[pos:pos] = chunk * rng.randint(1, 8)
    elif kind == 5:  # replace a number with an extreme one
        numbers = list(_NUMBER.finditer(buf[:200_000]))
        for m in rng.sample(numbers, min(len(numbers), rng.randint(1, 5))):
            buf[m.start():m.end()] = rng.choice(INTERESTING[:7]).ljust(m.end() - m.start())[: max(m.end() - m.start(), 1)]
    else:  # random bytes
        pos = rng.randrange(len(buf) + 1)
        buf[pos:pos] = rng.randbytes(rng.randint(1, 512))
    return bytes(buf)


def _docx_mutation(rng: random.Random, data: bytes) -> bytes | None:
    """Mutate inside a zip member (past the CRC), so the XML and python-docx paths get the damage."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    except Exception:  # noqa: BLE001 - not a zip: the caller falls back to byte mutations
        return None
    xml = [n for n in members if n.endswith((".xml", ".rels"))]
    if not xml:
        return None
    target = "word/document.xml" if "word/document.xml" in members and rng.random() < 0.6 else rng.choice(xml)
    if rng.random() < 0.1:
        del members[target]
    else:
        members[target] = _bytes_mutation(rng, members[target])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, value in members.items():
            zf.writestr(name, value)
    return out.getvalue()


def make_case(seeds: list[tuple[str, bytes]], seed: int, number: int) -> tuple[str, bytes]:
    rng = random.Random(f"{seed}:{number}")
    name, data = rng.choice(seeds)
    roll = rng.random()
    if roll < 0.1:  # splice two files
        other = rng.choice(seeds)[1]
        data = data[: rng.randrange(len(data) + 1)] + other[rng.randrange(len(other) + 1):]
    elif roll < 0.45 and data[:2] == b"PK":
        data = _docx_mutation(rng, data) or _bytes_mutation(rng, data)
    else:
        for _ in range(rng.choice([1, 1, 1, 2, 4])):
            data = _bytes_mutation(rng, data)
    stem = Path(name).stem
    suffix = Path(name).suffix if rng.random() < 0.8 else rng.choice(EXTENSIONS)
    return f"{number:06d}_{stem}{suffix}", data


# --------------------------------------------------------------------------- worker (one process)


def worker(corpus_dir: Path, seed: int, numbers: list[int], hang_seconds: float, ceiling: int) -> None:
    import faulthandler
    import resource

    from clausecheck.config import Config
    from clausecheck.engine import analyse_path, get_detector

    config = Config()
    get_detector(config)
    seeds = seed_files(corpus_dir)
    with tempfile.TemporaryDirectory() as tmp:
        for number in numbers:
            name, data = make_case(seeds, seed, number)
            path = Path(tmp) / name
            path.write_bytes(data)
            print(json.dumps({"start": number}), flush=True)
            faulthandler.dump_traceback_later(hang_seconds, exit=True)
            started = time.perf_counter()
            result: dict = {"case": number, "name": name}
            try:
                report = analyse_path(path, config)
                result["code"] = report.error.code if report.error else None
                if report.error and report.error.code == "E020":
                    result["crash"] = report.error.message
            except BaseException as exc:  # noqa: BLE001 - this is what the fuzzer counts
                result["crash"] = f"{type(exc).__name__}: {exc}"
            finally:
                faulthandler.cancel_dump_traceback_later()
            result["seconds"] = round(time.perf_counter() - started, 4)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            if rss > ceiling:
                result["crash"] = f"peak RSS {rss:,} bytes over the {ceiling:,}-byte ceiling"
            result["rss"] = rss
            path.unlink()
            print(json.dumps(result), flush=True)


# --------------------------------------------------------------------------- parent


def run(cases: int, seed: int = 1, workers: int = 2, hang_seconds: float = 60.0, quiet: bool = False) -> dict:
    """Run the fuzz cases in `workers` processes; return the tally (crashes is what must be 0)."""
    started = time.perf_counter()
    results: dict[int, dict] = {}
    lock = threading.Lock()
    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = Path(tmp) / "corpus"
        hc.build(corpus_dir, skip=tuple(BIG))  # the big ones are not seeds (see measure_memory)

        def drive(share: list[int]) -> None:
            todo = list(share)
            while todo:
                cmd = [sys.executable, __file__, "--worker", "--corpus", str(corpus_dir), "--seed", str(seed),
                       "--hang-seconds", str(hang_seconds), "--numbers", ",".join(map(str, todo))]
                proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, "PYTHONFAULTHANDLER": "1"})
                errors: list[str] = []
                reader = threading.Thread(target=lambda p=proc, e=errors: e.append(p.stderr.read()), daemon=True)
                reader.start()
                current = None
                for line in proc.stdout:
                    message = json.loads(line)
                    if "start" in message:
                        current = message["start"]
                        continue
                    with lock:
                        results[message["case"]] = message
                    todo.remove(message["case"])
                    current = None
                proc.wait()
                reader.join()
                if current is not None:  # the worker died (or hung) inside a case: that case is a crash
                    tail = (errors[0] if errors else "").strip().splitlines()[-3:]
                    with lock:
                        results[current] = {"case": current, "crash": f"worker died (exit {proc.returncode}): "
                                            + " | ".join(tail)}
                    todo.remove(current)
                elif proc.returncode != 0 and todo:
                    raise RuntimeError(f"fuzz worker failed before any case: {errors}")

        shares = [list(range(k, cases, workers)) for k in range(workers)]
        threads = [threading.Thread(target=drive, args=(share,)) for share in shares if share]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    elapsed = time.perf_counter() - started
    crashes = {n: r for n, r in sorted(results.items()) if "crash" in r}
    codes = Counter(r.get("code") or "analysed" for r in results.values() if "crash" not in r)
    slowest = max(results.values(), key=lambda r: r.get("seconds", 0))
    tally = {
        "cases": len(results), "crashes": len(crashes), "seconds": round(elapsed, 1),
        "codes": dict(sorted(codes.items())), "slowest_case": slowest.get("case"),
        "slowest_seconds": slowest.get("seconds"), "slowest_name": slowest.get("name"), "peak_rss_mb": round(max(r.get("rss", 0) for r in results.values()) / 2**20),
        "crash_cases": {n: r["crash"] for n, r in list(crashes.items())[:20]},
    }
    if not quiet:
        print(f"fuzz: {tally['cases']} cases, seed {seed}, {workers} workers, {elapsed:.1f} s "
              f"({elapsed / max(tally['cases'], 1) * 1000:.1f} ms/case wall)")
        print(f"codes: {tally['codes']}")
        print(f"slowest case: #{tally['slowest_case']} ({tally['slowest_name']}) {tally['slowest_seconds']} s; "
              f"worker peak RSS {tally['peak_rss_mb']} MB")
        for number, message in tally["crash_cases"].items():
            print(f"  CRASH case {number}: {message[:300]}")
        print(f"crashes = {tally['crashes']}")
    return tally


def measure_memory(names: list[str]) -> list[tuple[str, int, float, str]]:
    """Peak RSS of analysing each big hostile file in a fresh process (so the figure is that file's)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus_dir = Path(tmp)
        wanted = {c.name: c for c in hc.cases()}
        code = """
import json, sys, time
from clausecheck.config import Config
from clausecheck.engine import analyse_path, get_detector

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

get_detector(Config())
idle = status("VmRSS")
with open("/proc/self/clear_refs", "w") as fh:  # resets VmHWM (peak RSS) to the current RSS (Linux)
    fh.write("5")
started = time.perf_counter()
report = analyse_path(sys.argv[1])
print(json.dumps([status("VmHWM"), time.perf_counter() - started,
                  report.error.code if report.error else "analysed", idle]))
"""
        for name in names:
            path = corpus_dir / name
            path.write_bytes(wanted[name].build(corpus_dir))
            out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
            rss, seconds, result, base = json.loads(out.stdout)
            rows.append((name, path.stat().st_size, rss, seconds, result, base))
    return rows


BIG = ["contract_1001_pages.pdf", "contract_1001_pages.txt", "one_line_5mb.txt", "huge_text.txt", "heavy_media.docx",
       "stream_bomb.pdf", "zip_bomb.docx", "zip_total_bomb.docx", "page_bomb.pdf", "many_parts.docx"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--hang-seconds", type=float, default=60.0)
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS table of the big files")
    parser.add_argument("--show", type=int, help="write case N to the current folder and exit")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--numbers", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        from clausecheck.extract.limits import Limits

        worker(args.corpus, args.seed, [int(n) for n in args.numbers.split(",")], args.hang_seconds,
               Limits().memory_mb * 1024 * 1024)
        return 0
    if args.show is not None:
        with tempfile.TemporaryDirectory() as tmp:
            hc.build(Path(tmp), skip=tuple(BIG))
            name, data = make_case(seed_files(Path(tmp)), args.seed, args.show)
        Path(name).write_bytes(data)
        print(f"wrote {name} ({len(data):,} bytes)")
        return 0
    tally = run(args.cases, args.seed, args.workers, args.hang_seconds)
    if not args.no_memory:
        print("\npeak RSS while analysing one big hostile file (fresh process, peak reset after loading the "
              "patterns; ceiling Limits.memory_mb = 1024 MB):")
        print(f"{'file':28} {'size':>12} {'result':>9} {'seconds':>8} {'peak RSS':>9} {'idle':>7}")
        for name, size, rss, seconds, result, base in measure_memory(BIG):
            print(f"{name:28} {size:>12,} {result:>9} {seconds:>8.2f} {rss / 2**20:>6.0f} MB {base / 2**20:>4.0f} MB")
    return 1 if tally["crashes"] else 0


if __name__ == "__main__":
    sys.exit(main())
