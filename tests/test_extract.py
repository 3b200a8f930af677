"""Extraction: format detection by content, DOCX tracked changes and tables, text encodings."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from clausecheck.errors import ClauseCheckError
from clausecheck.extract import detect_format, extract, extract_bytes


def _run(text: str, deleted: bool = False):
    run = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run


def _tracked(tag: str, text: str, deleted: bool = False):
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "Counsel")
    change.set(qn("w:date"), "2026-01-05T10:00:00Z")
    change.append(_run(text, deleted))
    return change


def make_docx(tmp_path):
    document = docx.Document()
    document.add_heading("Distribution Agreement", level=1)
    p = document.add_paragraph("Supplier appoints Distributor as its exclusive distributor.")
    p._p.append(_tracked("w:ins", " The first four (4) months shall constitute a probationary period."))
    q = document.add_paragraph("Payment is due in thirty days.")
    q._p.append(_tracked("w:del", " Distributor shall purchase a minimum of 1,000 units per quarter.", deleted=True))
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Contract Year", "Minimum Units"), ("Year 1", "10,000")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Closing paragraph.", style="List Number")
    path = tmp_path / "tracked.docx"
    document.save(path)
    return path


def test_docx_tracked_changes_accepted(tmp_path):
    doc = extract(make_docx(tmp_path))
    assert "probationary period" in doc.text  # w:ins kept
    assert "1,000 units" not in doc.text  # w:del / w:delText dropped
    assert doc.format == "docx"


def test_docx_table_rows_in_order(tmp_path):
    doc = extract(make_docx(tmp_path))
    assert "Contract Year | Minimum Units\nYear 1 | 10,000" in doc.text
    assert doc.text.index("thirty days") < doc.text.index("Contract Year") < doc.text.index("Closing")
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    assert len(rows) == 2


def test_docx_numbered_list_keeps_number(tmp_path):
    doc = extract(make_docx(tmp_path))
    assert "1. Closing paragraph." in doc.text


def _lines_docx(tmp_path, lines: list[str]):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = tmp_path / "lines.docx"
    document.save(path)
    return path


_WRAPPED_CLAUSE = [
    "12.2 If, in any period of three (3) consecutive Months, Distributor has purchased less than the",
    "Monthly Minimum in two (2) or more of those Months, Supplier may terminate this agreement by giving",
    "Distributor not less than thirty (30) days' written notice, provided that the notice is given",
    "within forty-five (45) days after the end of that three-Month period.",
]


def test_docx_with_a_paragraph_per_line_is_reflowed(tmp_path):
    """A Word document whose paragraphs are a hard-wrapped text's lines (a converter from PDF, a pasted e-mail) is read
    as the text's paragraphs: each clause whole, a numbered clause still starting its own."""
    lines = _WRAPPED_CLAUSE * 6 + ["12.3 Either party may terminate this agreement for a material breach that is not",
                                   "remedied within thirty (30) days after notice."]
    doc = extract(_lines_docx(tmp_path, lines))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == " ".join(_WRAPPED_CLAUSE)
    assert paragraphs[-1].startswith("12.3 Either party") and paragraphs[-1].endswith("notice.")
    assert len(paragraphs) == 7


def test_docx_written_as_paragraphs_keeps_them(tmp_path):
    """Paragraphs that end their sentences, and list items ending '; and', are not joined."""
    lines = ["The Distributor shall keep records of every sale of the Products in the Territory; and",
             "The Supplier may inspect those records on ten (10) Business Days' notice to the Distributor.",
             "Headings are for convenience only and do not affect the interpretation of this Agreement."] * 8
    doc = extract(_lines_docx(tmp_path, lines))
    assert len(doc.text.split("\n\n")) == len(lines)


