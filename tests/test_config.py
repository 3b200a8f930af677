"""Configuration: clausecheck.toml / [tool.clausecheck] discovered upward, kebab-case keys, command
line over file, errors that name the file and line, `clausecheck init`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.config import Config, find_config_file, load_config, path_matches, starter_config
from clausecheck.errors import ClauseCheckError
from clausecheck.models import Severity

runner = CliRunner()
GRANT = "Supplier appoints Distributor as its sole and exclusive distributor of the Products in the Territory.\n"


def rules_found(args: list[str]) -> set[str]:
    result = runner.invoke(app, ["check", "-f", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return {f["rule"] for d in json.loads(result.stdout)["documents"] for f in d["findings"]}


@pytest.fixture()
def repo(tmp_path, monkeypatch):
    (tmp_path / "contracts" / "drafts").mkdir(parents=True)
    (tmp_path / "contracts" / "a.txt").write_text(GRANT)
    (tmp_path / "contracts" / "drafts" / "b.txt").write_text(GRANT)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pyproject_table_is_discovered_from_a_subfolder(repo, monkeypatch):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.clausecheck]\nignore = ["CC102"]\n')
    monkeypatch.chdir(repo / "contracts")
    assert find_config_file() == repo / "pyproject.toml"
    assert rules_found(["a.txt"]) == {"CC101", "CC103"}


def test_clausecheck_toml_wins_over_pyproject_and_pyproject_without_table_is_skipped(repo):
    (repo / "pyproject.toml").write_text('[tool.clausecheck]\nignore = ["CC102"]\n')
    (repo / "clausecheck.toml").write_text('select = ["CC101"]\n')
    assert rules_found(["contracts/a.txt"]) == {"CC101"}
    (repo / "clausecheck.toml").unlink()
    (repo / "contracts" / "pyproject.toml").write_text('[project]\nname = "unrelated"\n')
    assert find_config_file(repo / "contracts") == repo / "pyproject.toml"


def test_command_line_overrides_the_file(repo):
    (repo / "clausecheck.toml").write_text('select = ["CC101"]\nfail-on = "error"\n')
    assert runner.invoke(app, ["check", "contracts/a.txt"]).exit_code == 0  # fail-on from the file
    assert runner.invoke(app, ["check", "--fail-on", "warning", "contracts/a.txt"]).exit_code == 1
    assert rules_found(["--select", "CC102", "contracts/a.txt"]) == {"CC102"}  # --select replaces
    assert rules_found(["--extend-select", "CC103", "contracts/a.txt"]) == {"CC101", "CC103"}
    assert rules_found(["--isolated", "contracts/a.txt"]) == {"CC101", "CC102", "CC103"}


def test_explicit_config_path(repo):
    (repo / "ci.toml").write_text('ignore = ["CC1"]\nextend-select = ["CC103"]\n')
    assert rules_found(["--config", "ci.toml", "contracts/a.txt"]) == {"CC103"}  # most specific wins
    result = runner.invoke(app, ["check", "--config", "missing.toml", "contracts/a.txt"])
    assert result.exit_code == 2 and "E040" in result.output and "not found" in result.output


def test_severity_override_thresholds_and_per_file_ignores(repo):
    (repo / "clausecheck.toml").write_text(
        'max-probation-months = 12\n\n[severity]\nCC101 = "error"\n\n'
        '[per-file-ignores]\n"contracts/drafts/**" = ["CC103"]\n"a.txt" = ["CC102"]\n')
    (repo / "contracts" / "c.txt").write_text(GRANT + "\nThe first nine (9) months shall constitute a probationary period.\n")
    result = runner.invoke(app, ["check", "-f", "json", "contracts/a.txt", "contracts/drafts/b.txt", "contracts/c.txt"])
    docs = {d["path"]: d["findings"] for d in json.loads(result.stdout)["documents"]}
    assert {f["rule"]: f["severity"] for f in docs["contracts/a.txt"]} == {"CC101": "error", "CC103": "warning"}
    assert {f["rule"] for f in docs["contracts/drafts/b.txt"]} == {"CC101", "CC102"}
    assert {f["rule"] for f in docs["contracts/c.txt"]} == {"CC101", "CC103"}  # 9 months <= 12: not weak


@pytest.mark.parametrize(("content", "line", "expected"), [
    ('select = ["CC"]\nselct = ["CC1"]\n', 2, "did you mean 'select'"),
    ('extend_select = ["CC1"]\n', 1, "kebab-case: 'extend-select'"),
    ('ignore = ["CC9"]\n', 1, "E041"),
    ('\n[severity]\nCC999 = "error"\n', 3, "E041"),
    ('\n[severity]\nCC101 = "fatal"\n', 3, "'fatal' is not error"),
    ('fail-on = "sometimes"\n', 1, "not error, warning, info or never"),
    ('max-probation-months = -3\n', 1, "greater than 0"),
    ('language = "xx"\n', 1, "no patterns for language"),
    ('pattern-dirs = ["nowhere"]\n', 1, "does not exist"),
    ('\n\n[per-file-ignores]\n"*.pdf" = ["ZZ1"]\n', 4, "E041"),
    ('\n[limits]\nmax-pagez = 3\n', 3, "did you mean 'max-pages'"),
    ('select = ["CC"]\nfail-on = warning\n', 2, "invalid TOML"),
])
def test_bad_config_is_an_error_naming_file_and_line(repo, content, line, expected):
    (repo / "clausecheck.toml").write_text(content)
    with pytest.raises(ClauseCheckError) as err:
        load_config()
    message = str(err.value)
    assert expected in message
    assert f"clausecheck.toml:{line}" in message or f"line {line}" in message
    result = runner.invoke(app, ["check", "contracts/a.txt"])
    assert result.exit_code == 2 and "hint:" in result.output


def test_bad_key_in_pyproject_names_its_line(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\nignore = 1\n\n[tool.clausecheck]\nignorr = []\n')
    with pytest.raises(ClauseCheckError, match=r"pyproject.toml:6: unknown key 'ignorr'"):
        load_config()


def test_user_pattern_folder_is_relative_to_the_config_and_validated(repo):
    (repo / "ours").mkdir()
    (repo / "ours" / "exclusivity.jsonl").write_text('{"label": "exclusivity", "pattern": "only ever sold by", "id": "x"}\n'
                                                      '{"label": "exclusivity", "pattern": 42}\n')
    (repo / "clausecheck.toml").write_text('pattern-dirs = ["ours"]\n')
    assert load_config().pattern_dirs == [repo / "ours"]
    result = runner.invoke(app, ["check", "contracts/a.txt"])
    assert result.exit_code == 2 and "E030" in result.output and "exclusivity.jsonl:2" in result.output


def test_path_globs():
    root = Path("/repo")
    assert path_matches("*.pdf", "/repo/deep/x.pdf", root)
    assert path_matches("contracts/*.pdf", "/repo/contracts/x.pdf", root)
    assert not path_matches("contracts/*.pdf", "/repo/contracts/old/x.pdf", root)
    assert path_matches("contracts/**/*.pdf", "/repo/contracts/old/x.pdf", root)
    assert path_matches("contracts/**", "/repo/contracts/old/x.pdf", root)
    assert not path_matches("contracts/*.pdf", "/elsewhere/contracts/x.pdf", root)


def test_rule_selection_most_specific_prefix_wins():
    config = Config(select=["CC"], ignore=["CC1"], extend_select=["CC102"])
    assert [c for c in ("CC101", "CC102", "CC103") if config.rule_enabled(c)] == ["CC102"]
    assert not Config(select=["CC101"], ignore=["CC101"]).rule_enabled("CC101")


def test_init_writes_a_commented_config_that_loads_to_the_defaults(repo):
    result = runner.invoke(app, ["init"])
    assert result.exit_code == 0 and (repo / "clausecheck.toml").exists()
    text = (repo / "clausecheck.toml").read_text()
    assert text.count("#") > 10 and "per-file-ignores" in text
    loaded = load_config()
    assert loaded.model_dump(exclude={"root"}) == Config().model_dump(exclude={"root"})
    again = runner.invoke(app, ["init"])
    assert again.exit_code == 2 and "--force" in again.output
    assert runner.invoke(app, ["init", "--force"]).exit_code == 0


def test_init_pyproject_appends_a_tool_table(repo):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert runner.invoke(app, ["init", "--pyproject"]).exit_code == 0
    text = (repo / "pyproject.toml").read_text()
    assert text.startswith('[project]\nname = "x"\n') and "[tool.clausecheck]" in text
    assert load_config().fail_on == Severity.warning
    assert runner.invoke(app, ["init", "--pyproject"]).exit_code == 2
    assert "[tool.clausecheck.per-file-ignores]" in starter_config(pyproject=True)


def test_readme_config_example_loads_and_means_what_it_says(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Configuration", 1)[1]
    example = section.split("```toml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "patterns" / "ours").mkdir(parents=True)
    (tmp_path / "clausecheck.toml").write_text(example)
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert [c for c in ("CC101", "CC102", "CC103", "CC201") if config.rule_enabled(c)] == ["CC102", "CC201"]
    assert config.severity == {"CC101": Severity.error} and config.limits.max_pages == 2000
    assert not config.rule_enabled("CC102", tmp_path / "deals" / "x_draft.docx")
    # the error shown in the README is the one users get
    (tmp_path / "clausecheck.toml").write_text('select = ["CC"]\nselct = ["CC1"]\n')
    result = runner.invoke(app, ["check", "x.txt"])
    shown = section.split("```\nclausecheck: error", 1)[1].split("\n")[0]
    assert "clausecheck: error" + shown in result.output
