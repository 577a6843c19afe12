"""Load, validate and fingerprint the extraction rules kept as YAML in ``rules/``.

A rules folder holds YAML files with up to three top-level keys:

``fragments``
    named regex pieces, referenced from patterns as ``{NAME}``. A fragment is either a regex
    string or ``{alternation_of: TABLE}``, which builds a longest-first alternation of a table's
    keys, each escaped.
``tables``
    data (unit lists, lexicons, title words) used by the stages.
``rules``
    a list of rules: ``id``, ``pattern`` (may reference fragments), rule-specific fields,
    ``examples`` (text plus the fields expected of what the rule produces) and
    ``counter_examples`` (texts on which the rule must produce nothing).

Every problem found in every file is collected and raised at once as :class:`RulesError`, before
any document is read, so a rule writer fixes all of them in one go.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import ahocorasick_rs
import regex
import yaml

#: Every compiled pattern runs with this timeout (seconds): a rule must never hang a run.
MATCH_TIMEOUT = 2.0
#: Below this many characters a prefiltered rule runs over the whole text: finding the windows
#: would cost more than it saves.
PREFILTER_MIN_TEXT = 4096

DEFAULT_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

_META = regex.compile(r"[.^$*+?{}\[\]()|\\]")
_REF = regex.compile(r"\{([A-Z][A-Z0-9_]*)\}")
_RULE_ID = regex.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")


class _UniqueKeyLoader(yaml.SafeLoader):
    """safe_load that refuses a key given twice in one mapping: YAML would keep the last one
    silently, and a rule writer would wonder why their entry does nothing."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool, type(None))):
                continue  # an unhashable key: SafeLoader reports it
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r} (line {key_node.start_mark.line + 1})", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class RulesError(Exception):
    """One or more problems in the rules folder; ``problems`` lists each as ``file:rule: what``."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("invalid rules:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Prefilter:
    """What every match of a rule contains, and how far the match may reach around it.

    A pattern that opens with an optional or lazy part (``{HAN_RUN}{0,12}?``) is tried at every
    position of the text; its fixed part (the 局 of 经信局) is rare. The rule then runs only in
    windows of ``before`` characters before and ``after`` characters after each hit of the cheap
    pattern; with the real text around (look-behinds see it), matches are the same as over the
    whole text. ``tests/test_rules_prefilter.py`` checks that on the corpus.

    A prefilter that is only a list of words (``{INDUSTRY}``, ``季度|半年``) is searched with an
    Aho-Corasick automaton (``words``), 10 to 30 times faster than the same alternation in the
    regex engine."""

    pattern: Any
    before: int
    after: int
    words: Any = None  # ahocorasick_rs.AhoCorasick over the literal words, or None

    def hits(self, text: str, pos: int, endpos: int):
        """(start, end) of every hit inside text[pos:endpos], by start."""
        if self.words is None:
            return (m.span() for m in self.pattern.finditer(text, pos, endpos, timeout=MATCH_TIMEOUT))
        part = text if pos == 0 and endpos == len(text) else text[pos:endpos]
        return sorted((pos + s, pos + e) for _, s, e in self.words.find_matches_as_indexes(part, overlapping=True))

    def windows(self, text: str, pos: int, endpos: int):
        lo = hi = -1
        for s, e in self.hits(text, pos, endpos):
            a, b = max(pos, s - self.before), min(endpos, e + self.after)
            if a > hi:
                if hi > lo:
                    yield lo, hi
                lo = a
            hi = max(hi, b)
        if hi > lo:
            yield lo, hi


@dataclass(frozen=True)
class Rule:
    id: str
    file: str
    source: str | None  # the pattern as written, before fragments are expanded
    pattern: Any  # compiled regex.Pattern, or None for data-only rules
    fields: Mapping[str, Any]
    examples: tuple[Mapping[str, Any], ...]
    counter_examples: tuple[Mapping[str, Any], ...]
    prefilter: Prefilter | None = None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        endpos = len(text) if endpos is None else endpos
        try:
            # overlapped: a rule may ask for a match at every start (names inside longer names)
            overlapped = bool(self.fields.get("overlapped"))
            if self.prefilter is None or endpos - pos < PREFILTER_MIN_TEXT:
                yield from self.pattern.finditer(text, pos, endpos, overlapped=overlapped, timeout=MATCH_TIMEOUT)
                return
            for lo, hi in self.prefilter.windows(text, pos, endpos):
                yield from self.pattern.finditer(text, lo, hi, overlapped=overlapped, timeout=MATCH_TIMEOUT)
        except TimeoutError as e:
            raise TimeoutError(f"rule {self.id} ({self.file}) took over {MATCH_TIMEOUT:g} s on this text") from e

    def get(self, key: str, default: Any = None) -> Any:
        return self.fields.get(key, default)


@dataclass(frozen=True)
class Rules:
    directory: Path
    fingerprint: str
    tables: Mapping[str, Any]
    rules: tuple[Rule, ...]
    fragments: Mapping[str, str] = field(repr=False)
    _memo: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def group(self, prefix: str) -> list[Rule]:
        """Rules whose id starts with ``prefix.``, in file order (looked up per sentence: memoised)."""
        key = ("group", prefix)
        if key not in self._memo:
            self._memo[key] = [r for r in self.rules if r.id.startswith(prefix + ".")]
        return self._memo[key]

    def table(self, name: str) -> Any:
        return self.tables[name]

    def word_ending(self, name: str, text: str, end: int, start: int = 0):
        """The longest word of table ``name`` that ends at ``end`` and starts at or after
        ``start`` (a match, or None). One memoised longest-first pattern per table."""
        key = ("ending", name)
        if key not in self._memo:
            words = self.tables[name]
            self._memo[key] = (words_pattern(words, at_end=True), max(map(len, words), default=0))
        pattern, longest = self._memo[key]
        return pattern.search(text, max(start, end - longest), end)

    def word_starting(self, name: str, text: str, pos: int):
        """The longest word of table ``name`` that starts at ``pos`` (a match, or None)."""
        key = ("starting", name)
        if key not in self._memo:
            self._memo[key] = words_pattern(self.tables[name])
        return self._memo[key].match(text, pos)

    def by_id(self, rule_id: str) -> Rule:
        if ("id", rule_id) in self._memo:
            return self._memo[("id", rule_id)]
        for r in self.rules:
            if r.id == rule_id:
                self._memo[("id", rule_id)] = r
                return r
        raise KeyError(rule_id)

    def compile(self, source: str):
        """Compile an ad-hoc pattern with this rule set's fragments (for code-built patterns);
        memoised, so that one asked for per document is expanded once."""
        key = ("compile", source)
        if key not in self._memo:
            self._memo[key] = regex.compile(expand(source, self.fragments, set()))
        return self._memo[key]


def expand(source: str, fragments: Mapping[str, str], seen: set[str]) -> str:
    def sub(m: regex.Match) -> str:
        name = m.group(1)
        if name not in fragments:
            raise KeyError(name)
        if name in seen:
            raise RecursionError(name)
        return "(?:" + expand(fragments[name], fragments, seen | {name}) + ")"

    return _REF.sub(sub, source)


def words_pattern(words, at_end: bool = False):
    """A compiled alternation of ``words``, longest first, anchored at the end when ``at_end``."""
    body = alternation(words)
    return regex.compile(f"(?:{body})" + (r"\Z" if at_end else "")) if body else regex.compile(r"(?!)")


def literal_words(pattern: str) -> list[str] | None:
    """The words of a pattern that is only an alternation of literal words (what
    ``alternation`` writes, or ``季度|半年``), else None."""
    body = pattern[3:-1] if pattern.startswith("(?:") and pattern.endswith(")") else pattern
    words = []
    for part in body.split("|"):
        word = regex.sub(r"\\(.)", r"\1", part)
        if not part or _META.search(regex.sub(r"\\[^A-Za-z0-9]", "", part)) or regex.search(r"\\[A-Za-z0-9]", part):
            return None
        words.append(word)
    return words


def alternation(words) -> str:
    """A regex matching any of ``words``, longest first so that the longest form wins."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def has_nested_quantifier(pattern: str) -> bool:
    """True when a quantified group itself contains ``+`` or ``*`` — the shape of catastrophic
    backtracking, e.g. ``(a+)+`` or ``(?:\\d*x)*``. Conservative: false positives are fixable by
    the rule writer, false negatives could hang a run."""
    stack: list[bool] = []  # per open group: has it seen an unbounded quantifier inside?
    i, n = 0, len(pattern)
    in_class = False
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if i + 1 < n and pattern[i + 1] == "]":
                i += 1
        elif c == "(":
            stack.append(False)
        elif c == ")" and stack:
            inner = stack.pop()
            nxt = pattern[i + 1] if i + 1 < n else ""
            unbounded_after = (nxt != "" and nxt in "+*") or (nxt == "{" and regex.match(r"\{\d*,\}", pattern[i + 1 :]))
            if inner and unbounded_after:
                return True
            if stack and (inner or unbounded_after):
                stack[-1] = True
        elif c in "+*" and stack:
            stack[-1] = True
        i += 1
    return False


