"""Memory ceiling: the biggest hostile files are analysed (or refused) inside a 1 GB (memory_mb) address space."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BIG = {
    "contract_1001_pages.pdf": None, "one_line_5mb.txt": None, "contract_1001_pages.txt": None, "heavy_media.docx": None,
    "huge_text.txt": "E018", "stream_bomb.pdf": "E018", "zip_bomb.docx": "E018", "zip_total_bomb.docx": "E018",
}
CHILD = """
import json, sys
import resource
from clausecheck.extract.limits import Limits
from clausecheck.engine import analyse_path
# stricter than scan's worker ceiling (start-up size + memory_mb): the whole process gets memory_mb
_, hard = resource.getrlimit(resource.RLIMIT_AS)
resource.setrlimit(resource.RLIMIT_AS, (Limits().memory_mb * 1024 * 1024, hard))
out = {}
for path in sys.argv[1:]:
    r = analyse_path(path)
    out[path.rsplit("/", 1)[-1]] = [r.error.code if r.error else None, r.error.message if r.error else ""]
try:
    bytearray(2 * 1024 ** 3)
    out["over"] = "allocated"
except MemoryError:
    out["over"] = "MemoryError"
print(json.dumps(out))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_big_files_fit_under_the_default_ceiling(corpus):
    paths = [str(corpus[name]) for name in BIG]
    done = subprocess.run([sys.executable, "-c", CHILD, *paths], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent.parent)
    results = json.loads(done.stdout)
    assert results.pop("over") == "MemoryError"  # the ceiling is real
    for name, expected in BIG.items():
        code, message = results[name]
        assert code == expected, (name, message)
        assert code != "E022" and "out of memory" not in message
