"""`scan` on a Dask cluster (LocalCluster on loopback, 2 worker processes): same lines as a local scan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.config import Config
from clausecheck.scan import ResultsFile, run_scan

distributed = pytest.importorskip("distributed")

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "contracts"
STEMS = ("01_exclusive_fully_protected.pdf", "02_exclusive_no_protections.docx", "07_non_exclusive.txt",
         "09_quota_in_table.pdf", "14_markdown_no_probation.md")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None, worker_dashboard_address=None) as c:
        yield c


@pytest.fixture()
def files(tmp_path):
    for name in STEMS:
        shutil.copy(FIXTURES / name, tmp_path / name)
    (tmp_path / "empty.pdf").write_bytes(b"")
    return [str(tmp_path / n) for n in (*STEMS, "empty.pdf")]


def _by_path(path: Path) -> dict[str, dict]:
    lines = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len({x["path"] for x in lines})
    return {x["path"]: x for x in lines}


def test_dask_scan_matches_local_scan(cluster, files, tmp_path):
    from clausecheck.distributed import dask_backend

    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    expected = run_scan(files, Config(), ResultsFile(local), workers=1)
    with distributed.Client(cluster) as client:
        got = run_scan(files, Config(), ResultsFile(remote), backend=dask_backend(Config(), client=client, batch_size=2))
    assert _by_path(remote) == _by_path(local)
    assert got.summary == expected.summary and got.summary.documents == len(files)


def test_cli_scheduler_option(cluster, files, tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["scan", *files, "--scheduler", cluster.scheduler_address, "-o", str(out),
                                      "--no-progress"])
    assert result.exit_code == 2, result.output  # the last file is empty: an error line, as with check
    lines = _by_path(out)
    assert sorted(lines) == sorted(files)
    assert lines[files[-1]]["error"]["code"] == "E003"
    assert f"Scanned {len(files)} document(s)" in result.stdout
