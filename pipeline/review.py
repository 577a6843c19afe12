"""One self-contained HTML page to review a run: every fact and entity with its sentence and the
span highlighted, filters, a document view with all highlights in context, conflicts linked to
both sides, and accept / reject / correct per row exported as a corrections CSV.

Document text is untrusted. The data travels as JSON inside a ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped, and the page's script builds every node with
``textContent``: nothing from a document is ever parsed as HTML.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

CORRECTION_COLUMNS = ["table", "doc_id", "char_start", "char_end", "span", "decision", "value_std", "unit_std", "subject", "metric", "kind", "status", "period", "type", "canonical"]


def _records(df: pd.DataFrame, columns: list[str]) -> list[dict]:
    out = []
    for r in df[columns].to_dict("records"):
        out.append({k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()})
    return out


def page_data(run_dir: str | Path) -> dict:
    run_dir = Path(run_dir)
    fm = pd.read_parquet(run_dir / "fact_mentions.parquet")
    em = pd.read_parquet(run_dir / "entity_mentions.parquet")
    conflicts = pd.read_parquet(run_dir / "conflicts.parquet") if (run_dir / "conflicts.parquet").exists() else pd.DataFrame()
    docs = pd.read_parquet(run_dir / "documents.parquet")
    texts = {}
    for doc_id in docs["doc_id"]:
        path = run_dir / "text" / (doc_id + ".txt")
        if path.exists():
            texts[doc_id] = path.read_text(encoding="utf-8")
    manifest = json.loads((run_dir / "manifest.json").read_text(encoding="utf-8")) if (run_dir / "manifest.json").exists() else {}
    fact_cols = ["mention_id", "fact_id", "doc_id", "char_start", "char_end", "span", "value", "unit", "value_std", "unit_std", "qualifier", "subject", "metric", "kind", "status", "period", "rule_id", "sentence"]
    ent_cols = ["mention_id", "entity_id", "doc_id", "char_start", "char_end", "text", "type", "canonical", "rule_id"]
    return {
        "run": {"version": manifest.get("version", ""), "rules": manifest.get("rules_fingerprint", "")[:12], "counts": manifest.get("counts", {})},
        "facts": _records(fm, fact_cols),
        "entities": _records(em, ent_cols),
        "conflicts": _records(conflicts, list(conflicts.columns)) if len(conflicts) else [],
        "documents": [{"doc_id": d, "status": s} for d, s in zip(docs["doc_id"], docs["status"])],
        "texts": texts,
        "correction_columns": CORRECTION_COLUMNS,
    }


def _safe_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=str).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def render(run_dir: str | Path) -> str:
    return _TEMPLATE.replace("__DATA__", _safe_json(page_data(run_dir)))


def write_review(run_dir: str | Path, out: str | Path) -> Path:
    out = Path(out)
    out.write_text(render(run_dir), encoding="utf-8")
    return out


def read_corrections(path: str | Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def apply_corrections(fm: pd.DataFrame, em: pd.DataFrame, corrections: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Predictions as the reviewer left them: rejected rows dropped, corrected fields replaced."""
    fm, em = fm.copy(), em.copy()
    for table, df in (("fact", fm), ("entity", em)):
        for c in corrections[corrections["table"] == table].to_dict("records"):
            hit = (df["doc_id"] == c["doc_id"]) & (df["char_start"] == int(c["char_start"])) & (df["char_end"] == int(c["char_end"]))
            if c["decision"] == "reject":
                df.drop(df.index[hit], inplace=True)
            elif c["decision"] == "correct":
                fields = ("value_std", "unit_std", "subject", "metric", "kind", "status", "period") if table == "fact" else ("type", "canonical")
                for f in fields:
                    if c.get(f, "") != "":
                        df.loc[hit, f] = float(c[f]) if f == "value_std" else c[f]
    return fm, em


