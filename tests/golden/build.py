"""Regenerate the golden contract (contract.txt, contract.docx) from contract.src.md.

    .venv/bin/python tests/golden/build.py

The text is our own (no real contract). It reuses fixtures/build.py so the DOCX is built like
every other fixture, with fixed zip timestamps and core properties (reproducible bytes).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("fixture_build", HERE.parents[1] / "fixtures" / "build.py")
assert spec and spec.loader
build = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build)

if __name__ == "__main__":
    blocks = build.parse((HERE / "contract.src.md").read_text(encoding="utf-8"))
    (HERE / "contract.txt").write_bytes(build.build_txt(blocks).encode("utf-8"))
    (HERE / "contract.docx").write_bytes(build.build_docx(blocks, "Distribution Agreement"))
    print("wrote", HERE / "contract.txt", HERE / "contract.docx")
