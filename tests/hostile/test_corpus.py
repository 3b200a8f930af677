"""Every file of the hostile corpus gets its expected error code, or a correct analysis."""

from __future__ import annotations

import json

import docx
import hostile_corpus as hc
import pytest
from typer.testing import CliRunner

from clausecheck.cli import app
from clausecheck.config import Config
from clausecheck.engine import analyse_path, build_report
from clausecheck.errors import ERROR_CODES
from clausecheck.extract import extract, extract_bytes
from clausecheck.models import Report

CASES = {case.name: case for case in hc.cases()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_corpus_case(name, corpus):
    case = CASES[name]
    report = analyse_path(corpus[name], Config(password=case.password))
    # the report survives a JSON round trip against the public schema
    Report.model_validate_json(build_report([report]).model_dump_json())
    if case.expected is None:
        assert report.error is None, report.error
        found = {c.type.value for c in report.clauses}
        assert set(case.needs) <= found, f"missing {set(case.needs) - found}"
        for clause in report.clauses:
            assert clause.text.strip()
        if case.notice:
            assert any(n.split()[0] in case.notice.split("|") for n in report.notices), report.notices
    else:
        assert report.error is not None, f"{name} was analysed, expected {case.expected}"
        assert report.error.code == case.expected, report.error
        assert report.error.code in ERROR_CODES
        assert name in report.error.message  # the message names the file
        assert "\n" not in report.error.message
        assert report.error.hint
        assert not report.clauses and not report.findings


def test_no_external_entity_is_resolved(corpus, listener):
    for name in ("xxe_file.docx", "xxe_network.docx", "billion_laughs.docx"):
        report = analyse_path(corpus[name])
        assert hc.SECRET not in report.model_dump_json()
    assert listener.connections == 0


def test_python_docx_itself_does_not_resolve_entities(corpus, listener):
    """Defence in depth, below our DTD refusal: python-docx's parser neither reads files nor fetches URLs."""
    texts = []
    for name in ("xxe_file.docx", "xxe_network.docx"):
        try:
            document = docx.Document(str(corpus[name]))
        except Exception:  # noqa: BLE001 - refusing to parse is also safe
            continue
        texts.append("".join(t.text or "" for t in document.element.body.iter()))
    assert all(hc.SECRET not in text for text in texts)
    assert listener.connections == 0
    # billion laughs: libxml2 refuses the amplification instead of expanding it
    with pytest.raises(Exception, match="(?i)amplification|entit"):
        docx.Document(str(corpus["billion_laughs.docx"]))


def test_thousand_page_contracts_keep_their_pages(corpus):
    for name in ("contract_1001_pages.pdf", "contract_1001_pages.txt"):
        report = analyse_path(corpus[name])
        assert report.pages == 1001
        assert report.clauses_of("exclusivity")[0].page == 1


def test_text_decoding_repairs(corpus):
    mixed = extract(corpus["mixed_encoding.txt"]).text
    assert "Île-de-France" in mixed and "Besançon" in mixed and "Zürich" in mixed and "—" in mixed
    assert "\x00" not in extract(corpus["nul_bytes.txt"]).text
    assert extract(corpus["utf16le_no_bom.txt"]).text.startswith("DISTRIBUTION AGREEMENT")
    sneaky = extract(corpus["rtl_zero_width.txt"]).text
    assert "exclusive distributor" in sneaky and "\u200b" not in sneaky and "\u202e" not in sneaky
    assert "\u05d4\u05e1\u05db\u05dd" in sneaky  # right-to-left text itself is kept


def test_password_opens_encrypted_pdf(corpus):
    locked = corpus["encrypted_aes256.pdf"]
    assert analyse_path(locked).error.code == "E013"
    assert "--password" in analyse_path(locked).error.hint
    opened = analyse_path(locked, Config(password="s3cret"))
    assert opened.error is None and opened.clauses_of("exclusivity")
    wrong = analyse_path(locked, Config(password="nope"))
    assert wrong.error.code == "E013" and "password given" in wrong.error.message


def test_scanned_pdf_hint_says_how_to_enable_ocr(corpus):
    report = analyse_path(corpus["scanned.pdf"], Config(limits={"max_ocr_pages": 0}))
    assert report.error.code == "E012"
    assert "tesseract" in report.error.hint and "clausecheck[ocr]" in report.error.hint
    partial = analyse_path(corpus["signature_page_scanned.pdf"], Config(limits={"max_ocr_pages": 0}))
    assert partial.error is None
    notice = next(n for n in partial.notices if n.startswith("W012"))
    assert ": 2 " in notice and "tesseract" in notice


def test_check_reports_every_file_and_exits_2(corpus):
    names = ["contract.pdf", "zip_bomb.docx", "encrypted_rc4.pdf", "contract.docx", "legacy.doc", "binary.txt"]
    result = CliRunner().invoke(app, ["check", "-f", "json", *(str(corpus[n]) for n in names)])
    assert result.exit_code == 2
    report = Report.model_validate_json(result.stdout)
    assert [d.path for d in report.documents] == [str(corpus[n]) for n in names]
    codes = [d.error.code if d.error else None for d in report.documents]
    assert codes == [None, "E018", "E013", None, "E015", "E017"]
    raw = json.loads(result.stdout)
    assert raw["documents"][1]["error"]["code"] == "E018" and raw["documents"][1]["error"]["message"]
    assert report.summary.errors == 4 and report.summary.analysed == 2


def test_check_password_option(corpus):
    result = CliRunner().invoke(app, ["check", "-f", "json", "--password", "s3cret", str(corpus["encrypted_rc4.pdf"])])
    report = Report.model_validate_json(result.stdout)
    assert report.documents[0].error is None and report.documents[0].clauses


def test_missing_directory_and_unreadable(tmp_path, monkeypatch):
    assert analyse_path(tmp_path / "nope.pdf").error.code == "E001"
    assert analyse_path(tmp_path).error.code == "E002"
    locked = tmp_path / "locked.txt"
    locked.write_text(hc.CONTRACT_TEXT)
    locked.chmod(0)
    try:
        if locked.stat().st_uid == 0 and __import__("os").geteuid() == 0:
            # root reads a chmod-000 file: simulate the permission error the kernel gives other users
            original = type(locked).read_bytes

            def denied(self):  # noqa: ANN001, ANN202
                if self.name == "locked.txt":
                    raise PermissionError(13, "Permission denied")
                return original(self)

            monkeypatch.setattr(type(locked), "read_bytes", denied)
        report = analyse_path(locked)
        assert report.error.code == "E002" and "permission" in report.error.message
    finally:
        locked.chmod(0o644)


def test_limits_are_settings(corpus):
    small = Config(limits={"max_pages": 500})
    assert analyse_path(corpus["contract_1001_pages.pdf"], small).error.code == "E018"
    assert analyse_path(corpus["contract.pdf"], Config(limits={"max_file_bytes": 100})).error.code == "E018"
    report = analyse_path(corpus["contract_1001_pages.pdf"], Config(limits={"max_seconds": 0.000001}))
    assert report.error.code == "E025" and "time limit" in report.error.message
    with pytest.raises(Exception, match="extra"):
        Config(limits={"max_bogus": 1})


def test_extract_bytes_guards_zip_sniffing():
    """A zip whose 'mimetype' entry is a bomb is recognised without inflating it."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", b"application/vnd.oasis.opendocument.text" + b" " * (200 << 20))
    with pytest.raises(Exception) as info:
        extract_bytes(buffer.getvalue(), "bomb.odt")
    assert getattr(info.value, "code", None) == "E010"
