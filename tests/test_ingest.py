import pytest

from pipeline.ingest import InputError, decode, discover, read_document
from pipeline.model import Document, DocumentError

TEXT = "2021年，全区地区生产总值1252.4亿元，同比增长7%。"


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gb18030"), "gb18030"),
        (b"\xff\xfe" + TEXT.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("big5", errors="ignore"), "big5"),
    ],
)
def test_ingest_decode_detects_encoding_and_drops_bom(data, encoding):
    text, got = decode(data)
    assert got == encoding
    assert not text.startswith("\ufeff")
    assert "1252.4" in text


def test_ingest_decode_keeps_newlines_as_they_are():
    text, _ = decode("第一行\r\n第二行".encode("utf-8"))
    assert text == "第一行\r\n第二行"


@pytest.mark.parametrize(
    "data,message",
    [(b"", "empty file"), (b"\x00\x01\x02\x03\xff\xfe\xfa" * 50, "binary file"), (b"\xff\xfe\x00\xd8", "utf-16")],
)
def test_ingest_decode_errors_say_what_is_wrong(data, message):
    with pytest.raises(ValueError, match=message):
        decode(data)


def test_ingest_discover_doc_ids_are_relative_with_slashes(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "y.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    single = tmp_path / "a" / "b" / "x.txt"
    assert [d for _, d in discover([tmp_path])] == ["a/b/x.txt", "y.md"]
    assert [d for _, d in discover([single])] == ["x.txt"]


def test_ingest_discover_survives_a_symlink_loop(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    (tmp_path / "d" / "x.txt").write_text(TEXT, encoding="utf-8")
    assert [d for _, d in discover([tmp_path])] == ["d/x.txt"]


def test_ingest_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "nope"])


def test_ingest_read_document_records_hash_and_errors(tmp_path):
    good = tmp_path / "g.txt"
    good.write_text(TEXT, encoding="utf-8")
    doc = read_document(good, "g.txt")
    assert isinstance(doc, Document) and len(doc.sha256) == 64 and doc.raw_text == TEXT
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    err = read_document(empty, "e.txt")
    assert isinstance(err, DocumentError) and "e.txt" in err.error and "empty file" in err.error