def test_sentence_broken_over_word_paragraphs_is_read_whole(tmp_path):
    """A few paragraph marks inside sentences (too few to reflow the document) still leave each sentence whole where
    it breaks on a word no sentence ends on ("less than the" + "Monthly Minimum ...", "giving" + "Distributor ...") or
    before a figure repeated in brackets ("at least twelve" + "(12) months"), and a fall against the year before stays
    one sentence when it breaks after "of its"."""
    from clausecheck import analyze

    lines = ["1. The Supplier appoints the Distributor as its exclusive distributor of the Products in Portugal.",
             "2. The Distributor shall purchase at least 1,000 units in each calendar month (the Monthly Minimum).",
             *_WRAPPED_CLAUSE[:2], "Distributor not less than thirty (30) days' written notice.",
             "3. This Agreement renews automatically for periods of one (1) year unless either party objects at least six",
             "(6) months before the end of the current period.",
             "4. If the Distributor's purchases in any Contract Year are less than sixty per cent (60%) of its",
             "purchases in the preceding Contract Year, the Supplier may end the exclusivity by notice."]
    doc = analyze(_lines_docx(tmp_path, lines)).documents[0]
    triggers = [c.attributes.get("consequence") for c in doc.clauses if c.type.value == "performance_trigger"]
    assert triggers == ["terminate", "convert_non_exclusive"]
    # the fall against the year before, read whole, is no floor of its own
    assert [c.text[:2] for c in doc.clauses if c.type.value == "minimum_commitment"] == ["2."]
    assert [c.attributes.get("notice_days") for c in doc.clauses if c.type.value == "renewal"] == [180]


def test_offsets_slice_text(tmp_path):
    doc = extract(make_docx(tmp_path))
    for block in doc.blocks:
        assert doc.text[block.start:block.end].strip() == doc.text[block.start:block.end]


def test_format_detected_from_content_not_extension(tmp_path):
    path = make_docx(tmp_path)
    renamed = tmp_path / "contract.txt"
    renamed.write_bytes(path.read_bytes())
    assert extract(renamed).format == "docx"
    assert detect_format(b"%PDF-1.7\n...", "x.docx") == "pdf"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (b"", "a.pdf", "E003"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "a.doc", "E015"),
        (b"{\\rtf1\\ansi hello}", "a.rtf", "E010"),
        (b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n", "a.pdf", "E016"),
        (b"%PDF-1.4\n garbage", "a.pdf", "E011"),
        (b"PK\x03\x04 not really a zip", "a.docx", "E014"),
        (b"hello", "a.pdf", "E011"),
        (b"\x00\x01\x02\x03" * 100, "a.bin", "E017"),
    ],
)
def test_unreadable_inputs_have_codes(data, name, code):
    with pytest.raises(ClauseCheckError) as info:
        extract_bytes(data, name)
    assert info.value.code == code
    assert info.value.hint