def _as_example(item: Any) -> Mapping[str, Any] | None:
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        return dict(item)
    return None


def _fragment_source(name: str, spec: Any, tables: Mapping[str, Any]) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, Mapping) and "alternation_of" in spec:
        names = spec["alternation_of"]
        names = [names] if isinstance(names, str) else list(names)
        words: list[str] = []
        for t in names:
            if t not in tables:
                raise KeyError(t)
            data = tables[t]
            words.extend(data.keys() if isinstance(data, Mapping) else data)
        return alternation(str(w) for w in words)
    raise TypeError(f"fragment {name} must be a string or {{alternation_of: TABLE}}")


def _prefilter(spec: Any, fragments: Mapping[str, str], where: str, problems: list[str]) -> Prefilter | None:
    if not isinstance(spec, dict) or not isinstance(spec.get("pattern"), str) or set(spec) != {"pattern", "before", "after"}:
        problems.append(f"{where}: prefilter must be a mapping of pattern, before, after")
        return None
    before, after = spec["before"], spec["after"]
    if not (isinstance(before, int) and isinstance(after, int) and before >= 0 and after >= 0):
        problems.append(f"{where}: prefilter before and after must be whole numbers of characters")
        return None
    try:
        expanded = expand(spec["pattern"], fragments, set())
        if has_nested_quantifier(expanded):
            problems.append(f"{where}: prefilter has a nested quantifier (catastrophic backtracking risk)")
            return None
        words = literal_words(expanded)
        # one or two words: the regex engine's own literal search is as fast
        automaton = ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.Standard) if words and len(words) > 2 else None
        return Prefilter(regex.compile(expanded), before, after, automaton)
    except KeyError as e:
        problems.append(f"{where}: prefilter: unknown fragment {{{e.args[0]}}}")
    except RecursionError as e:
        problems.append(f"{where}: prefilter: fragment {{{e.args[0]}}} refers to itself")
    except regex.error as e:
        problems.append(f"{where}: prefilter: bad regex: {e}")
    return None


