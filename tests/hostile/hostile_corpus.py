"""Recipe for the hostile corpus: every broken, crafted or enormous input, with its expected code.

Nothing here is a committed binary: each file is built from this script. Run it to look at them:

    python tests/hostile/hostile_corpus.py OUT_DIR          # writes the files, prints name / expected code

`expected` is the error code the report must carry, or None when the file must be analysed
(then `needs` lists clause types that must be found, and `notice` a notice code that must be
present). All contract text below is written for clausecheck (no real contract).
"""

from __future__ import annotations

import io
import random
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CONTRACT = [
    "DISTRIBUTION AGREEMENT",
    "This Distribution Agreement is made between Fjordline Kitchenware AS (the Supplier) and "
    "Harbour Retail Supply Ltd (the Distributor).",
    "1. Appointment. The Supplier appoints the Distributor as its exclusive distributor of the "
    "Products in the Territory, and shall not appoint any other distributor in the Territory.",
    '2. Territory. "Territory" means the Kingdom of Denmark.',
    "3. Term. This Agreement shall remain in force for an initial term of two (2) years.",
    "4. Governing law. This Agreement is governed by the laws of Norway.",
]
CONTRACT_TEXT = "\n\n".join(CONTRACT) + "\n"
NEEDS = ["exclusivity", "governing_law"]
SECRET = "CLAUSECHECK-XXE-CANARY-7f3a"  # written next to the corpus; must never appear in a report
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@dataclass
class Case:
    name: str
    build: Callable[[Path], bytes]
    expected: str | None
    needs: list[str] = field(default_factory=list)
    notice: str | None = None
    password: str | None = None
    what: str = ""


# --------------------------------------------------------------------------- PDF writer


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_stream(lines: list[str]) -> bytes:
    body = ["BT /F1 10 Tf 12 TL 50 760 Td"]
    for line in lines:
        body.append(f"({_esc(line)}) Tj T*")
    body.append("ET")
    return "\n".join(body).encode("latin-1", "replace")


def wrap(text: str, width: int = 90) -> list[str]:
    out: list[str] = []
    for para in text.split("\n\n"):
        line = ""
        for word in para.split():
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        out.append(line)
        out.append("")
    return out


def make_pdf(pages: list, *, compress: bool = True, extra: bytes = b"", shared_content: bool = False) -> bytes:
    """pages: list of line lists (text pages) or ("image", gray_bytes, w, h) tuples (scanned pages)."""
    objects: dict[int, bytes] = {}
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    kids = []
    nxt = 4
    shared = None
    for page in pages:
        page_id, content_id = nxt, nxt + 1
        nxt += 2
        resources = "/Font << /F1 3 0 R >>"
        if isinstance(page, tuple):
            _, pixels, w, h = page
            image_id = nxt
            nxt += 1
            data = zlib.compress(pixels)
            objects[image_id] = (
                f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
                f"/BitsPerComponent 8 /Filter /FlateDecode /Length {len(data)} >>\nstream\n".encode()
                + data + b"\nendstream"
            )
            resources += f" /XObject << /Im1 {image_id} 0 R >>"
            stream = b"q 512 0 0 %d 50 %d cm /Im1 Do Q" % (int(512 * h / w), 780 - int(512 * h / w))
        else:
            stream = text_stream(page)
        if shared_content and shared is not None:
            content_id = shared
        else:
            filt = ""
            if compress:
                stream = zlib.compress(stream)
                filt = " /Filter /FlateDecode"
            objects[content_id] = f"<< /Length {len(stream)}{filt} >>\nstream\n".encode() + stream + b"\nendstream"
            shared = content_id
        objects[page_id] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << {resources} >> "
            f"/Contents {content_id} 0 R >>"
        ).encode()
        kids.append(page_id)
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[2] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    out += extra
    xref = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += (f"{offsets[number]:010d} 00000 n \n" if number in offsets else "0000000000 65535 f \n").encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def contract_pdf() -> bytes:
    return make_pdf([wrap(CONTRACT_TEXT)])