def test_zip_that_is_not_docx(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<x/>")
    with pytest.raises(ClauseCheckError, match="OpenDocument"):
        extract_bytes(buffer.getvalue(), "a.odt")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16"])
def test_text_encodings(encoding):
    text = "The Distributor’s exclusive right — “Territory” means Île-de-France.\n"
    doc = extract_bytes(text.encode(encoding), "a.txt")
    assert "Île-de-France" in doc.text
    assert "’" in doc.text


def test_text_keeps_lines_for_line_numbers():
    doc = extract_bytes(b"Line one.\r\nLine two.\r\n\r\nSecond paragraph.\r\n", "a.txt")
    assert doc.text.splitlines()[1] == "Line two."
    assert len(doc.blocks) == 2


def test_plain_text_saved_by_a_word_processor_has_a_block_per_line():
    """No blank lines, a paragraph per line (Word's "Save as Plain Text"): each line is a block,
    so a heading or a numbered item stays apart from the paragraph under it."""
    paragraph = "The Supplier appoints the Distributor as its exclusive distributor of the Products in the Territory. " * 2
    text = f"ARTICLE 2 EXCLUSIVITY\n{paragraph}\n(a) first item;\n(b) second item.\n"
    doc = extract_bytes(text.encode(), "a.txt")
    assert [doc.text[b.start:b.end] for b in doc.blocks] == ["ARTICLE 2 EXCLUSIVITY", paragraph.strip(),
                                                               "(a) first item;", "(b) second item."]


def test_hard_wrapped_plain_text_keeps_its_paragraphs():
    wrapped = "The Supplier appoints the Distributor as its exclusive\ndistributor of the Products in the Territory.\n"
    doc = extract_bytes((wrapped + "\n" + wrapped).encode(), "a.txt")
    assert len(doc.blocks) == 2 and "\n" in doc.text[doc.blocks[0].start:doc.blocks[0].end]


@pytest.mark.parametrize("blank", ["\n", ""])
def test_page_footers_and_running_headers_of_a_filing_are_left_out_of_the_blocks(blank):
    """A filing printed to text keeps each page's footer ("Page 2 of 3") and running header between the halves of a
    paragraph (with or without blank lines around them): they are no block, and the paragraph reads on past them."""
    page = "CONFIDENTIAL              Page {} of 3              Exhibit 10.4\n" + blank + "        Confidential - Exhibit 10.4\n"
    text = (f"1.1 The Supplier appoints the Distributor as its exclusive\ndistributor of the\n{blank}" + page.format(1)
            + f"{blank}Products in the Territory.\n{blank}1.2 The Distributor shall not sell\n{blank}" + page.format(2)
            + f"{blank}competing products.\n{blank}" + page.format(3))
    doc = extract_bytes(text.encode(), "a.txt")
    kept = " ".join(doc.text[b.start:b.end] for b in doc.blocks)
    assert "Page" not in kept and "Confidential" not in kept and "CONFIDENTIAL" not in kept
    assert "Products in the Territory." in kept and "competing products." in kept


def test_printed_furniture_names_the_lines_a_pdf_or_docx_reflow_leaves_out():
    """The same footers typeset into a PDF or saved a paragraph per line fall anywhere on its pages: reflow is given
    them by key (figures as "#", single spaces), with the header that repeats beside them, not the text around them."""
    from clausecheck.extract.text import furniture_key, printed_furniture

    lines = ["distributor of the", "CONFIDENTIAL     Page 1 of 3     Exhibit 10.4", "", "Confidential - Exhibit 10.4",
             "Products in the Territory.", "The Distributor shall not", "CONFIDENTIAL     Page 2 of 3     Exhibit 10.4",
             "Confidential - Exhibit 10.4", "sell competing products."]
    furniture = printed_furniture(lines)
    assert furniture == {"CONFIDENTIAL Page # of # Exhibit #.#", "Confidential - Exhibit #.#"}
    assert furniture_key("CONFIDENTIAL  Page 3 of 3  Exhibit 10.4") in furniture
    assert printed_furniture(["See page 2 of Schedule B.", "The prices are firm."]) == set()


def test_a_line_that_names_a_page_of_a_schedule_is_kept():
    text = "The prices are set out on page 2 of Schedule B.\n\nPage 3 of the price list applies.\n"
    doc = extract_bytes(text.encode(), "a.txt")
    assert len(doc.blocks) == 2


def test_pdf_table_comes_out_row_by_row():
    from pathlib import Path

    pdf = Path(__file__).resolve().parent.parent / "fixtures" / "contracts" / "09_quota_in_table.pdf"
    doc = extract(pdf)
    rows = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "table_row"]
    assert "Contract Year Minimum Units" in rows
    assert rows.index("Contract Year 1 4,000") == rows.index("Contract Year Minimum Units") + 1
    assert "Page 1 of" not in doc.text  # running footers removed
    assert "Distribution Agreement – Confidential" not in doc.text  # running headers removed
    assert doc.page_at(doc.text.index("Contract Year 1 4,000")) == doc.pages