def load_rules(directory: str | Path = DEFAULT_RULES_DIR) -> Rules:
    directory = Path(directory)
    problems: list[str] = []
    if not directory.is_dir():
        raise RulesError([f"{directory}: not a folder of rules"])
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise RulesError([f"{directory}: no *.yaml rule files"])

    digest = hashlib.sha256()
    docs: list[tuple[str, dict]] = []
    for path in files + sorted(directory.glob("*.txt")):
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        if path.suffix != ".yaml":
            continue
        name = f"{directory.name}/{path.name}"
        try:
            doc = yaml.load(data.decode("utf-8"), Loader=_UniqueKeyLoader) or {}
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            problems.append(f"{name}: not valid UTF-8 YAML: {str(e).splitlines()[0]}")
            continue
        if not isinstance(doc, dict) or set(doc) - {"fragments", "tables", "rules"}:
            problems.append(f"{name}: top level must be a mapping of fragments, tables, rules")
            continue
        docs.append((name, doc))

    tables: dict[str, Any] = {}
    raw_fragments: dict[str, tuple[str, Any]] = {}
    for name, doc in docs:
        for key, value in (doc.get("tables") or {}).items():
            if key in tables:
                problems.append(f"{name}: table {key} is defined twice")
            tables[key] = value
        for key, spec in (doc.get("fragments") or {}).items():
            if key in raw_fragments:
                problems.append(f"{name}: fragment {key} is defined twice")
            raw_fragments[key] = (name, spec)

    fragments: dict[str, str] = {}
    for key, (name, spec) in raw_fragments.items():
        try:
            fragments[key] = _fragment_source(key, spec, tables)
        except KeyError as e:
            problems.append(f"{name}:fragment {key}: unknown table {e.args[0]}")
        except TypeError as e:
            problems.append(f"{name}:fragment {key}: {e}")

    rules: list[Rule] = []
    seen_ids: set[str] = set()
    for name, doc in docs:
        entries = doc.get("rules") or []
        if not isinstance(entries, list):
            problems.append(f"{name}: rules must be a list")
            continue
        for i, entry in enumerate(entries):
            rid = entry.get("id") if isinstance(entry, dict) else None
            where = f"{name}:{rid or f'rule #{i + 1}'}"
            if not isinstance(entry, dict) or not isinstance(rid, str) or not _RULE_ID.match(rid):
                problems.append(f"{where}: every rule needs an id like group.name")
                continue
            if rid in seen_ids:
                problems.append(f"{where}: duplicate rule id")
            seen_ids.add(rid)
            compiled = None
            source = entry.get("pattern")
            if source is not None:
                if not isinstance(source, str):
                    problems.append(f"{where}: pattern must be a string")
                    continue
                try:
                    expanded = expand(source, fragments, set())
                except KeyError as e:
                    problems.append(f"{where}: unknown fragment {{{e.args[0]}}}")
                    continue
                except RecursionError as e:
                    problems.append(f"{where}: fragment {{{e.args[0]}}} refers to itself")
                    continue
                if has_nested_quantifier(expanded):
                    problems.append(f"{where}: nested quantifier (catastrophic backtracking risk)")
                    continue
                if entry.get("flags_v1"):
                    expanded = "(?V1)" + expanded  # set operations such as [\p{Han}&&[^的]]
                try:
                    compiled = regex.compile(expanded)
                except regex.error as e:
                    problems.append(f"{where}: bad regex: {e}")
                    continue
            prefilter = None
            if entry.get("prefilter") is not None:
                prefilter = _prefilter(entry["prefilter"], fragments, where, problems)
                if prefilter is None:
                    continue
            examples = [_as_example(x) for x in entry.get("examples") or []]
            counters = [_as_example(x) for x in entry.get("counter_examples") or []]
            if not examples:
                problems.append(f"{where}: no examples")
            if not counters:
                problems.append(f"{where}: no counter_examples")
            if any(x is None for x in examples + counters):
                problems.append(f"{where}: every example needs a text")
                continue
            fields = {k: v for k, v in entry.items() if k not in ("id", "pattern", "examples", "counter_examples", "prefilter")}
            rules.append(Rule(rid, name, source, compiled, fields, tuple(examples), tuple(counters), prefilter))

    if problems:
        raise RulesError(problems)
    return Rules(directory, digest.hexdigest(), tables, tuple(rules), fragments)
