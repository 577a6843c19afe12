"""Command line: ``zhfacts run | explain | eval``.

Exit codes: 0 every document processed; 1 some documents failed (they are listed, the others are
written); 2 bad usage or bad rules (nothing written).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

import click

from . import __version__
from .rules import DEFAULT_RULES_DIR, RulesError, load_rules

RULES_OPTION = click.option(
    "--rules", "rules_dir", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_RULES_DIR,
    show_default="the repository's rules/", help="Folder of rule files.",
)


def _load_rules_or_exit(rules_dir: Path):
    try:
        return load_rules(rules_dir)
    except RulesError as e:
        click.echo(f"zhfacts: {e}", err=True)
        sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zhfacts")
def main() -> None:
    """Turn Chinese economic reports into traceable numeric facts and named entities.

    \b
    Example:
      zhfacts run corpus --out outputs
      zhfacts explain "2021年，全区地区生产总值1252.4亿元，同比增长7%"
      zhfacts eval tests/data/gold_seeds.jsonl outputs
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path), help="Output folder (replaced as a whole when the run completes).")
@RULES_OPTION
@click.option("--jobs", type=int, default=None, help="Documents processed in parallel, in processes  [default: the number of cores; 1 below 4 MB of input]")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Per-document result cache  [default: ~/.cache/zhfacts]")
@click.option("--no-cache", is_flag=True, help="Process every document again, and do not fill the cache.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True, help="Where documents are processed: processes here, or a Dask cluster (pip install 'zhfacts[dask]').")
@click.option("--scheduler", default=None, help="With --engine dask: the scheduler's address (tcp://host:8786); default: a local cluster of --jobs workers.")
def run(inputs: tuple[str, ...], out_dir: Path, rules_dir: Path, jobs: int | None, cache_dir: Path | None, no_cache: bool, engine: str, scheduler: str | None) -> None:
    """Extract facts and entities from INPUT files or folders (read recursively) into --out.

    \b
    Example:
      zhfacts run corpus --out outputs
    """
    from .cache import default_cache_dir
    from .ingest import InputError
    from .run import corpus_key, default_jobs, input_hashes, run_corpus
    from .write import DatasetWriter, current_outputs

    started = time.perf_counter()
    rules = _load_rules_or_exit(rules_dir)
    try:
        def key_of_inputs():
            hashes = input_hashes(list(inputs))
            return corpus_key(hashes, rules) if hashes is not None else None

        previous = None if no_cache else current_outputs(out_dir, key_of_inputs)
        if previous is not None:
            # nothing the outputs depend on has changed: they are already the answer
            counts = previous["counts"]
            click.echo(
                f"{counts['documents']} documents, {counts['fact_mentions']} fact mentions, {counts['entity_mentions']} entity mentions: "
                f"{out_dir} is up to date with its inputs and rules ({time.perf_counter() - started:.1f} s; --no-cache runs again)"
            )
            sys.exit(0)
        cache = None if no_cache else (cache_dir or default_cache_dir())
        workers = max(1, jobs or (default_jobs() if engine == "dask" else default_jobs(list(inputs))))
        with DatasetWriter(out_dir) as writer:
            timings = run_corpus(list(inputs), rules, writer.add, jobs=workers, progress=None, cache_dir=cache, engine=engine, scheduler=scheduler)
            errors = [d for d in writer.documents if d["status"] == "error"]
            manifest = {
                "program": "zhfacts",
                "version": __version__,
                "rules_fingerprint": rules.fingerprint,
                # from the hashes ingest made: the inputs are not read a second time
                "corpus_key": corpus_key(((d["doc_id"], d["sha256"]) for d in writer.documents), rules),
                "command": ["zhfacts", "run", *inputs, "--out", str(out_dir)],
                "counts": {"cache_hits": int(timings.pop("cache_hits", 0))},
                "timings_seconds": {k: round(v, 3) for k, v in sorted(timings.items())},
            }
            counts = writer.finish(manifest)
    except (InputError, RuntimeError) as e:
        click.echo(f"zhfacts: {e}", err=True)
        sys.exit(2)
    elapsed = time.perf_counter() - started
    for d in errors:
        click.echo(f"zhfacts: error: {d['error']}", err=True)
    click.echo(
        f"{counts['documents']} documents ({counts['documents_ok']} ok, {counts['documents_duplicate']} duplicate, "
        f"{counts['documents_error']} error), {counts['fact_mentions']} fact mentions ({counts['facts']} facts), "
        f"{counts['entity_mentions']} entity mentions ({counts['entities']} entities), {elapsed:.1f} s → {out_dir}"
    )
    sys.exit(1 if errors else 0)


@main.command()
@click.argument("text")
@RULES_OPTION
@click.option("--doc-date", default=None, help="Year the text was written (resolves 今年, 去年).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def explain(text: str, rules_dir: Path, doc_date: str | None, as_json: bool) -> None:
    """Show each fact and entity found in TEXT, the rules that fired and the characters they
    covered, and why nearby numbers were rejected.

    \b
    Example:
      zhfacts explain "2021年，全区地区生产总值1252.4亿元，同比增长7%"
    """
    from .run import text_result

    rules = _load_rules_or_exit(rules_dir)
    result = text_result(text, rules, doc_date)
    unexplained = _bare_numbers(text, result)
    if as_json:
        payload = {
            "facts": [asdict(f) for f in result.facts],
            "entities": [asdict(e) for e in result.entities],
            "rejected": [asdict(r) for r in result.rejections] + unexplained,
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    for f in result.facts:
        click.echo(
            f"FACT   [{f.char_start}:{f.char_end}] {f.span!r} value={f.value:g} unit={f.unit} value_std={f.value_std:g} "
            f"{f.unit_std} kind={f.kind} status={f.status} period={f.period or '-'} subject={f.subject or '-'} "
            f"metric={f.metric or '-'} qualifier={f.qualifier or '-'}\n       rules: {f.rules_fired}"
        )
    for e in result.entities:
        click.echo(f"ENTITY [{e.char_start}:{e.char_end}] {e.text!r} {e.type} canonical={e.canonical} rule={e.rule_id}")
    for r in result.rejections:
        click.echo(f"REJECT [{r.start}:{r.end}] {r.text!r} by {r.rule_id}: {r.reason}")
    for r in unexplained:
        click.echo(f"SKIP   [{r['start']}:{r['end']}] {r['text']!r}: {r['reason']}")


def _bare_numbers(text: str, result) -> list[dict]:
    """Numbers in the text that no rule turned into a fact: say why (no unit after them)."""
    import regex

    covered = [(f.char_start, f.char_end) for f in result.facts] + [(r.start, r.end) for r in result.rejections]
    out = []
    for m in regex.finditer(r"\d+(?:\.\d+)?", text):
        if any(s < m.end() and m.start() < e for s, e in covered):
            continue
        after = text[m.end() : m.end() + 1]
        reason = "a date or year" if after in "年月日" and after else "no unit after the number (not a quantity)"
        out.append({"start": m.start(), "end": m.end(), "text": m.group(), "reason": reason})
    return out


@main.command("diff")
@click.argument("run_a", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("run_b", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Write every difference to this CSV (UTF-8 with BOM).")
@click.option("--check", is_flag=True, help="Exit 1 when anything changed (for CI).")
def diff_command(run_a: Path, run_b: Path, csv_path: Path | None, check: bool) -> None:
    """List fact and entity mentions added, removed or changed from RUN_A to RUN_B.

    \b
    Example:
      zhfacts diff outputs-before outputs --csv changes.csv --check
    """
    from .diff import diff_runs, summary
    from .write import write_csv

    d = diff_runs(run_a, run_b)
    click.echo(summary(d))
    if csv_path:
        write_csv(d, csv_path)
    sys.exit(1 if check and len(d) else 0)


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def golden(run_dir: Path, dest: Path) -> None:
    """Write RUN_DIR's facts and entities as sorted JSON lines into DEST (the golden files).

    \b
    Regenerate the repository's golden files after a deliberate rule change:
      zhfacts run corpus --out outputs && zhfacts golden outputs tests/golden
    """
    from .diff import write_golden

    for path in write_golden(run_dir, dest):
        click.echo(f"wrote {path}")


@main.command()
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=Path("review.html"), show_default=True)
def review(run_dir: Path, out: Path) -> None:
    """Write one self-contained HTML page to review RUN_DIR: filters, highlighted spans, the
    documents in context, conflicts, and accept / reject / correct exported as a CSV that
    `zhfacts eval --corrections` takes in.

    \b
    Example:
      zhfacts review outputs -o review.html
    """
    from .review import write_review

    click.echo(f"wrote {write_review(run_dir, out)}")


@main.command("to-gold")
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--corrections", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path), help="The CSV exported from the review page.")
@click.option("-o", "--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="Gold file to write (JSON lines).")
def to_gold(run_dir: Path, corrections: Path, out: Path) -> None:
    """Turn the rows a reviewer accepted or corrected into gold annotation (JSON lines, the
    format of ANNOTATION.md) that `zhfacts eval` scores against.

    \b
    Example:
      zhfacts to-gold outputs --corrections corrections.csv -o tests/data/gold_new.jsonl
    """
    from .review import corrections_to_gold, read_corrections

    docs = corrections_to_gold(run_dir, read_corrections(corrections))
    out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    click.echo(f"wrote {out}: {sum(len(d['facts']) for d in docs)} facts, {sum(len(d['entities']) for d in docs)} entities")


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("run_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True, help="List every missed and spurious row and every wrong attribute.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="A corrections CSV exported from the review page: rejected rows are dropped, corrected fields replaced.")
def eval_command(gold: Path, run_dir: Path, misses: bool, as_json: bool, corrections: Path | None) -> None:
    """Score RUN_DIR (a zhfacts run folder) against GOLD (JSON lines, see ANNOTATION.md).

    \b
    Example:
      zhfacts eval tests/data/gold_seeds.jsonl outputs --misses
    """
    from .evaluate import format_report, score_run

    rep = score_run(gold, run_dir, corrections)
    if as_json:
        click.echo(json.dumps(rep.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(rep))
    if misses:
        for m in rep.misses:
            click.echo(json.dumps(m, ensure_ascii=False))