def test_stream_check_skips_only_streams_that_cannot_break_the_limit():
    """The PDF stream check leaves out streams too short to inflate past the limit: Deflate's
    ratio is bounded, and a stream that does break it is still caught."""
    import zlib

    from clausecheck.extract.limits import Limits
    from clausecheck.extract.pdf import _MAX_RATIO, _check_streams

    zeros = zlib.compress(b"\0" * 50_000_000, 9)
    assert 50_000_000 / len(zeros) < _MAX_RATIO  # the best ratio Deflate reaches stays under the bound
    pdf = b"%PDF-1.4\n1 0 obj << /Filter /FlateDecode >>\nstream\n" + zeros + b"\nendstream\nendobj\n"
    _check_streams(pdf, "ok.pdf", Limits(max_pdf_stream_bytes=60_000_000), deadline=float("inf"))
    with pytest.raises(ClauseCheckError) as err:
        _check_streams(pdf, "bomb.pdf", Limits(max_pdf_stream_bytes=40_000_000), deadline=float("inf"))
    assert err.value.info().code == "E018"


@pytest.mark.parametrize("raw", [
    "Minimum\xa0Purchase\xa0 Commitment",  # no-break spaces, one beside a space
    "the Territory\xa0\u0301and the Products",  # a no-break space before a combining accent
    "Supplier\xa0\u2019s \ufb01rst \u2026 option\u037e",  # with characters NFKC changes
])
def test_clean_inline_is_nfkc_with_single_spaces(raw):
    import re
    import unicodedata

    from clausecheck.extract.assemble import clean_inline

    assert clean_inline(raw) == re.sub(r"\s+", " ", unicodedata.normalize("NFKC", raw)).strip()


def test_a_page_pdfium_cannot_load_loses_only_that_page():
    """Page 2 of 3 points at an object the file lacks: pages 1 and 3 keep their text and page numbers."""
    content = b"BT /F1 12 Tf 72 700 Td (Supplier appoints Distributor as its exclusive distributor.) Tj ET"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 9 0 R 3 0 R] /Count 3 >>", page,
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    data += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    doc = extract_bytes(data, "gap.pdf")
    assert doc.pages == 3 and [b.page for b in doc.blocks] == [1, 3]
    assert doc.text.count("exclusive distributor") == 2
    assert any(n.startswith("W012 1 page(s)") and ": 2 " in n for n in doc.notices)


def test_page_at_reads_the_page_of_the_block_an_offset_is_in():
    from clausecheck.models import Block, Document

    blocks = [Block(page=1, start=0, end=10), Block(page=2, start=12, end=20), Block(page=3, start=25, end=30)]
    doc = Document(path="x.txt", sha256="0", format="txt", text="x" * 30, pages=3, blocks=blocks)
    assert [doc.page_at(o) for o in (0, 9, 11, 12, 24, 25, 29)] == [1, 1, 1, 2, 2, 3, 3]
    assert Document(path="x.txt", sha256="0", format="txt", text="", pages=0).page_at(5) == 1


@pytest.mark.parametrize(("full", "wrapped", "item"), [
    # '... pursuant to Article' + '1456 of the Civil Code, ...': a number of four digits is no item number ("1.", "12.3")
    ("The Company shall be entitled to terminate this contract with immediate effect, pursuant to Article",
     "1456 of the Civil Code, if the Minimum Turnover is not achieved.", "12.3 The Distributor shall keep records."),
    # '... stated in Clause' + '4.2, the Supplier may ...': the line starts with the number the reference names
    ("If the Dealer's purchases in any Contract Year are less than half of the figure stated in Clause",
     "4.2, the Supplier may terminate this Agreement on notice.", "4.3 The Dealer shall keep records."),
    # '... supplied in bulk road tankers,' + '1,000-litre IBCs, ...': a number with a thousands comma is no item number
    ('a) "Products" means diesel exhaust fluid meeting ISO 22241-1, supplied in bulk road tankers,',
     "1,000-litre containers, as listed in Appendix 1;", "2. The Distributor shall keep records."),
])
def test_pdf_line_starting_with_a_referenced_number_goes_on_with_the_sentence(full, wrapped, item):
    """A wrapped line that starts with a number that is no item number stays in its paragraph; an item after a
    short line ending a sentence starts its own."""
    from clausecheck.extract.pdf import reflow

    lines = [full, wrapped, "", full[:60] + ".", item]
    blocks = [text for _kind, text in reflow(lines, set(), len(full))]
    assert blocks[0] == f"{full} {wrapped}"
    assert blocks[-1] == item


