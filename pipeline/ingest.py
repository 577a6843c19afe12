"""Stage 1: files → Documents. Finds the inputs, reads bytes, detects the encoding, hashes.

This is an I/O edge: everything after it works on ``Document.raw_text``. A file that cannot be
read becomes a :class:`DocumentError` that names the problem; it never stops the run.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterator

from .model import Document, DocumentError

TEXT_SUFFIXES = (".txt", ".md")

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)


class InputError(Exception):
    """A command-line INPUT that does not exist (bad usage, exit code 2)."""


def discover(inputs: list[str | Path]) -> list[tuple[Path, str]]:
    """(path, doc_id) for every document under ``inputs``, in a stable order.

    ``doc_id`` is the path relative to the INPUT folder it was found under, with ``/``
    separators; for an INPUT that is a file, its file name.
    """
    found: list[tuple[Path, str]] = []
    for item in inputs:
        root = Path(item)
        if root.is_file():
            found.append((root, root.name))
        elif root.is_dir():
            found.extend(sorted(((path, path.relative_to(root).as_posix()) for path in _walk(root)), key=lambda t: t[1]))
        else:
            raise InputError(f"{item}: no such file or folder")
    seen: set[str] = set()
    unique = []
    for path, doc_id in found:
        if doc_id not in seen:
            seen.add(doc_id)
            unique.append((path, doc_id))
    return unique


def _walk(root: Path) -> Iterator[Path]:
    # os.walk without following links: a symlink loop cannot trap us
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if name.lower().endswith(TEXT_SUFFIXES):
                yield Path(dirpath) / name


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) or ValueError naming why the bytes are not text."""
    if not data:
        raise ValueError("empty file")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError as e:
                raise ValueError(f"starts with a {name} byte-order mark but is not {name}: {e.reason}") from e
    if b"\x00" in data[:4096]:
        text = _try_utf16_without_bom(data)
        if text is not None:
            return text
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_chinese(text):
            return text, codec
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding and _looks_like_chinese(str(best)):
        return str(best), best.encoding
    raise ValueError("bytes decode in none of utf-8, utf-16, gb18030, big5; pass a UTF-8 copy")


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_chinese(text):
            return text, codec
    return None


def _looks_like_chinese(text: str) -> bool:
    sample = text[:20000]
    non_ascii = [c for c in sample if ord(c) > 127]
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in sample):
        return False
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef")
    return cjk / len(non_ascii) >= 0.7


def read_document(path: Path, doc_id: str) -> Document | DocumentError:
    try:
        data = path.read_bytes()
    except OSError as e:
        return DocumentError(doc_id, str(path), "", f"cannot read {path}: {e.strerror or e}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        text, encoding = decode(data)
    except ValueError as e:
        return DocumentError(doc_id, str(path), sha, f"{path}: {e}")
    return Document(doc_id, str(path), sha, encoding, text)


def document_from_text(text: str, doc_id: str = "<text>") -> Document:
    """A Document for text that did not come from a file (explain, rule examples)."""
    return Document(doc_id, doc_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), "utf-8", text)
