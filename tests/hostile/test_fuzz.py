"""The short fuzz run: mutated fixtures and corpus files never crash analyse_path (bench/fuzz.py runs 10,000)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def _fuzz():
    spec = importlib.util.spec_from_file_location("clausecheck_fuzz", ROOT / "bench" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_short_fuzz_run_has_no_crash():
    tally = _fuzz().run(cases=200, seed=20261126, workers=2, hang_seconds=120, quiet=True)
    assert tally["cases"] == 200
    assert tally["crashes"] == 0, tally["crash_cases"]
    # the mutations reach the readers, not only the format check
    assert tally["codes"].get("analysed", 0) > 20 and len(tally["codes"]) > 5


def test_mutations_are_reproducible(tmp_path):
    fuzz = _fuzz()
    seeds = [("a.txt", b"Supplier appoints Distributor as exclusive distributor."), ("b.pdf", b"%PDF-1.7\n1 0 obj")]
    assert [fuzz.make_case(seeds, 3, n) for n in range(50)] == [fuzz.make_case(seeds, 3, n) for n in range(50)]
    assert len({fuzz.make_case(seeds, 3, n)[1] for n in range(50)}) > 40
