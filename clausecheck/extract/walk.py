"""Walk a folder of contracts safely: symlinks out of the tree are not followed, nothing hangs or loops.

For `clausecheck scan`. Every file worth reporting comes out as a WalkEntry; an entry with an
`error` is a file (or folder) that cannot be analysed and should be reported as such:

- E027: a symbolic link to outside the scanned folder (not followed unless follow_symlinks=True);
- E001: a broken symbolic link;
- E002: a file or folder that cannot be read, or that is not a regular file (a FIFO would block).

Symbolic links to folders inside the tree are not descended into (their target is walked
anyway); with follow_symlinks=True every link is followed, each real folder at most once.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClauseCheckError
from ..models import ErrorInfo

CONTRACT_SUFFIXES = (".pdf", ".docx", ".txt", ".md", ".markdown")
# formats people keep contracts in that clausecheck reports as unsupported (with what to convert to)
UNSUPPORTED_SUFFIXES = (".doc", ".rtf", ".odt", ".pages")


@dataclass(frozen=True)
class WalkEntry:
    path: Path
    error: ErrorInfo | None = None


def _error(path: Path, code: str, message: str) -> WalkEntry:
    return WalkEntry(path, ClauseCheckError(code, f"{path}: {message}").info())


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def safe_walk(
    root: str | Path,
    *,
    follow_symlinks: bool = False,
    suffixes: tuple[str, ...] | None = CONTRACT_SUFFIXES + UNSUPPORTED_SUFFIXES,
    skip_hidden: bool = True,
) -> Iterator[WalkEntry]:
    """Yield the files under `root` in sorted order (`suffixes=None`: every file)."""
    top = Path(root)
    real_root = Path(os.path.realpath(top))
    seen: set[tuple[int, int]] = set()

    def wanted(name: str) -> bool:
        return suffixes is None or name.lower().endswith(suffixes)

    def visit(folder: Path) -> Iterator[WalkEntry]:
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                return
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            yield _error(folder, "E002", "folder cannot be read (permission denied)")
            return
        except OSError as exc:
            yield _error(folder, "E002", f"folder cannot be read ({exc.strerror or exc})")
            return
        for entry in entries:
            if skip_hidden and entry.name.startswith("."):
                continue
            path = folder / entry.name
            if entry.is_symlink():
                target = Path(os.path.realpath(path))
                if not target.exists():
                    if wanted(entry.name):
                        yield _error(path, "E001", f"broken symbolic link to {os.readlink(path)}")
                    continue
                if not follow_symlinks and not _inside(target, real_root):
                    if target.is_dir() or wanted(entry.name):
                        yield _error(path, "E027", f"symbolic link to {target}, outside {real_root}: not followed")
                    continue
                if target.is_dir():
                    if follow_symlinks:
                        yield from visit(path)
                    continue  # inside the tree: walked through its real path
            try:
                mode = entry.stat(follow_symlinks=True).st_mode
            except OSError as exc:
                yield _error(path, "E002", f"cannot be read ({exc.strerror or exc})")
                continue
            if stat.S_ISDIR(mode):
                yield from visit(path)
            elif not wanted(entry.name):
                continue
            elif not stat.S_ISREG(mode):
                yield _error(path, "E002", "not a regular file (a pipe, socket or device)")
            elif not os.access(path, os.R_OK):
                yield _error(path, "E002", "permission denied")
            else:
                yield WalkEntry(path)

    if not top.is_dir():
        yield WalkEntry(top)  # a file named directly: analyse_path decides what it is
        return
    yield from visit(top)