_TEMPLATE = r"""<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>zhfacts review</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;font-size:14px;color:#222}
header{background:#263238;color:#fff;padding:8px 16px}
nav button{margin-right:4px}
nav button.on{font-weight:bold;text-decoration:underline}
#filters{padding:8px 16px;background:#eceff1;display:flex;flex-wrap:wrap;gap:8px}
section{padding:8px 16px}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:3px 6px;vertical-align:top;text-align:left}
tr.accept{background:#e8f5e9} tr.reject{background:#ffebee} tr.correct{background:#fff8e1} tr.flash{outline:3px solid #ff9800}
mark{background:#ffe082} mark.ent{background:#b3e5fc} mark.fact{background:#ffe082}
.ctx{color:#555;max-width:40em}
#doctext{white-space:pre-wrap;line-height:1.8;border:1px solid #ccc;padding:8px}
.fix input{width:7em}
textarea{width:100%;height:8em}
</style>
</head>
<body>
<header>zhfacts review <span id="runinfo"></span></header>
<nav style="padding:6px 16px">
<button data-tab="facts" class="on">Facts</button><button data-tab="entities">Entities</button><button data-tab="conflicts">Conflicts</button><button data-tab="document">Document</button>
<button id="export-btn">Export corrections</button> <a id="download" download="corrections.csv" style="display:none">download corrections.csv</a>
</nav>
<div id="filters">
<label>document <select id="f-doc"><option value="">all</option></select></label>
<label>metric <input id="f-metric" placeholder="contains"></label>
<label>kind <select id="f-kind"><option value="">all</option></select></label>
<label>status <select id="f-status"><option value="">all</option></select></label>
<label>type <select id="f-type"><option value="">all</option></select></label>
<label>rule <select id="f-rule"><option value="">all</option></select></label>
<label>text <input id="f-text" placeholder="span or sentence"></label>
<span id="count"></span>
</div>
<section id="facts"><table><thead><tr><th>document</th><th>span in context</th><th>value</th><th>subject</th><th>metric</th><th>kind</th><th>status</th><th>period</th><th>rule</th><th>review</th></tr></thead><tbody></tbody></table></section>
<section id="entities" hidden><table><thead><tr><th>document</th><th>name in context</th><th>type</th><th>canonical</th><th>rule</th><th>review</th></tr></thead><tbody></tbody></table></section>
<section id="conflicts" hidden><table><thead><tr><th>subject</th><th>metric</th><th>kind</th><th>status</th><th>period</th><th>side a</th><th>side b</th></tr></thead><tbody></tbody></table></section>
<section id="document" hidden><div id="doctext"></div></section>
<section><textarea id="export" readonly placeholder="Export corrections to see the CSV here"></textarea></section>
<script type="application/json" id="data">__DATA__</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const decisions = new Map();  // key table|doc|start|end → {decision, fields}
const $ = (id) => document.getElementById(id);
function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined && text !== null) e.textContent = String(text); if (cls) e.className = cls; return e; }
function key(table, r) { return [table, r.doc_id, r.char_start, r.char_end].join("|"); }
function context(r, cls) {
  const t = D.texts[r.doc_id] || ""; const td = el("td", null, "ctx");
  td.append(el("span", t.slice(Math.max(0, r.char_start - 30), r.char_start)), el("mark", t.slice(r.char_start, r.char_end) || r.span || r.text, cls), el("span", t.slice(r.char_end, r.char_end + 30)));
  return td;
}
function fillSelect(id, values) { const s = $(id); [...new Set(values)].filter(v => v !== null && v !== "").sort().forEach(v => { const o = el("option", v); o.value = v; s.append(o); }); }
fillSelect("f-doc", D.documents.map(d => d.doc_id));
fillSelect("f-kind", D.facts.map(f => f.kind));
fillSelect("f-status", D.facts.map(f => f.status));
fillSelect("f-type", D.entities.map(e => e.type));
fillSelect("f-rule", D.facts.map(f => f.rule_id).concat(D.entities.map(e => e.rule_id)));
$("runinfo").textContent = `version ${D.run.version} · rules ${D.run.rules} · ${D.facts.length} fact mentions · ${D.entities.length} entity mentions · ${D.conflicts.length} conflicts`;

function reviewCell(table, r, tr, fields) {
  const td = el("td");
  for (const d of ["accept", "reject", "correct"]) {
    const b = el("button", d, "decide-" + d);
    b.addEventListener("click", () => {
      const entry = { decision: d, fields: {} };
      if (d === "correct") {
        let box = td.querySelector(".fix");
        if (!box) {
          box = el("div", null, "fix");
          for (const f of fields) { const i = el("input"); i.name = f; i.value = r[f] === null ? "" : r[f]; i.title = f; box.append(el("span", f + " "), i); }
          td.append(box);
        }
        box.querySelectorAll("input").forEach(i => { i.addEventListener("input", () => { entry.fields[i.name] = i.value; }); entry.fields[i.name] = i.value; });
      }
      decisions.set(key(table, r), Object.assign(entry, { table: table, row: r }));
      tr.className = d;
    });
    td.append(b);
  }
  return td;
}
function passes(r, isFact) {
  const doc = $("f-doc").value, metric = $("f-metric").value, kind = $("f-kind").value, status = $("f-status").value, type = $("f-type").value, rule = $("f-rule").value, text = $("f-text").value;
  if (doc && r.doc_id !== doc) return false;
  if (rule && r.rule_id !== rule) return false;
  if (isFact) {
    if (metric && !(r.metric || "").includes(metric)) return false;
    if (kind && r.kind !== kind) return false;
    if (status && r.status !== status) return false;
    if (text && !((r.span || "") + (r.sentence || "")).includes(text)) return false;
  } else {
    if (type && r.type !== type) return false;
    if (text && !(r.text || "").includes(text)) return false;
  }
  return true;
}
function renderFacts() {
  const body = $("facts").querySelector("tbody"); body.replaceChildren(); let n = 0; const seen = new Set();
  for (const r of D.facts) {
    if (!passes(r, true)) continue; n++;
    const tr = el("tr"); tr.dataset.mention = r.mention_id;
    if (!seen.has(r.fact_id)) { tr.id = "fact-" + r.fact_id; seen.add(r.fact_id); }
    const d = decisions.get(key("fact", r)); if (d) tr.className = d.decision;
    tr.append(el("td", r.doc_id), context(r, "fact"), el("td", `${r.value_std} ${r.unit_std || ""}`), el("td", r.subject), el("td", r.metric), el("td", r.kind), el("td", r.status), el("td", r.period), el("td", r.rule_id));
    tr.append(reviewCell("fact", r, tr, ["value_std", "unit_std", "subject", "metric", "kind", "status", "period"]));
    body.append(tr);
  }
  return n;
}
function renderEntities() {
  const body = $("entities").querySelector("tbody"); body.replaceChildren(); let n = 0;
  for (const r of D.entities) {
    if (!passes(r, false)) continue; n++;
    const tr = el("tr"); tr.dataset.mention = r.mention_id;
    const d = decisions.get(key("entity", r)); if (d) tr.className = d.decision;
    tr.append(el("td", r.doc_id), context(r, "ent"), el("td", r.type), el("td", r.canonical), el("td", r.rule_id), reviewCell("entity", r, tr, ["type", "canonical"]));
    body.append(tr);
  }
  return n;
}
function renderConflicts() {
  const body = $("conflicts").querySelector("tbody"); body.replaceChildren();
  for (const c of D.conflicts) {
    if ($("f-doc").value && c.doc_id_a !== $("f-doc").value && c.doc_id_b !== $("f-doc").value) continue;
    const tr = el("tr");
    tr.append(el("td", c.subject), el("td", c.metric_key), el("td", c.kind), el("td", c.status), el("td", c.period));
    for (const s of ["a", "b"]) {
      const td = el("td"); const a = el("a", `${c["span_" + s]} (${c["doc_id_" + s]})`, "conflict-link"); a.href = "#fact-" + c["fact_id_" + s];
      a.addEventListener("click", (ev) => { ev.preventDefault(); show("facts"); clearFilters(); const row = $("fact-" + c["fact_id_" + s]); if (row) { row.scrollIntoView(); row.classList.add("flash"); } });
      td.append(a, el("div", c["sentence_" + s], "ctx")); tr.append(td);
    }
    body.append(tr);
  }
}
function renderDocument() {
  const box = $("doctext"); box.replaceChildren();
  const doc = $("f-doc").value || (D.documents[0] && D.documents[0].doc_id); if (!doc) return;
  const t = D.texts[doc] || ""; const marks = [];
  for (const f of D.facts) if (f.doc_id === doc) marks.push([f.char_start, f.char_end, "fact", `${f.metric} · ${f.value_std} ${f.unit_std || ""} · ${f.kind}/${f.status} · ${f.period} · ${f.rule_id}`]);
  for (const e of D.entities) if (e.doc_id === doc) marks.push([e.char_start, e.char_end, "ent", `${e.type} · ${e.canonical} · ${e.rule_id}`]);
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]); let pos = 0;
  for (const [s, e, cls, title] of marks) { if (s < pos) continue; box.append(el("span", t.slice(pos, s))); const m = el("mark", t.slice(s, e), cls); m.title = title; box.append(m); pos = e; }
  box.append(el("span", t.slice(pos)));
}
function refresh() { const nf = renderFacts(), ne = renderEntities(); renderConflicts(); renderDocument(); $("count").textContent = `${nf} facts · ${ne} entities shown`; }
function clearFilters() { for (const id of ["f-doc", "f-kind", "f-status", "f-type", "f-rule"]) $(id).value = ""; $("f-metric").value = ""; $("f-text").value = ""; refresh(); }
function show(tab) { for (const s of ["facts", "entities", "conflicts", "document"]) $(s).hidden = s !== tab; document.querySelectorAll("nav button[data-tab]").forEach(b => b.classList.toggle("on", b.dataset.tab === tab)); }
document.querySelectorAll("nav button[data-tab]").forEach(b => b.addEventListener("click", () => show(b.dataset.tab)));
for (const id of ["f-doc", "f-kind", "f-status", "f-type", "f-rule"]) $(id).addEventListener("change", refresh);
for (const id of ["f-metric", "f-text"]) $(id).addEventListener("input", refresh);
function csvCell(v) { v = v === null || v === undefined ? "" : String(v); return /[",\n\r]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v; }
$("export-btn").addEventListener("click", () => {
  const cols = D.correction_columns; const lines = [cols.join(",")];
  const entries = [...decisions.values()].sort((a, b) => key(a.table, a.row) < key(b.table, b.row) ? -1 : 1);
  for (const d of entries) {
    const r = d.row; const row = { table: d.table, doc_id: r.doc_id, char_start: r.char_start, char_end: r.char_end, span: r.span || r.text, decision: d.decision };
    for (const [k, v] of Object.entries(d.fields)) row[k] = v;
    lines.push(cols.map(c => csvCell(row[c])).join(","));
  }
  const csv = lines.join("\n") + "\n"; $("export").value = csv;
  const a = $("download"); a.href = URL.createObjectURL(new Blob(["\ufeff" + csv], { type: "text/csv;charset=utf-8" })); a.style.display = "inline";
});
refresh();
</script>
</body>
</html>
"""