def scan_image(text: str | None) -> tuple:
    """A grayscale page image: rendered text when Pillow can draw it, else a blank scan."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = 1700, 1000
    image = Image.new("L", (width, height), 255)
    if text:
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=34)
        y = 60
        for line in wrap(text, 70):
            draw.text((60, y), line, fill=0, font=font)
            y += 44
    return ("image", image.tobytes(), width, height)


def encrypted(user: str, owner: str, algorithm: str) -> Callable[[Path], bytes]:
    def build(_: Path) -> bytes:
        from pypdf import PdfReader, PdfWriter  # dev dependency: only to GENERATE encrypted test files

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(contract_pdf())))
        writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    return build


def stream_bomb(_: Path) -> bytes:
    """A page whose content stream is 1 MB on disk and 300 MB inflated."""
    compressor = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = b"".join(compressor.compress(chunk) for _ in range(300)) + compressor.flush()
    page = text_stream(wrap(CONTRACT_TEXT))
    pdf = make_pdf([wrap(CONTRACT_TEXT)], compress=False)
    bomb = data
    return pdf.replace(
        b"/Length %d >>\nstream\n" % len(page) + page,
        b"/Length %d /Filter /FlateDecode >>\nstream\n" % len(bomb) + bomb,
    )


def deep_nesting(_: Path) -> bytes:
    """An object nested 100,000 arrays deep, referenced from the page."""
    depth = 100_000
    extra = b"99 0 obj\n" + b"[" * depth + b"]" * depth + b"\nendobj\n"
    pdf = make_pdf([wrap(CONTRACT_TEXT)], extra=extra)
    return pdf.replace(b"/Type /Page /Parent", b"/Type /Page /Deep 99 0 R /Parent", 1)


BOILER = [
    "Each party shall keep complete and accurate records of its shipments for {n} years.",
    "Invoices under schedule {n} are payable in euro within thirty days of their date.",
    "Notices concerning delivery batch {n} shall be sent by registered mail or courier.",
    "The packaging of item group {n} shall follow the specifications in the annex.",
    "Meetings on logistics topic {n} take place at the offices of either party.",
    "Samples for product line {n} are provided free of charge on reasonable request.",
]


def boiler_page(number: int) -> str:
    """Varied, clause-free filler: 1,000 pages of it must neither vanish as running headers nor match."""
    rng = random.Random(number)
    return " ".join(rng.choice(BOILER).format(n=rng.randint(2, 999)) for _ in range(12))


def thousand_pages(_: Path) -> bytes:
    return make_pdf([wrap(CONTRACT_TEXT)] + [wrap(boiler_page(n)) for n in range(1000)])


# --------------------------------------------------------------------------- DOCX writer


def contract_docx() -> bytes:
    import docx

    document = docx.Document()
    for para in CONTRACT:
        document.add_paragraph(para)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes | None] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                if replace[info.filename] is None:
                    continue
                zout.writestr(info.filename, replace[info.filename])
            else:
                zout.writestr(info.filename, zin.read(info.filename))
        for name, value in (add or {}).items():
            zout.writestr(name, value)
    return out.getvalue()


def document_xml(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>').encode()


def para(text: str) -> str:
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"


def docx_with(body: str, prolog: str = "") -> Callable[[Path], bytes]:
    return lambda _: rezip(contract_docx(), {"word/document.xml": document_xml(body, prolog)})


def billion_laughs() -> str:
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    )
    return f"<!DOCTYPE w:document [{entities}]>"


def xxe_file(root: Path) -> Callable[[Path], bytes]:
    def build(directory: Path) -> bytes:
        secret = directory / "secret.txt"
        secret.write_text(SECRET)
        prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        return docx_with(para("Exclusive distributor: &xxe; end"), prolog)(directory)

    return build


def xxe_network(url: str) -> Callable[[Path], bytes]:
    prolog = f'<!DOCTYPE w:document [<!ENTITY % remote SYSTEM "{url}"> %remote; <!ENTITY net SYSTEM "{url}x">]>'
    return docx_with(para("Exclusive &net; distributor"), prolog)


def zip_bomb(_: Path) -> bytes:
    body = para("The Supplier appoints the Distributor as its exclusive distributor.") + " " * (60 << 20)
    return rezip(contract_docx(), {"word/document.xml": document_xml(body)})


def total_bomb(_: Path) -> bytes:
    filler = b"\0" * 999_999  # each part stays under the ratio check's 1 MB threshold
    return rezip(contract_docx(), add={f"word/media/fill{i}.bin": filler for i in range(300)})


def heavy_media(_: Path) -> bytes:
    """Within every limit, yet 200 MB in memory: 200 referenced image parts of 1 MB (each under the ratio check)."""
    with zipfile.ZipFile(io.BytesIO(contract_docx())) as zin:
        rels = zin.read("word/_rels/document.xml.rels").decode()
        types = zin.read("[Content_Types].xml").decode()
    links = "".join(f'<Relationship Id="rFill{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/image" Target="media/fill{i}.png"/>' for i in range(200))
    return rezip(
        contract_docx(),
        {"word/_rels/document.xml.rels": rels.replace("</Relationships>", links + "</Relationships>").encode(),
         "[Content_Types].xml": types.replace("<Default ", '<Default Extension="png" ContentType="image/png"/>'
                                              "<Default ", 1).encode()},
        add={f"word/media/fill{i}.png": bytes([i]) * 999_999 for i in range(200)},
    )


def many_parts(_: Path) -> bytes:
    return rezip(contract_docx(), add={f"word/extra/part{i}.xml": b"<a/>" for i in range(5200)})


def encrypted_office(_: Path) -> bytes:
    """The shape Word gives a password-protected .docx: an OLE container with an EncryptedPackage."""
    return (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedInfo".encode("utf-16-le")
            + b"\0" * 64 + "EncryptedPackage".encode("utf-16-le") + bytes(random.Random(6).randbytes(4000)))


def nested_sdt(depth: int) -> Callable[[Path], bytes]:
    return lambda _: _nested_sdt(depth)


def _nested_sdt(depth: int) -> bytes:
    body = "<w:sdt><w:sdtContent>" * depth + para(CONTRACT[2]) + "</w:sdtContent></w:sdt>" * depth
    return rezip(contract_docx(), {"word/document.xml": document_xml(body)})


def bad_numbering(_: Path) -> bytes:
    numbering = (f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="x">'
                 '<w:start w:val="999999999"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    body = "".join(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="NaN"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                   f'<w:r><w:t>{p}</w:t></w:r></w:p>' for p in CONTRACT)
    return rezip(contract_docx(), {"word/document.xml": document_xml(body), "word/numbering.xml": numbering.encode()})


# --------------------------------------------------------------------------- other formats


def zipped(files: dict[str, bytes]) -> Callable[[Path], bytes]:
    def build(_: Path) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as zf:
            for name, value in files.items():
                zf.writestr(name, value)
        return out.getvalue()

    return build


def noise(n: int, seed: int) -> bytes:
    rng = random.Random(seed)
    data = bytearray(rng.randbytes(n))
    data[:4] = b"\x01\x02\x03\x04"  # never a magic number by chance
    return bytes(data)


def text(value: str, encoding: str = "utf-8") -> Callable[[Path], bytes]:
    return lambda _: value.encode(encoding)


def mixed_encoding(_: Path) -> bytes:
    lines = [CONTRACT_TEXT.encode("utf-8"), "Territory: Île-de-France and Besançon, per the Société.\n".encode("cp1252"),
             "Signed in Zürich — café terms.\n".encode()]
    return b"\n".join(lines)


def invalid_utf8(_: Path) -> bytes:
    return CONTRACT_TEXT.encode("utf-8") + b"\n\nPrice: \xff\xfe\x80 per unit \xc3\x28 end.\n"


def nul_bytes(_: Path) -> bytes:
    data = CONTRACT_TEXT.encode()
    return b"\0".join(data[i:i + 60] for i in range(0, len(data), 60))


def one_long_line(_: Path) -> bytes:
    sentence = CONTRACT_TEXT.replace("\n\n", " ").replace("\n", " ")
    filler = "The parties shall cooperate in good faith on marketing matters; "
    return (sentence + filler * ((5 << 20) // len(filler))).encode()


def rtl_zero_width(_: Path) -> bytes:
    sneaky = CONTRACT_TEXT.replace("exclusive", "exclu\u200bsive").replace("governed", "gov\u200derned")
    rtl = "\n\n\u202eThis line is reversed for display\u202c. \u05d4\u05e1\u05db\u05dd \u05d4\u05e4\u05e6\u05d4 "
    rtl += "\u0627\u062a\u0641\u0627\u0642\u064a\u0629 \u062a\u0648\u0632\u064a\u0639.\n"
    return ("\ufeff" + sneaky + rtl).encode("utf-8")


def thousand_page_text(_: Path) -> bytes:
    return (CONTRACT_TEXT + "\n\n" + "".join("\f" + boiler_page(n) + "\n\n" for n in range(1000))).encode()


def huge_text(_: Path) -> bytes:
    return (CONTRACT_TEXT + "\n\n" + "All notices shall be in writing. " * 700_000).encode()


def page_text_bomb(_: Path) -> bytes:
    return make_pdf([wrap(CONTRACT_TEXT), ["x" * 1000] * 250])


# --------------------------------------------------------------------------- the corpus


def cases(network_url: str = "http://127.0.0.1:9/") -> list[Case]:
    """Every hostile input with its expected result. `network_url`: where an XXE would connect."""
    pdf = lambda pages, **kw: (lambda _: make_pdf(pages, **kw))  # noqa: E731
    return [
        # PDF
        Case("contract.pdf", lambda _: contract_pdf(), None, NEEDS, what="a plain text PDF (control)"),
        Case("scanned.pdf", lambda _: make_pdf([scan_image(None)]), "E012", what="one scanned page, no text layer"),
        Case("signature_page_scanned.pdf", lambda _: make_pdf([wrap(CONTRACT_TEXT), scan_image(None)]), None, NEEDS,
             notice="W012|W013", what="text pages plus a scanned signature page"),
        Case("encrypted_owner_only.pdf", encrypted("", "owner-secret", "RC4-128"), None, NEEDS,
             what="encrypted with an empty user password"),
        Case("encrypted_rc4.pdf", encrypted("s3cret", "owner", "RC4-128"), "E013", what="needs a password (RC4)"),
        Case("encrypted_aes256.pdf", encrypted("s3cret", "owner", "AES-256"), "E013", what="needs a password (AES)"),
        Case("encrypted_rc4_with_password.pdf", encrypted("s3cret", "owner", "RC4-128"), None, NEEDS,
             password="s3cret", what="right password given"),
        Case("encrypted_aes256_wrong_password.pdf", encrypted("s3cret", "owner", "AES-256"), "E013",
             password="wrong", what="wrong password given"),
        Case("truncated.pdf", lambda _: contract_pdf()[:400], "E011", what="cut inside the first object"),
        Case("truncated_trailer.pdf", lambda _: contract_pdf()[:-60], "E011", what="xref and trailer cut off"),
        Case("header_only.pdf", lambda _: b"%PDF-1.7\n%%EOF\n", "E011"),
        Case("garbage.pdf", lambda _: noise(50_000, 1), "E011", what="random bytes named .pdf"),
        Case("garbage_with_header.pdf", lambda _: b"%PDF-1.4\n" + noise(50_000, 2), "E011"),
        Case("no_pages.pdf", pdf([]), "E011"),
        Case("page_bomb.pdf", pdf([["x"]] * 6000, shared_content=True), "E018", what="6,000 pages"),
        Case("deep_nesting.pdf", deep_nesting, None, NEEDS, what="an object nested 100,000 arrays deep"),
        Case("stream_bomb.pdf", stream_bomb, "E018", what="1 MB stream inflating to 300 MB"),
        Case("page_text_bomb.pdf", page_text_bomb, "E018", what="one page with 250,000 characters"),
        Case("contract_1001_pages.pdf", thousand_pages, None, NEEDS, what="a 1,001-page contract"),
        Case("pdf_named.docx", lambda _: contract_pdf(), None, NEEDS, what="a PDF with a .docx name"),
        # DOCX
        Case("contract.docx", lambda _: contract_docx(), None, NEEDS, what="a plain DOCX (control)"),
        Case("truncated.docx", lambda _: contract_docx()[:2000], "E014"),
        Case("zero.docx", lambda _: b"", "E003", what="zero bytes"),
        Case("garbage.docx", lambda _: noise(20_000, 3), "E014"),
        Case("zip_bomb.docx", zip_bomb, "E018", what="document.xml inflating 1000x to 60 MB"),
        Case("zip_total_bomb.docx", total_bomb, "E018", what="300 parts of 1 MB: over the total"),
        Case("heavy_media.docx", heavy_media, None, NEEDS, what="200 MB of media within every limit"),
        Case("many_parts.docx", many_parts, "E018", what="5,200 parts"),
        Case("billion_laughs.docx", docx_with(para("Exclusive &lol9; distributor"), billion_laughs()), "E026"),
        Case("xxe_file.docx", xxe_file(Path()), "E026", what="external entity reading a local file"),
        Case("xxe_after_comment.docx", docx_with(para("Exclusive &lol9;"), "<!--" + "x" * 20000 + "-->"
                                                 + billion_laughs()), "E026", what="a DTD after a 20 KB comment"),
        Case("xxe_network.docx", xxe_network(network_url), "E026", what="external entity fetching a URL"),
        Case("bad_xml.docx", lambda _: rezip(contract_docx(), {"word/document.xml": b"<w:document><w:body><w:p>"}),
             "E014", what="document.xml not well-formed"),
        Case("no_content_types.docx", lambda _: rezip(contract_docx(), {"[Content_Types].xml": None}), "E014"),
        Case("empty_body.docx", docx_with(""), "E019"),
        Case("password_protected.docx", encrypted_office, "E028"),
        Case("nested_sdt.docx", nested_sdt(100), None, ["exclusivity"], what="100 nested content controls"),
        Case("nested_too_deep.docx", nested_sdt(5000), "E014", what="5,000 nested content controls (XML depth limit)"),
        Case("bad_numbering.docx", bad_numbering, None, NEEDS, what="numbering with garbage and huge values"),
        Case("invisible_chars.docx", docx_with(
            para("The Supplier appoints the Distributor as its exclu\u200bsive distri\u202ebutor\u202c in the Territory.")
            + para("This Agreement is gov\u2066erned\u2069 by the laws of Norway.")), None, NEEDS,
            what="zero-width and bidi controls inside words"),
        Case("docx_named.pdf", lambda _: contract_docx(), None, NEEDS, what="a DOCX with a .pdf name"),
        # other formats
        Case("legacy.doc", lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise(4000, 4), "E015"),
        Case("contract.rtf", text("{\\rtf1\\ansi " + CONTRACT_TEXT + "}"), "E010"),
        Case("contract.odt", zipped({"mimetype": b"application/vnd.oasis.opendocument.text",
                                     "content.xml": b"<office:document-content/>"}), "E010"),
        Case("contract.pages", zipped({"Index/Document.iwa": b"\0" * 100, "index.xml": b"<x/>"}), "E010"),
        Case("workbook.xlsx", zipped({"xl/workbook.xml": b"<x/>", "[Content_Types].xml": b"<x/>"}), "E010"),
        Case("scan.png.pdf", lambda _: b"\x89PNG\r\n\x1a\n" + noise(2000, 5), "E010", what="an image named .pdf"),
        Case("lfs_pointer.pdf", text("version https://git-lfs.github.com/spec/v1\noid sha256:"
                                     + "ab" * 32 + "\nsize 123456\n"), "E016"),
        Case("binary.txt", lambda _: noise(20_000, 6), "E017"),
        Case("archive.txt.gz", lambda _: b"\x1f\x8b\x08\x00" + noise(2000, 7), "E010"),
        # text
        Case("invalid_utf8.txt", invalid_utf8, None, NEEDS),
        Case("mixed_encoding.txt", mixed_encoding, None, NEEDS),
        Case("nul_bytes.txt", nul_bytes, None, NEEDS, what="a NUL every 60 bytes"),
        Case("utf16le_no_bom.txt", text(CONTRACT_TEXT, "utf-16-le"), None, NEEDS),
        Case("utf16_bom.txt", text(CONTRACT_TEXT, "utf-16"), None, NEEDS),
        Case("one_line_5mb.txt", one_long_line, None, NEEDS, what="a single 5 MB line"),
        Case("rtl_zero_width.txt", rtl_zero_width, None, NEEDS, what="zero-width characters inside words, RTL text"),
        Case("all_caps.txt", text(CONTRACT_TEXT.upper()), None, NEEDS),
        Case("contract_1001_pages.txt", thousand_page_text, None, NEEDS, what="1,001 form-feed pages"),
        Case("whitespace_only.txt", text(" \n\t\n  \n"), "E019"),
        Case("huge_text.txt", huge_text, "E018", what="23 MB of text: over max_text_chars"),
        Case("markdown_with_html.md", text("# Agreement\n\n<script>alert(1)</script>\n\n" + CONTRACT_TEXT), None, NEEDS),
    ]


def build(directory: Path, network_url: str = "http://127.0.0.1:9/", skip: tuple[str, ...] = ()) -> list[tuple[Case, Path]]:
    directory.mkdir(parents=True, exist_ok=True)
    built = []
    for case in cases(network_url):
        if case.name in skip:
            continue
        path = directory / case.name
        path.write_bytes(case.build(directory))
        built.append((case, path))
    return built


def main(argv: list[str]) -> int:
    out = Path(argv[1] if len(argv) > 1 else "hostile-corpus")
    for case, path in build(out):
        print(f"{case.expected or 'analysed':9} {path.stat().st_size:>12,}  {case.name}  {case.what}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
