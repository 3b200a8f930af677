"""safe_walk: the folder walker for `scan` does not follow links out of the tree, loop, or block."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from clausecheck.engine import analyse_path
from clausecheck.extract import walk
from clausecheck.extract.walk import safe_walk


@pytest.fixture()
def tree(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the scan")
    root = tmp_path / "contracts"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.pdf").write_bytes(b"%PDF-1.7")
    (root / "sub" / "b.docx").write_bytes(b"PK")
    (root / "old.doc").write_bytes(b"x")
    (root / "numbers.xlsx").write_bytes(b"x")
    (root / ".git" / "c.txt").write_text("x")
    (root / "link_out.txt").symlink_to(outside / "secret.txt")
    (root / "link_out_dir").symlink_to(outside)
    (root / "link_in.txt").symlink_to(root / "a.pdf")
    (root / "link_in_dir").symlink_to(root / "sub")
    (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (root / "sub" / "loop").symlink_to(root)
    os.mkfifo(root / "pipe.txt")
    return root


def _summary(entries, root):
    return {str(e.path.relative_to(root)): (e.error.code if e.error else None) for e in entries}


def test_default_walk(tree):
    assert _summary(safe_walk(tree), tree) == {
        "a.pdf": None,
        "broken.txt": "E001",
        "link_in.txt": None,
        "link_out.txt": "E027",
        "link_out_dir": "E027",
        "old.doc": None,  # reported by analyse_path as unsupported, with what to convert to
        "pipe.txt": "E002",
        "sub/b.docx": None,
    }
    entry = next(e for e in safe_walk(tree) if e.path.name == "link_out.txt")
    assert "outside" in entry.error.message and entry.error.hint


def test_follow_symlinks_terminates_and_reads_outside(tree):
    found = _summary(safe_walk(tree, follow_symlinks=True), tree)
    assert found["link_out.txt"] is None and found["link_out_dir/secret.txt"] is None
    assert "sub/loop/a.pdf" not in found  # the loop back to the root is not walked twice


def test_unreadable_file_is_an_error_entry(tree, monkeypatch):
    # CI runs as root, for whom chmod 000 changes nothing: simulate the kernel's answer
    real_access = os.access
    monkeypatch.setattr(walk.os, "access", lambda p, mode: Path(p).name != "a.pdf" and real_access(p, mode))
    found = _summary(safe_walk(tree), tree)
    assert found["a.pdf"] == "E002"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 folder")
def test_unreadable_folder_for_real(tree):
    (tree / "sub").chmod(0)
    try:
        assert _summary(safe_walk(tree), tree)["sub"] == "E002"
    finally:
        (tree / "sub").chmod(0o755)


def test_unreadable_folder_simulated(tree, monkeypatch):
    real_scandir = os.scandir

    def scandir(path):  # noqa: ANN001, ANN202
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", scandir)
    assert _summary(safe_walk(tree), tree)["sub"] == "E002"


def test_a_fifo_never_blocks_analysis(tree):
    assert analyse_path(tree / "pipe.txt").error.code == "E002"


def test_a_file_named_directly(tree):
    assert [e.path for e in safe_walk(tree / "a.pdf")] == [tree / "a.pdf"]
