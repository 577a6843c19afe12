"""Real inputs (PDF, Word, web pages, odd encodings) and bad inputs: every file is processed or
explained, and nothing is lost."""

import shutil

import pandas as pd
import pytest

from pipeline.ingest import extract_html, sniff
from pipeline.rules import DEFAULT_RULES_DIR
from pipeline.run import _work

from .conftest import CORPUS, run_cli

TEXT = "宁海县工业经济稳步发展。\n2020年，全县规上工业总产值969.5亿元，同比增长7.6%。\n宁海县经信局负责人介绍，全县有高新技术企业239家。\n"
_FILLER = "的是在我有他这中大来上国到说们为子和你地出道也时得就那要下以生会自着去之过学对可她里后小么心天而能好都然没日于起还发成事只作当想看文无开手用主行方又如前所本见经头面公同已老从动长知民样现分将外但身些与高意进把法此实回理美点明其种声全工己话儿者向情部正名定女问力机给等很业最间新什打便因重被走电第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山太水市眼体别处总才场师书比住员笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许特觉望直服毛林题建南度统色字请交爱让认算论吃义科怎元社术结功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴急"


def _text(seed: int) -> str:
    """TEXT plus a paragraph of its own, so that no two test files are near-duplicates."""
    import random

    rng = random.Random(seed)
    return TEXT + "".join(rng.choice(_FILLER) for _ in range(400)) + "。\n"


def _facts(out, doc_id):
    fm = pd.read_parquet(out / "fact_mentions.parquet")
    fm = fm[fm["doc_id"] == doc_id]
    return sorted(zip(fm["span"].str.replace(r"\s", "", regex=True), fm["value_std"], fm["unit_std"], fm["metric"], fm["kind"], fm["period"]))


def _make_pdf(path, text):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 11)
    y = 800
    for line in text.splitlines():
        c.drawString(40, y, line)
        y -= 20
    c.save()


def _make_docx(path, text):
    from docx import Document

    doc = Document()
    for line in text.splitlines():
        doc.add_paragraph(line)
    t = doc.add_table(rows=2, cols=3)
    for i, cell in enumerate(["指标", "2020年", "2025年"]):
        t.rows[0].cells[i].text = cell
    for i, cell in enumerate(["工业投资(亿元)", "65.3", "100"]):
        t.rows[1].cells[i].text = cell
    doc.save(str(path))


@pytest.fixture(scope="module")
def formats_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("formats")
    src = d / "in"
    src.mkdir()
    (src / "plain.txt").write_text(_text(1), encoding="utf-8")
    _make_pdf(src / "report.pdf", TEXT + "\n".join(_text(2)[len(TEXT) + k : len(TEXT) + k + 40] for k in range(0, 400, 40)))
    _make_docx(src / "report.docx", _text(3))
    body = "".join(f"<p>{line}</p>" for line in _text(4).splitlines())
    html = f'<!doctype html><html><head><meta charset="gb2312"><title>t</title><script>var x="1000亿元";</script></head><body><nav>首页 1个</nav>{body}</body></html>'
    (src / "page.html").write_bytes(html.encode("gb18030"))
    import opencc

    (src / "big5.txt").write_bytes(opencc.OpenCC("s2t").convert(_text(5)).encode("big5", errors="ignore"))
    (src / "utf16.txt").write_bytes(b"\xff\xfe" + _text(6).encode("utf-16-le"))
    out = d / "out"
    proc = run_cli("run", src, "--out", out)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.mark.parametrize("doc_id", ["report.pdf", "report.docx", "page.html", "utf16.txt"])
def test_inputs_give_the_same_facts_as_plain_text(formats_run, doc_id):
    plain = _facts(formats_run, "plain.txt")
    got = [f for f in _facts(formats_run, doc_id) if f[0] not in ("65.3", "100")]
    assert len(plain) == 3 and got == plain
    docs = pd.read_parquet(formats_run / "documents.parquet").set_index("doc_id")
    assert docs.loc[doc_id, "status"] == "ok"


def test_inputs_extracted_text_is_kept_and_offsets_refer_to_it(formats_run):
    fm = pd.read_parquet(formats_run / "fact_mentions.parquet")
    for r in fm.itertuples():
        text = (formats_run / "text" / (r.doc_id + ".txt")).read_text(encoding="utf-8")
        assert text[r.char_start : r.char_end] == r.span
    docs = pd.read_parquet(formats_run / "documents.parquet").set_index("doc_id")
    assert docs.loc["report.pdf", "encoding"] == "pdf" and docs.loc["page.html", "encoding"] == "html:gb18030"
    assert docs.loc["big5.txt", "encoding"] == "big5" and docs.loc["utf16.txt", "encoding"] == "utf-16-le"


