"""The scripting CLI: JSON shapes, human output, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cgt_desktop.cli.main import main


@pytest.fixture
def cli(home, corpus_dir, capsys):
    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--home", str(home.root), "--corpus", str(corpus_dir), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_search_json_shape(cli):
    code, out, _ = cli("search", "张江", "--json", "--limit", "5")
    assert code == 0
    hits = json.loads(out)
    assert 1 <= len(hits) <= 5
    for hit in hits:
        assert {"id", "kind", "name_en", "name_zh", "snippet"} <= set(hit)
    assert any("张江" in h["name_zh"] for h in hits)


def test_search_kind_filter_and_pinyin(cli):
    code, out, _ = cli("search", "zhao yangbing", "--kind", "person", "--json")
    assert code == 0
    hits = json.loads(out)
    assert hits[0]["name_zh"] == "赵阳兵"
    assert {h["kind"] for h in hits} == {"person"}


def test_show_json_has_names_relations_events_and_sources(cli):
    code, out, _ = cli("show", "person/qian-qijun", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["name_en"] == "Qian Qijun" and data["name_zh"] == "钱其军"
    assert data["name_zh_status"] == "editor"
    for key in ("aliases", "desc_en", "desc_zh", "relations", "events", "sources"):
        assert key in data
    assert data["sources"] and all({"document_id", "passage_id"} <= set(s) for s in data["sources"])
    assert data["relations"], "Qian Qijun has cited relations"


def test_timeline_json_is_in_date_order_with_partial_iso_dates(cli):
    code, out, _ = cli("timeline", "--from", "2019", "--to", "2021", "--json")
    assert code == 0
    events = json.loads(out)
    assert events
    for event in events:
        assert {"id", "date", "precision", "end", "title_en", "title_zh", "category", "sources"} <= set(event)
        assert event["date"] is not None
        assert event["sources"]
        assert len(event["date"]) == {"day": 10, "month": 7, "year": 4, "range": len(event["date"])}[event["precision"]]
    starts = [e["date"] for e in events]
    assert starts == sorted(starts, key=lambda d: d)  # partial ISO strings sort by their first day
    assert all(e["date"][:4] <= "2021" and (e["end"] or e["date"])[:4] >= "2019" for e in events)


def test_timeline_lists_undated_events_as_unknown(cli):
    code, out, _ = cli("timeline", "--json")
    events = json.loads(out)
    undated = [e for e in events if e["date"] is None]
    assert undated and all(e["precision"] == "unknown" for e in undated)
    assert any("March 23" in e["date_stated"] for e in undated)


def test_timeline_category_filter(cli):
    code, out, _ = cli("timeline", "--kind", "policy", "--json")
    assert code == 0
    assert {e["category"] for e in json.loads(out)} == {"policy"}


@pytest.mark.parametrize("args, code, fragment", [
    (("show", "person/nobody"), 1, "unknown id"),
    (("timeline", "--from", "soon"), 2, "not a year"),
    (("timeline", "--kind", "gossip"), 2, "unknown event category"),
    (("search", "x", "--limit", "0"), 2, "from 1 to"),
    (("frobnicate",), 2, "invalid choice"),
])
def test_bad_ids_and_options_give_one_line_and_nonzero_exit(cli, args, code, fragment):
    result, out, err = cli(*args)
    assert result == code
    assert fragment in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_check_passes_on_the_corpus_and_fails_on_a_broken_one(cli, corpus_dir):
    code, out, _ = cli("check")
    assert code == 0 and "0 problems" in out
    (corpus_dir / "events.jsonl").write_text("{broken\n", encoding="utf-8")
    code, _, err = cli("check")
    assert code == 1
    assert "events.jsonl:1:" in err


def test_build_db_reports_counts(cli, home):
    code, out, _ = cli("build-db", "--json")
    data = json.loads(out)
    assert code == 0 and data["rebuilt"] and data["counts"]["document"] == 5
    assert home.reference_db.exists()
    code, out, _ = cli("build-db", "--if-changed", "--json")
    assert json.loads(out)["rebuilt"] is False


def test_module_entry_point_runs(home):
    out = subprocess.run([sys.executable, "-m", "cgt_desktop", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("cgt-desktop ")