def test_pdf_clauses_numbered_by_ordinal_words_stay_apart():
    """Older agreements number clauses 'FIFTH:', 'SIXTH.': after a very full line ending a sentence, such a
    clause starts its own paragraph (it was read as the next sentence of the one before); a capitalised
    word that is no ordinal clause number still goes on with the sentence."""
    from clausecheck.extract.pdf import reflow

    full = "may be renewed only by written agreement, failing which it shall expire at the end of said term."
    for head in ("SIXTH: MINIMUM PURCHASES. The Distributor commits to purchase", "TWENTY-FIRST. NOTICES. Any notice"):
        assert len(reflow([full, head], set(), len(full))) == 2
    for line in ("Sixth: the Distributor shall keep records.", "FIFTHLY the Distributor shall keep records."):
        assert len(reflow([full, line], set(), len(full))) == 1


def test_pdf_line_starting_in_lower_case_after_a_full_line_ending_in_punctuation_goes_on():
    """'... for such Contract Year;' + 'provided, however, that ...': the proviso is the same sentence (it was a
    paragraph of its own, so a denial in it no longer reached the sales objectives it denies); an item "(b)" or
    "b)" or "ii." after such a line still starts its own."""
    from clausecheck.extract.pdf import reflow

    full = "the parties shall endeavour to agree upon sales objectives for the Products for such Contract Year;"
    assert len(reflow([full, "provided, however, that such objectives shall not bind."], set(), len(full))) == 1
    for item in ("b) the Distributor shall keep records.", "ii. the Distributor shall keep records."):
        assert len(reflow([full, item], set(), len(full))) == 2


def test_pdf_table_rows_drawn_with_bars_end_at_their_closing_bar():
    """A table drawn with bars, typeset: a full-width row ending in its bar is a row of its own (the header and the
    first row were one paragraph), a row wrapped before its closing bar goes on to it, and the line after the last row
    is not part of it; a line that starts with a bar and never closes is read as before."""
    from clausecheck.extract.pdf import reflow

    header = "| Country | Status | Minimum purchase | Indicative forecast (not binding) of the Products |"
    row = "| Morocco | Exclusive (Art. 2), subject to the Qualifying Period (Art. 4) | None | Year 1: 120;"
    lines = [header, row, "Year 2: 180 machines |", "| Tunisia | Non-exclusive | EUR 80,000 per Contract Year | - |",
             "ATTACHMENT 3 - RESERVED ACCOUNTS"]
    blocks = [text for _kind, text in reflow(lines, set(), len(header))]
    assert blocks == [header, f"{row} Year 2: 180 machines |", lines[3], lines[4]]
    menu = ["|X| Auctions |_| Fixed Price", "Analytical Instrumentation"]
    assert len(reflow(menu, set(), len(header))) == 2


def test_pdf_key_terms_lines_stay_apart():
    """A cover page of 'Label: value' lines: a long one not ending in a full stop is no wrapped sentence going
    on into the next label (the renewal's row was read with the supply row before it); a sentence whose
    wrapped line happens to start 'Label:' after an ordinary first line still goes on."""
    from clausecheck.extract.pdf import reflow

    lines = ["Supply commitment: Distributor buys Products only from Supplier (see Section 3 and Annex 2)",
             "Initial Term: two (2) years; renews automatically for one (1) year at a time",
             "Governing law: State of Ohio"]
    assert [text for _kind, text in reflow(lines, set(), len(lines[0]))] == lines
    wrapped = ["The Distributor shall deliver to the Supplier each quarter a report listing, by customer,",
               "Products: sold, returned and held in stock."]
    assert len(reflow(wrapped, set(), len(wrapped[0]))) == 1


