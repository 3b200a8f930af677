"""`scan` over a folder of hostile files: a worker that really segfaults or runs out of memory costs only
its own file; every other file gets its line; lines already written are kept; links out and FIFOs are safe."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import sys
from pathlib import Path

import pytest

import clausecheck.engine
from clausecheck.config import Config
from clausecheck.scan import ResultsFile, discover, run_scan

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="scan forks its workers on Linux")

COPIED = ["contract.pdf", "contract.docx", "all_caps.txt", "zip_bomb.docx", "encrypted_rc4.pdf", "legacy.doc",
          "billion_laughs.docx", "one_line_5mb.txt", "heavy_media.docx"]


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture()
def hostile_folder(tmp_path, corpus):
    root = tmp_path / "inbox"
    root.mkdir()
    for name in COPIED:
        shutil.copy(corpus[name], root / name)
    shutil.copy(corpus["contract.pdf"], root / "m_segfaults.pdf")  # sorted in the middle
    outside = tmp_path / "private"
    outside.mkdir()
    (outside / "secret.txt").write_text("Supplier appoints Distributor as its exclusive distributor.")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    os.mkfifo(root / "pipe.txt")
    return root


def _segfault_on(name: str, monkeypatch) -> None:
    """Workers are forked: patched here, a real SIGSEGV (a NULL read in native code) happens there."""
    real = clausecheck.engine.analyse_path

    def analyse_path(path, config=None):  # noqa: ANN001, ANN202
        if Path(path).name == name:
            ctypes.string_at(0)  # segmentation fault
        return real(path, config)

    monkeypatch.setattr(clausecheck.engine, "analyse_path", analyse_path)


def test_segfault_costs_only_its_file_and_nothing_written_is_lost(hostile_folder, tmp_path, monkeypatch):
    _segfault_on("m_segfaults.pdf", monkeypatch)
    inputs = discover([hostile_folder])
    names = sorted(Path(f).name for f in inputs.files)
    assert "link_out.txt" not in names and inputs.skipped["symbolic link out of the folder (not followed)"] == 1
    assert "pipe.txt" in names  # reported as an error line, never opened
    assert "legacy.doc" not in names and sum(inputs.skipped.values()) == 2  # scan counts .doc as not a contract
    out = tmp_path / "results.jsonl"
    result = run_scan(inputs.files, Config(), ResultsFile(out), workers=2)
    lines = {Path(x["path"]).name: x for x in _lines(out)}  # every line is whole JSON
    assert sorted(lines) == names and len(_lines(out)) == len(names)
    codes = {name: (line["error"] or {}).get("code") for name, line in lines.items()}
    assert codes == {
        "all_caps.txt": None, "billion_laughs.docx": "E026", "contract.docx": None, "contract.pdf": None,
        "encrypted_rc4.pdf": "E013", "heavy_media.docx": None, "m_segfaults.pdf": "E022", "one_line_5mb.txt": None,
        "pipe.txt": "E002", "zip_bomb.docx": "E018",
    }
    assert "SIGSEGV" in lines["m_segfaults.pdf"]["error"]["message"]
    assert lines["contract.pdf"]["clauses"] and lines["all_caps.txt"]["clauses"]
    assert result.summary.errors == 5
    # a second run over the same results resumes: nothing redone, nothing lost
    before = out.read_text(encoding="utf-8")
    again = run_scan(inputs.files, Config(), ResultsFile(out), workers=2)
    assert out.read_text(encoding="utf-8").startswith(before)
    assert again.summary.documents == len(names)


def test_real_out_of_memory_costs_only_its_file(hostile_folder, tmp_path):
    """No fault injection: a DOCX within every limit that needs 200 MB, under a 64 MB worker ceiling."""
    config = Config()
    config = config.model_copy(update={"limits": config.limits.model_copy(update={"memory_mb": 64})})
    files = [str(hostile_folder / n) for n in ("all_caps.txt", "heavy_media.docx", "contract.docx")]
    out = tmp_path / "results.jsonl"
    run_scan(files, config, ResultsFile(out), workers=1)
    lines = {Path(x["path"]).name: x for x in _lines(out)}
    assert lines["heavy_media.docx"]["error"]["code"] == "E022"
    assert "memory" in lines["heavy_media.docx"]["error"]["message"]
    assert lines["all_caps.txt"]["error"] is None and lines["contract.docx"]["error"] is None