def test_inputs_docx_tables_become_table_facts(formats_run):
    fm = pd.read_parquet(formats_run / "fact_mentions.parquet")
    cell = fm[(fm["doc_id"] == "report.docx") & (fm["span"] == "65.3")].iloc[0]
    assert (cell["rule_id"], cell["metric"], cell["period"], cell["value_std"]) == ("table.cell", "工业投资", "2020", 6.53e9)


def test_inputs_html_drops_scripts_and_navigation(formats_run):
    text = (formats_run / "text" / "page.html.txt").read_text(encoding="utf-8")
    assert "1000亿元" not in text and "首页" not in text and "969.5亿元" in text


def test_inputs_traditional_chinese_is_matched_with_raw_offsets(formats_run):
    fm = pd.read_parquet(formats_run / "fact_mentions.parquet")
    big5 = fm[fm["doc_id"] == "big5.txt"]
    row = big5[big5["span"] == "969.5億元"].iloc[0]
    assert row["metric"] == "规上工业总产值" and row["value_std"] == 9.695e10


def test_inputs_sniff():
    assert sniff(b"%PDF-1.7 ...") == "pdf"
    assert sniff(b"\xef\xbb\xbf <!DOCTYPE html><html>") == "html"
    assert sniff("普通文本".encode()) == "text"
    assert "969.5" in extract_html("<html><body><table><tr><td>产值</td><td>969.5</td></tr></table></body></html>".encode())[0]


def test_inputs_every_bad_file_gets_one_explained_row(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "002_cb4911119ba52a50.txt", src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (src / "undecodable.txt").write_bytes(b"\x80\xff\xfe\x81" * 500)
    with open(src / "oneline.txt", "w", encoding="utf-8") as f:
        for _ in range(50):
            f.write("产值增长" * 262144)  # 50 MB of text and no line break
    (src / "broken.txt").symlink_to(src / "missing-target.txt")
    (src / "loop1.txt").symlink_to(src / "loop2.txt")
    (src / "loop2.txt").symlink_to(src / "loop1.txt")
    (src / "fake.pdf").write_text("这不是PDF文件。", encoding="utf-8")
    _make_pdf(src / "real-pdf.txt", TEXT)
    (src / "fake.docx").write_bytes(b"PK\x03\x04 not really a word file")
    out = tmp_path / "out"
    proc = run_cli("run", src, "--out", out)
    assert proc.returncode == 1
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", keep_default_na=False).set_index("doc_id")
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "undecodable.txt": "decode in none",
        "oneline.txt": "no line breaks",
        "broken.txt": "cannot read",
        "loop1.txt": "cannot read",
        "fake.pdf": "plain text, not what its extension .pdf says",
        "real-pdf.txt": "a PDF file, not what its extension .txt says",
        "fake.docx": "a zip archive, not what its extension .docx says",
    }
    for doc_id, message in expected.items():
        assert docs.loc[doc_id, "status"] == "error", doc_id
        assert message in docs.loc[doc_id, "error"] and doc_id in docs.loc[doc_id, "error"], (doc_id, docs.loc[doc_id, "error"])
        assert doc_id in proc.stderr
    assert docs.loc["good.txt", "status"] == "ok"
    assert len(pd.read_parquet(out / "fact_mentions.parquet")) > 0


def test_inputs_file_deleted_during_the_run_is_an_error_row(tmp_path):
    path = tmp_path / "gone.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.unlink()  # discovered, then deleted before it is read
    doc, result, error, _ = _work((path, "gone.txt", str(DEFAULT_RULES_DIR)))
    assert result is None and "gone.txt: cannot read" in doc.error


def test_inputs_csv_cells_never_run_as_formulas(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "f.txt").write_text("=HYPERLINK(\"x\")全区规上工业增加值同比下降0.4%。\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", src, "--out", out).returncode == 0
    raw = (out / "fact_mentions.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw and ",=HYPERLINK" not in raw and '"=HYPERLINK' not in raw
    csv = pd.read_csv(out / "fact_mentions.csv", encoding="utf-8-sig")
    assert csv.loc[0, "value_std"] == -0.4 and csv.loc[0, "sentence"].lstrip("'").startswith("=HYPERLINK")
    assert pd.read_parquet(out / "fact_mentions.parquet").loc[0, "sentence"].startswith("=HYPERLINK")
