"""The synthetic-corpus generator and the benchmark keep working (on a tiny corpus; nothing is timed)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TINY = ["--docs", "20", "--entities", "200", "--events", "200", "--relations", "500", "--annotations", "50",
        "--figures", "20", "--big-doc-sentences", "300"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO / "src"))
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def _sources(db: Path) -> dict[str, bytes]:
    return {p.relative_to(db).as_posix(): p.read_bytes() for p in sorted(db.rglob("*")) if p.is_file()}


def test_generator_and_benchmark_run_on_a_tiny_corpus(tmp_path):
    from cgt_desktop.core.corpus.checks import check_directory

    out = tmp_path / "corpus"
    done = _run("benchmarks/make_corpus.py", "--out", str(out), "--seed", "3", *TINY)
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert not check_directory(out / "db"), "the synthetic corpus must be valid source data"

    conn = sqlite3.connect(out / "home" / "cache" / "reference.sqlite")
    kinds = dict(conn.execute("SELECT kind, count(*) FROM entities GROUP BY kind"))
    assert sum(kinds[k] for k in ("person", "organization", "place", "policy", "technology")) == 200
    assert kinds["event"] == 200 and kinds["document"] == 21
    assert conn.execute("SELECT count(*) FROM relations").fetchone()[0] >= 500
    big = conn.execute("SELECT sentence_count FROM document_details WHERE id = ?",
                       [manifest["big_document"]]).fetchone()[0]
    assert big >= 300
    precisions = {p for (p,) in conn.execute("SELECT DISTINCT precision FROM event_details")}
    assert {"day", "month", "year", "range", "unknown"} <= precisions
    conn.close()
    user = sqlite3.connect(out / "home" / "user.sqlite")
    annotations = sum(user.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                      for t in ("notes", "highlights", "item_tags", "stars"))
    user.close()
    assert 40 <= annotations <= 50

    again = tmp_path / "again"
    done = _run("benchmarks/make_corpus.py", "--out", str(again), "--seed", "3", "--no-build", *TINY)
    assert done.returncode == 0, done.stderr
    assert _sources(again / "db") == _sources(out / "db"), "the same seed must give the same corpus"

    results_file = tmp_path / "results.json"
    done = _run("benchmarks/run.py", "--corpus", str(out), "--repeat", "1", "--json", str(results_file))
    assert done.returncode == 0, done.stderr
    results = json.loads(results_file.read_text(encoding="utf-8"))
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from run import METRICS
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    assert set(results["metrics"]) == set(METRICS)
    for key in ("start_ratio", "search", "tab_open", "sort", "filter", "entity_page", "peak_rss"):
        figure = results["metrics"][key]
        assert figure is not None, results["errors"].get(key)
        assert figure["median"] > 0 and figure["p95"] >= figure["median"]
    for key, (label, _target, _unit) in METRICS.items():
        assert label in done.stdout
    for key in ("nproc", "cpu", "ram", "python", "sqlite", "pyside6"):
        assert results["machine"][key]
