"""Every numeric cell of 表 1.1 and 表 2.1 of 001 is a fact with its row metric and column
period. The cells are read here independently of pipeline/tables.py, from the raw text."""

import re

import pandas as pd
import pytest

from .conftest import CORPUS

DOC = "001_8c890d74c0a9ebca.txt"


def _table_cells(raw: str, title: str):
    """(char_start, char_end, row name, header) of every cell holding a digit."""
    start = raw.index(title)
    lines = raw[start:].split("\n")
    pos = start
    header = None
    for line in lines:
        if "\t" not in line:
            if header is not None and line.strip() and not line.startswith("\t") and not line.startswith("领域"):
                if re.match(r"^(三|注|\()", line.strip()) or "、" in line[:3]:
                    break
            pos += len(line) + 1
            continue
        cells = line.split("\t")
        if re.search(r"(19|20)\d{2}\s*年", line) and not any(re.fullmatch(r"[-\d.]+", c.strip()) for c in cells):
            header = cells
        else:
            offset = pos
            for i, cell in enumerate(cells):
                if i >= 2 and re.search(r"\d", cell) and header is not None and i < len(header) and header[i].strip() != "单位":
                    yield offset, offset + len(cell), cells[1].strip(), header[i].strip()
                offset += len(cell) + 1
        pos += len(line) + 1


@pytest.mark.parametrize("title", ["表 1.1", "表 2.1"])
def test_tables_every_numeric_cell_is_a_fact(corpus_run, title):
    raw = (CORPUS / DOC).read_text(encoding="utf-8")
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    cells_facts = fm[(fm["doc_id"] == DOC) & (fm["rule_id"] == "table.cell")]
    cells = list(_table_cells(raw, title))
    assert len(cells) >= 30
    for s, e, row, header in cells:
        inside = cells_facts[(cells_facts["char_start"] >= s) & (cells_facts["char_end"] <= e)]
        assert len(inside) >= 1, f"{title}: no fact in cell {raw[s:e]!r} (row {row}, column {header})"
        fact = inside.iloc[0]
        assert fact["metric"] and fact["metric"] in re.sub(r"[(（][^)）]*[)）]|\s", "", row), (row, fact["metric"])
        years = re.findall(r"(?:19|20)\d{2}", header)
        if years:
            assert years[-1] in fact["period"], (header, fact["period"])
        assert title.replace(" ", "") in fact["table"]


def test_tables_plan_and_actual_columns(corpus_run):
    fm = pd.read_parquet(corpus_run / "fact_mentions.parquet")
    t = fm[(fm["doc_id"] == DOC) & (fm["rule_id"] == "table.cell") & (fm["metric"] == "规上工业总产值")]
    by_value = {round(v, 1): (s, p) for v, s, p in zip(t["value"], t["status"], t["period"])}
    assert by_value[1000.0] == ("target", "2020")  # 表 1.1, the plan's 2020 column
    assert by_value[969.5] == ("actual", "2020")  # 表 1.1, 2020年实绩
    assert by_value[1360.0] == ("target", "2025")  # 表 2.1
    note = fm[(fm["doc_id"] == DOC) & (fm["span"] == "1211.9") & (fm["rule_id"] == "table.cell")]["note"]
    assert "按规下占20%计算" in set(note)


def test_tables_month_and_months_to_it_under_a_months_title(rules):
    """本月 | 1-本月累计 | 累计同比增长（%） under 2024年5月…: May, January to May, and the growth of those months."""
    from pipeline.run import text_result

    text = "某县2024年5月主要经济指标\n\n指标\t单位\t本月\t1-本月累计\t累计同比增长（%）\n工业用电量\t亿千瓦时\t3.6\t17.2\t6.4\n"
    got = {f.span: (f.period, f.kind, f.value_std) for f in text_result(text, rules).facts}
    assert got["3.6"] == ("2024-05", "level", 360000000)
    assert got["17.2"] == ("2024-01..2024-05", "level", 1720000000)
    assert got["6.4"] == ("2024-01..2024-05", "change", 6.4)