def corrections_to_gold(run_dir: str | Path, corrections: pd.DataFrame) -> list[dict]:
    """Gold records (ANNOTATION.md's format) from what a reviewer accepted or corrected in a run:
    the review page's export becomes annotation that `zhfacts eval` scores against."""
    run_dir = Path(run_dir)
    fm = pd.read_parquet(run_dir / "fact_mentions.parquet")
    em = pd.read_parquet(run_dir / "entity_mentions.parquet")
    kept = corrections[corrections["decision"].isin(["accept", "correct"])]
    fm, em = apply_corrections(fm, em, corrections[corrections["decision"] == "correct"])
    docs: dict[str, dict] = {}
    for c in kept.to_dict("records"):
        key = (c["doc_id"], int(c["char_start"]), int(c["char_end"]))
        doc = docs.setdefault(c["doc_id"], {"doc": c["doc_id"], "facts": [], "entities": []})
        if c["table"] == "fact":
            rows = fm[(fm["doc_id"] == key[0]) & (fm["char_start"] == key[1]) & (fm["char_end"] == key[2])]
            for r in rows.to_dict("records")[:1]:
                doc["facts"].append({
                    "span": r["span"], "start": int(r["char_start"]), "value": r["value"], "unit": r["unit"],
                    "value_std": r["value_std"], "unit_std": r["unit_std"], "qualifier": r["qualifier"],
                    "subject": r["subject"], "metric": r["metric"],
                    "kind": "target" if r["status"] in ("target", "forecast") else r["kind"], "period": r["period"],
                })
        else:
            rows = em[(em["doc_id"] == key[0]) & (em["char_start"] == key[1]) & (em["char_end"] == key[2])]
            for r in rows.to_dict("records")[:1]:
                doc["entities"].append({"text": r["text"], "start": int(r["char_start"]), "type": r["type"]})
    return [docs[d] for d in sorted(docs)]