def test_pdf_schedule_items_stay_apart():
    """A key-terms schedule: 'Item 6 - ...' after a full line ending in a capitalised word starts a new paragraph."""
    from clausecheck.extract.pdf import reflow

    first = "Item 6 - Review Period: the first six (6) months after the Commencement Date"
    lines = [first, "Item 7 - Initial Term: three (3) years from the Commencement Date, then yearly"]
    assert len(reflow(lines, set(), len(first))) == 2


def test_pdf_line_starting_with_a_figure_in_brackets_after_a_number_word_goes_on():
    """'... within forty-five' + '(45) days after ...': the figure repeating a number in words is no
    item "(45)", so the wrapped line stays in its paragraph (a hyphenated word ends the line)."""
    from clausecheck.extract.pdf import reflow

    full = "Halberd may, by written notice to the Distributor given at any time within forty-five"
    lines = [full, "(45) days after the end of the second such Quarter, reduce the appointment.", "",
             full[:50] + " as follows:", "(a) the Distributor shall keep records."]
    blocks = [text for _kind, text in reflow(lines, set(), len(full))]
    assert blocks[0].endswith("within forty-five (45) days after the end of the second such Quarter, reduce the appointment.")
    assert blocks[-1] == "(a) the Distributor shall keep records."


def test_pdf_dash_bullets_stay_apart():
    """A list of obligations with dash bullets: '- to maintain a showroom ...,' + '- to report ...' are two items,
    not one wrapped sentence (a figure in one item must not be read with another's words)."""
    from clausecheck.extract.pdf import reflow

    first = "- to maintain a showroom in the Territory with at least six exhibited Products,"
    lines = ["(1) The Distributor undertakes:", first, "- to report each quarter on orders received and installations,",
             "- to insure its liability for a minimum sum of EUR 1,000,000."]
    blocks = [text for _kind, text in reflow(lines, set(), len(first))]
    assert blocks[1:] == lines[1:]


def test_sentence_across_a_page_break_goes_on_into_words_that_read_as_a_title():
    """A page ending '... governed by the laws of the' and the next starting 'Republic of Chile.': one sentence,
    not a title of its own, so the governing law is read whole."""
    from clausecheck.models import Block, Document
    from clausecheck.nlp.segment import segment

    first, second = "11.4 This Agreement is governed by the laws of the", "Republic of Chile. The courts of Santiago decide."
    text = f"{first}\n\n{second}"
    blocks = [Block(page=1, start=0, end=len(first)), Block(page=2, start=len(first) + 2, end=len(text))]
    doc = Document(path="x.pdf", sha256="0", format="pdf", text=text, pages=2, blocks=blocks)
    units = [text[u.start:u.end] for u in segment(doc)]
    assert units[0] == f"{first}\n\nRepublic of Chile."


def test_reflow_reads_a_figure_in_brackets_after_its_words_as_the_same_sentence():
    """A line breaking between a number in words and its figure ("AT LEAST SIXTY" + "(60) DAYS", "the fifteenth" +
    "(15th) anniversary") goes on, in capitals too, whether the line before is full or a short piece; a bracketed
    number after any other word still starts an item."""
    from clausecheck.extract.pdf import reflow

    full = "6.1 THIS AGREEMENT RENEWS FOR ONE (1) YEAR UNLESS EITHER PARTY OBJECTS AT LEAST SIXTY"
    for before in (full, "RENEW AT LEAST SIXTY", "ending on the fifteenth"):
        figure = "(15th) anniversary of the Release Date;" if before.islower() else "(60) DAYS BEFORE THE END OF THE TERM."
        assert len(reflow([before, figure], set(), len(full))) == 1
    for before in (full[:-len(" SIXTY")] + " IN THESE AREAS", "IN THE FOLLOWING AREAS"):
        assert len(reflow([before, "(1) THE NORTHERN REGION; AND"], set(), len(full))) == 2


