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
DOCUMENT_SUFFIXES = TEXT_SUFFIXES + (".pdf", ".docx", ".html", ".htm")

#: A line longer than this is not prose from a report (a dump, a minified file, binary junk);
#: refusing it keeps one such file from stalling a run.
MAX_LINE = 1_000_000

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
            if name.lower().endswith(DOCUMENT_SUFFIXES):
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
        decoded = _decode_as_chinese(data, ("utf-16-le", "utf-16-be"))  # UTF-16 without a BOM
        if decoded is not None:
            return decoded
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = _decode_as_chinese(data, ("gb18030", "big5"))
    if decoded is not None:
        return decoded
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding and _looks_like_chinese(str(best)):
        return str(best), best.encoding
    raise ValueError("bytes decode in none of utf-8, utf-16, gb18030, big5; pass a UTF-8 copy")


def _decode_as_chinese(data: bytes, codecs: tuple[str, ...]) -> tuple[str, str] | None:
    """The first of ``codecs`` that decodes the bytes into plausible Chinese text."""
    for codec in codecs:
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


def sniff(data: bytes) -> str:
    """What the bytes are, whatever the file is called: pdf, docx, zip, html or text."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] else "zip"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "text"


_KIND_BY_SUFFIX = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}
_NAMES = {"pdf": "a PDF file", "docx": "a Word (.docx) file", "zip": "a zip archive", "html": "a web page", "text": "plain text"}


def read_document(path: Path, doc_id: str) -> Document | DocumentError:
    try:
        data = path.read_bytes()
    except OSError as e:
        return DocumentError(doc_id, str(path), "", f"{path}: cannot read: {e.strerror or e}")
    sha = hashlib.sha256(data).hexdigest()
    want = _KIND_BY_SUFFIX.get(path.suffix.lower(), "text")
    got = sniff(data) if data else want
    if want != got and not (want == "html" and got == "text") and not (want == "text" and got == "html"):
        return DocumentError(doc_id, str(path), sha, f"{path}: the file is {_NAMES[got]}, not what its extension {path.suffix or '(none)'} says; rename it")
    try:
        if want == "pdf":
            text, encoding = extract_pdf(data), "pdf"
        elif want == "docx":
            text, encoding = extract_docx(data), "docx"
        elif want == "html":
            text, encoding = extract_html(data)
        else:
            text, encoding = decode(data)
    except ValueError as e:
        return DocumentError(doc_id, str(path), sha, f"{path}: {e}")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > MAX_LINE:
        return DocumentError(doc_id, str(path), sha, f"{path}: a line of {longest:,} characters (no line breaks); not a report, or split it into lines")
    if not text.strip():
        return DocumentError(doc_id, str(path), sha, f"{path}: no text in the file" + (" (a scanned PDF needs OCR first)" if want == "pdf" else ""))
    return Document(doc_id, str(path), sha, encoding, text)


def extract_pdf(data: bytes) -> str:
    """The text layer of a PDF, pages separated by a blank line."""
    import io

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError("the PDF is encrypted; decrypt it first")
        return "\n\n".join((page.extract_text() or "").strip("\n") for page in reader.pages)
    except (PdfReadError, KeyError, TypeError, AttributeError) as e:
        raise ValueError(f"not a readable PDF: {e}") from e


def extract_docx(data: bytes) -> str:
    """Paragraphs one per line; table rows as tab-separated lines (the table stage reads them)."""
    import io
    import zipfile

    from docx import Document as DocxDocument

    try:
        doc = DocxDocument(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise ValueError(f"not a readable .docx: {e}") from e
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for tr in child.iter():
                if tr.tag.endswith("}tr"):
                    cells = ["".join(t.text or "" for t in tc.iter() if t.tag.endswith("}t")) for tc in tr if tc.tag.endswith("}tc")]
                    lines.append("\t".join(cells))
            lines.append("")
    return "\n".join(lines)


_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table", "ul", "ol", "blockquote", "pre"}
_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template")


def extract_html(data: bytes) -> tuple[str, str]:
    """The page's text: scripts, styles and navigation dropped, one line per block, table cells
    separated by tabs. The encoding comes from the BOM, the page's meta charset, or detection."""
    import lxml.html

    text, encoding = _decode_html(data)
    try:
        root = lxml.html.document_fromstring(text)
    except (ValueError, lxml.etree.ParserError) as e:
        raise ValueError(f"not a readable web page: {e}") from e
    for bad in root.xpath("|".join(f"//{t}" for t in _DROP_TAGS)):
        bad.drop_tree()
    parts: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _BLOCKS:
            parts.append("\n")
        if tag in ("td", "th"):
            parts.append("\t")
        if node.text and tag not in ("html",):
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(root.body if root.find("body") is not None else root)
    import regex

    lines = []
    for line in "".join(parts).split("\n"):
        line = line.strip(" \r")
        lines.append(line[1:] if line.startswith("\t") else line)  # the tab before a row's first cell
    return regex.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n", encoding


def _decode_html(data: bytes) -> tuple[str, str]:
    import regex

    m = regex.search(rb"<meta[^>]{0,200}charset=[\"']?([A-Za-z0-9_-]{2,20})", data[:4096], regex.I)
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        codec = m.group(1).decode("ascii").lower()
        codec = {"gb2312": "gb18030", "gbk": "gb18030"}.get(codec, codec)
        try:
            return data.decode(codec), f"html:{codec}"
        except (LookupError, UnicodeDecodeError):
            pass
    text, encoding = decode(data)
    return text, f"html:{encoding}"


def document_from_text(text: str, doc_id: str = "<text>") -> Document:
    """A Document for text that did not come from a file (explain, rule examples)."""
    return Document(doc_id, doc_id, hashlib.sha256(text.encode("utf-8")).hexdigest(), "utf-8", text)
