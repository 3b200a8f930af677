"""clausecheck as a CI gate: several outputs in one run, baselines, Git LFS pointers, the pre-commit hook."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.errors import ClauseCheckError
from clausecheck.report import Format, parse_outputs

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "contracts"
runner = CliRunner()
LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n"
)


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    (tmp_path / "contracts").mkdir()
    for stem in ("01_exclusive_fully_protected", "02_exclusive_no_protections"):
        shutil.copy(FIXTURES / f"{stem}.txt", tmp_path / "contracts" / f"{stem}.txt")
    shutil.copy(FIXTURES / "02_exclusive_no_protections.pdf", tmp_path / "contracts" / "signed.pdf")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- several outputs in one run --------------------------------------------------------------

def test_several_formats_from_one_run(repo):
    result = runner.invoke(app, [
        "check", "contracts/02_exclusive_no_protections.txt", "contracts/signed.pdf",
        "-f", "text", "-f", "sarif:out/results.sarif", "-f", "junit:out/junit.xml",
        "-f", "gitlab:gl-code-quality.json", "-f", "json-lines:out/docs.jsonl", "-f", "github:annotations.txt",
    ])
    assert result.exit_code == 1
    assert "Summary:" in result.stdout and "::warning" not in result.stdout  # text alone on stdout
    sarif = json.loads((repo / "out" / "results.sarif").read_text())
    junit = ET.parse(repo / "out" / "junit.xml").getroot()
    gitlab = json.loads((repo / "gl-code-quality.json").read_text())
    lines = (repo / "out" / "docs.jsonl").read_text().splitlines()
    annotations = (repo / "annotations.txt").read_text().splitlines()
    # the same report in every format
    assert len(sarif["runs"][0]["results"]) == int(junit.get("failures")) == len(gitlab) == len(annotations) == 6
    assert [json.loads(line)["path"] for line in lines] == ["contracts/02_exclusive_no_protections.txt",
                                                            "contracts/signed.pdf"]


def test_output_option_pairs_with_the_format_given_without_a_path(repo):
    result = runner.invoke(app, ["check", "-f", "markdown", "-o", "comment.md", "-f", "junit:j.xml",
                                 "contracts/02_exclusive_no_protections.txt"])
    assert result.exit_code == 1 and result.stdout == ""
    assert (repo / "comment.md").read_text().startswith("## clausecheck")
    assert (repo / "j.xml").exists()


@pytest.mark.parametrize(("specs", "output", "message"), [
    (["text", "json"], None, "only one format can go to standard output"),
    (["sarif", "junit"], "x", "exactly one format"),
    (["yaml"], None, "unknown format 'yaml'"),
    (["sarif:"], None, "no file after the colon"),
    (["sarif:a", "junit:a"], None, "same file"),
])
def test_output_spec_errors(specs, output, message):
    with pytest.raises(ClauseCheckError, match=message):
        parse_outputs(specs, output)
    args = ["check", "x.txt"] + [a for s in specs for a in ("-f", s)] + (["-o", output] if output else [])
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "E040" in result.output


def test_output_specs_parse():
    assert parse_outputs([]) == [(Format.text, None)]
    assert parse_outputs(["SARIF:C:\\out\\r.sarif", "text:-"]) == [(Format.sarif, "C:\\out\\r.sarif"), (Format.text, None)]


def test_unwritable_output_is_a_coded_error(repo):
    (repo / "blocker").write_text("a file, not a folder")
    result = runner.invoke(app, ["check", "-f", "sarif:blocker/r.sarif", "contracts/01_exclusive_fully_protected.txt"])
    assert result.exit_code == 2 and "E043" in result.output


# --- baseline --------------------------------------------------------------------------------

def test_baseline_hides_accepted_findings_and_reports_new_ones(repo, monkeypatch):
    old = "contracts/02_exclusive_no_protections.txt"
    result = runner.invoke(app, ["check", "--write-baseline", ".clausecheck-baseline.json", old])
    assert result.exit_code == 0, result.output  # recording is not a failure
    data = json.loads((repo / ".clausecheck-baseline.json").read_text())
    assert {e["rule"] for e in data["findings"]} == {"CC101", "CC102", "CC103"}
    assert {e["path"] for e in data["findings"]} == {old}

    result = runner.invoke(app, ["check", "--baseline", ".clausecheck-baseline.json", old])
    assert result.exit_code == 0 and "accepted in the baseline" in result.stdout

    # re-wrapping the contract moves the clause to other lines: still the same accepted finding
    path = repo / old
    path.write_text("\n\n\n" + path.read_text().replace("sole and exclusive\n", "sole and\nexclusive "))
    result = runner.invoke(app, ["check", "-f", "json", "--baseline", ".clausecheck-baseline.json", old])
    assert result.exit_code == 0 and json.loads(result.stdout)["documents"][0]["findings"] == []

    # a new contract is reported; the baseline path is relative to the baseline file, so any cwd works
    shutil.copy(FIXTURES / "10_broad_territory_best_efforts.txt", repo / "contracts" / "new.txt")
    monkeypatch.chdir(repo / "contracts")
    result = runner.invoke(app, ["check", "-f", "json", "--baseline", "../.clausecheck-baseline.json",
                                 "02_exclusive_no_protections.txt", "new.txt"])
    assert result.exit_code == 1
    docs = json.loads(result.stdout)["documents"]
    assert docs[0]["findings"] == [] and {f["rule"] for f in docs[1]["findings"]} == {"CC101", "CC102", "CC103"}
    assert json.loads(result.stdout)["summary"]["findings"] == 3


def test_bad_baseline_is_a_usage_error(repo):
    (repo / "b.json").write_text("{}")
    for name in ("b.json", "missing.json"):
        result = runner.invoke(app, ["check", "--baseline", name, "contracts/01_exclusive_fully_protected.txt"])
        assert result.exit_code == 2 and "E042" in result.output


# --- gate behaviour --------------------------------------------------------------------------

def test_git_lfs_pointer_is_a_clear_error_not_an_analysis(repo):
    (repo / "contracts" / "big.pdf").write_text(LFS_POINTER)
    result = runner.invoke(app, ["check", "contracts/big.pdf", "contracts/01_exclusive_fully_protected.txt"])
    assert result.exit_code == 2
    assert "E016" in result.stdout and "git lfs pull" in result.stdout
    assert "01_exclusive_fully_protected.txt" in result.stdout  # the other file is still reported


@pytest.mark.parametrize(("args", "code"), [
    ([], 1), (["--fail-on", "error"], 0), (["--fail-on", "info"], 1), (["--fail-on", "never"], 0),
    (["--exit-zero"], 0), (["--fail-on", "error", "--select", "CC101"], 0),
])
def test_fail_on_and_exit_zero(repo, args, code):
    assert runner.invoke(app, ["check", *args, "contracts/02_exclusive_no_protections.txt"]).exit_code == code


def test_severity_from_config_drives_fail_on(repo):
    (repo / "clausecheck.toml").write_text('fail-on = "error"\n[severity]\nCC102 = "error"\n')
    assert runner.invoke(app, ["check", "contracts/02_exclusive_no_protections.txt"]).exit_code == 1
    assert runner.invoke(app, ["check", "--ignore", "CC102", "contracts/02_exclusive_no_protections.txt"]).exit_code == 0


# --- pre-commit ------------------------------------------------------------------------------

def test_pre_commit_hook_runs_on_fixture_files(repo):
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "python" and hook["id"] == "clausecheck"
    pattern = re.compile(hook["files"])
    candidates = ["contracts/a.pdf", "b.docx", "c.txt", "README.md", "setup.py", "logo.png"]
    assert [c for c in candidates if pattern.search(c)] == ["contracts/a.pdf", "b.docx", "c.txt", "README.md"]
    entry = shlex.split(hook["entry"])
    executable = shutil.which(entry[0], path=str(Path(sys.executable).parent))
    assert executable, "the hook's entry must be the installed console script"
    env = {**os.environ, "NO_COLOR": "1"}

    def run(*files: str) -> subprocess.CompletedProcess[str]:
        # as pre-commit does: the entry, then the staged file names
        return subprocess.run([executable, *entry[1:], *files], cwd=repo, env=env, capture_output=True,
                              text=True, timeout=300)

    protected = run("contracts/01_exclusive_fully_protected.txt")
    assert protected.returncode == 0, protected.stdout + protected.stderr
    unprotected = run("contracts/01_exclusive_fully_protected.txt", "contracts/signed.pdf")
    assert unprotected.returncode == 1 and "CC101" in unprotected.stdout
    (repo / "contracts" / "pointer.docx").write_text(LFS_POINTER)
    assert run("contracts/pointer.docx").returncode == 2


def test_json_lines_are_written_as_each_contract_is_analysed(repo, monkeypatch):
    import clausecheck.engine as engine

    seen: list[int] = []
    real = engine.analyse_path

    def spy(path, config=None, **options):
        out = repo / "docs.jsonl"
        seen.append(len(out.read_text().splitlines()) if out.exists() else -1)
        return real(path, config, **options)

    monkeypatch.setattr(engine, "analyse_path", spy)
    files = ["contracts/01_exclusive_fully_protected.txt", "contracts/02_exclusive_no_protections.txt",
             "contracts/signed.pdf"]
    result = runner.invoke(app, ["check", "-f", "json-lines:docs.jsonl", *files])
    assert result.exit_code == 1
    assert seen == [0, 1, 2]  # a consumer tailing the file sees each document as soon as it is done


def _readme_ci_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").split("## CI gate", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    commands = []
    for block in blocks:
        data = yaml.safe_load(block)  # every recipe is valid YAML
        assert data
        text = json.dumps(data)
        commands += [shlex.split(c) for c in re.findall(r"clausecheck check [^\"]*", text)]
    return commands


def test_readme_ci_recipes_run_as_written(repo):
    commands = _readme_ci_commands()
    assert len(commands) == 2  # GitHub Actions and GitLab
    files = ["contracts/02_exclusive_no_protections.txt", "contracts/signed.pdf"]
    for command in commands:
        args = [a for a in command[2:] if a != "contracts/*"]
        result = runner.invoke(app, ["check", *files, *args])
        assert result.exit_code == 1, result.output
        written = [spec.split(":", 1)[1] for flag, spec in zip(args, args[1:], strict=False) if flag == "-f" and ":" in spec]
        assert written and all((repo / name).stat().st_size > 0 for name in written)
