"""Per-document result cache: a document whose bytes, doc_id, rules and program have not changed
is not processed again. Key: sha256 of (document sha256, doc_id, rules fingerprint, program
fingerprint). The program fingerprint hashes the pipeline's own source files, so that a code
change never serves stale results, whatever the version number says.

Entries are JSON (never pickle: a cache folder is not trusted code), written atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from .model import DocOutput


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "zhfacts"


@lru_cache(maxsize=1)
def program_fingerprint() -> str:
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def cache_key(sha256: str, doc_id: str, rules_fingerprint: str) -> str:
    return hashlib.sha256("\x1f".join((sha256, doc_id, rules_fingerprint, program_fingerprint())).encode()).hexdigest()


class ResultCache:
    def __init__(self, directory: str | Path):
        self.directory = Path(directory)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> DocOutput | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return DocOutput(**data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a missing or damaged entry is a miss

    def put(self, key: str, result: DocOutput) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(asdict(result), f, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs time