def test_reflow_joins_a_hard_wrapped_text_typeset_on_a_narrower_page():
    """A text wrapped at 100 characters, typeset at 85, has every line wrapped again: the short pieces go on into the
    next line (a word no paragraph ends on, a lower-case start, or a piece that went on from a full line), while list
    items, definitions and headings in capitals still start blocks of their own."""
    from clausecheck.extract.pdf import reflow

    lines = [
        "1.3 Notes to draft and comments in square brackets in this document are for the",
        "negotiation only and",
        "do not form part of the agreement.",
        "4.3 No later than ten (10) days after the end of the Evaluation Period, Supplier",
        "shall notify",
        "Distributor in writing whether the exclusive right is confirmed.",
        "9.1 If the Distributor's Net Purchases in two consecutive Quarters are lower than its",
        "Net",
        "Purchases in the same Quarters of the preceding year, Supplier may withdraw the exclusivity.",
        "(a) the Territory; and",
        "(b) the Products.",
        '"Territory" means the Republic of Kenya, the Republic of Uganda and the United',
        "Republic",
        '"Trade Marks" means the marks listed in Schedule 2.',
        'Acme Distribution Ltd of 45 Brisbane Road, Booval QLD 4304, Australia ("Dealer")',
        "BACKGROUND",
        "(c) shall be open to inspection on three weeks' written request by the Supplier, at the Supplier's sole",
        "cost and",
        "The Distributor shall, at its own expense:",
    ]
    blocks = [text for _kind, text in reflow(lines, set(), 85)]
    assert blocks == [
        "1.3 Notes to draft and comments in square brackets in this document are for the negotiation only and do not "
        "form part of the agreement.",
        "4.3 No later than ten (10) days after the end of the Evaluation Period, Supplier shall notify Distributor in "
        "writing whether the exclusive right is confirmed.",
        "9.1 If the Distributor's Net Purchases in two consecutive Quarters are lower than its Net Purchases in the "
        "same Quarters of the preceding year, Supplier may withdraw the exclusivity.",
        "(a) the Territory; and",
        "(b) the Products.",
        '"Territory" means the Republic of Kenya, the Republic of Uganda and the United Republic',
        '"Trade Marks" means the marks listed in Schedule 2.',
        'Acme Distribution Ltd of 45 Brisbane Road, Booval QLD 4304, Australia ("Dealer")',
        "BACKGROUND",
        "(c) shall be open to inspection on three weeks' written request by the Supplier, at the Supplier's sole cost and",
        "The Distributor shall, at its own expense:",
    ]


def test_a_page_ending_mid_sentence_on_a_capitalised_word_or_a_comma_goes_on_in_the_next():
    """'... short of the Minimum Quantity in a Calendar' + (page break) + 'Year by more than ...' is one sentence, and so
    is '... below the Annual Floor,' + 'Supplier may ...'; a page that ends so before a list item or a definition is not."""
    from clausecheck.models import Block, Document
    from clausecheck.nlp.segment import segment

    def units(first: str, second: str) -> list[str]:
        text = f"{first}\n\n{second}"
        blocks = [Block(page=1, start=0, end=len(first)), Block(page=2, start=len(first) + 2, end=len(text))]
        doc = Document(path="x.pdf", sha256="0", format="pdf", text=text, pages=2, blocks=blocks)
        return [text[u.start:u.end] for u in segment(doc)]

    cut = "7.2 If the Distributor falls short of the Minimum Quantity in a Calendar"
    assert units(cut, "Year by more than 20%, the Supplier may terminate.") == [
        f"{cut}\n\nYear by more than 20%, the Supplier may terminate."]
    comma = "7.3 If the Net Purchases in any Contract Year fall below the Annual Floor,"
    assert len(units(comma, "Supplier may end the exclusivity by notice.")) == 1
    assert len(units(comma, "(b) Supplier may end the exclusivity by notice.")) == 2
    quoted = '8.1 This Agreement enters into force on the date of its signature (the "Effective'
    assert len(units(quoted, 'Date") and remains in force for an initial period of two (2) years.')) == 1
    listing = '"Territory" means the Republic of Kenya and the United Republic of Tanzania'
    assert len(units(listing, '"Trade Marks" means the marks in Schedule 2.')) == 2
    # a date broken after its day ("... to 31" + "December 2027, ...") goes on; a page ending on a figure before a sentence
    # that only starts with a month does not ("... the Products listed in Schedule 2" + "March 2027 prices apply ...")
    dated = '3. "Trial Season" means the first Season, from 1 September 2027 to 28'
    assert len(units(dated, "February 2028, a period of six (6) months.")) == 1
    assert len(units("4. The prices are those of Price List 12", "Prices for March apply from 1 March 2027.")) == 2
    # a page stopping on a word no sentence ends on goes on even into words that would read as a title of their own; a
    # title after a sentence that ends is one
    floor = "4.1 From the first full Quarter after the trial period, the Dealer must reach in each"
    assert len(units(floor, "Quarter at least the Floor Volume.")) == 1
    assert len(units(floor + " Quarter.", "Floor Volume")) == 2
    one_page = Document(path="x.txt", sha256="0", format="txt", text=f"{floor}\n\nFloor Volume", pages=1,
                        blocks=[Block(page=1, start=0, end=len(floor)), Block(page=1, start=len(floor) + 2, end=len(floor) + 14)])
    assert len(segment(one_page)) == 2
    # a page stopping on a plural possessive goes on into the lower-case words after it ("... the Buyers'" + "standing ...")
    possessive = "(a) The Indentor shall furnish monthly market reports on yarn prices and on the Buyers'"
    assert len(units(possessive, "standing with their bankers, within seven days of each month end.")) == 1
    assert len(units(possessive.replace("Buyers'", "Buyers’"), "standing with their bankers.")) == 1
    # on one page (a text's paragraphs), a paragraph stopping on a capitalised word ends there
    text = f"{cut}\n\nYear by more than 20%, the Supplier may terminate."
    doc = Document(path="x.txt", sha256="0", format="txt", text=text, pages=1,
                   blocks=[Block(page=1, start=0, end=len(cut)), Block(page=1, start=len(cut) + 2, end=len(text))])
    assert len(segment(doc)) == 2


def test_a_list_whose_lead_in_a_page_break_cut_is_read_with_the_whole_lead_in():
    """'6.1 If, in any twelve (12) consecutive months, the' + page break + 'Distributor obtains no order at all, the Principal
    may either:' + '(a) convert ...' + '(b) ...': the item reads its condition from the page before."""
    from clausecheck.engine import Config, get_detector
    from clausecheck.models import Block, Document

    def clauses(pages: list[list[str]]) -> list:
        text, blocks = "", []
        for page, paragraphs in enumerate(pages, 1):
            for paragraph in paragraphs:
                text += "\n\n" * bool(text)
                blocks.append(Block(page=page, start=len(text), end=len(text) + len(paragraph)))
                text += paragraph
        doc = Document(path="x.pdf", sha256="0", format="pdf", text=text, pages=len(pages), blocks=blocks)
        return [c for c in get_detector(Config()).detect(doc) if c.type.value == "performance_trigger"]

    grant = "2.1 The Principal appoints the Distributor as its exclusive distributor of the Products in Peru."
    lead = ["6.1 If, during any period of twelve (12) consecutive months after the signature of this contract, the",
            "Distributor obtains no order at all, the Principal may, by notice sent within sixty (60) days, choose either:"]
    items = ["(a) to convert the appointment under clause 2.1 into a non-exclusive appointment; or",
             "(b) to keep the appointment as it stands."]
    assert [c.attributes.get("consequence") for c in clauses([[grant, lead[0]], [lead[1], *items]])] == ["convert_non_exclusive"]
    # the same lead-in, its condition gone, converts on no miss
    assert clauses([[grant], [lead[1].replace("Distributor obtains no order at all, ", ""), *items]]) == []
