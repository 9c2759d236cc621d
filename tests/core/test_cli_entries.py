"""`cgt-desktop entry correct / wrong / unlink`, and what show and timeline say of the user's data."""

from __future__ import annotations

import json

from cgt_desktop.cli.main import main

BYLINE = "000_1b6dce599d2df6c2#p01.s01"
CITE = "003_f3128c6eecc96df2#p04.s01"
RELATION = "person/chen-jing>works_at>organization/china-news-online#Reporter"


def _run(capsys, corpus_dir, *argv):
    code = main(["--corpus", str(corpus_dir), *argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_correction_from_the_command_line_is_shown_beside_the_reference(home, corpus_dir, capsys):
    code, out, err = _run(capsys, corpus_dir, "entry", "correct", "person/chen-jing", "--field", "name_en",
                          "--value", "Chen Jing (reporter)", "--cite", BYLINE, "--json")
    assert code == 0, err
    assert json.loads(out)["action"] == "corrected"
    code, out, _ = _run(capsys, corpus_dir, "show", "person/chen-jing")
    assert "Your corrections:\n  name_en: Chen Jing (reporter)  (reference: Chen Jing)" in out
    shown = json.loads(_run(capsys, corpus_dir, "show", "person/chen-jing", "--json")[1])
    assert shown["name_en"] == "Chen Jing"  # the reference value stays
    (fix,) = shown["corrections"]
    assert (fix["field"], fix["value"], fix["origin"], fix["stale"]) == ("name_en", "Chen Jing (reporter)", "user",
                                                                         False)
    listed = json.loads(_run(capsys, corpus_dir, "entry", "list", "--json")[1])
    assert [(r["kind"], r["target"]) for r in listed] == [("correction", "person/chen-jing")]


def test_wrong_and_unlink_need_their_reasons_and_exit_non_zero_without(home, corpus_dir, capsys):
    code, _, err = _run(capsys, corpus_dir, "entry", "wrong", RELATION)
    assert code == 1 and "say why" in err and "nothing was saved" in err
    assert _run(capsys, corpus_dir, "entry", "wrong", RELATION, "--note", "freelance")[0] == 0
    assert "marked wrong: freelance" in _run(capsys, corpus_dir, "show", "person/chen-jing")[1]
    code, _, err = _run(capsys, corpus_dir, "entry", "unlink", "person/chen-jing", "--passage", "nowhere#p01")
    assert code == 1 and "no passage has the id" in err
    assert _run(capsys, corpus_dir, "entry", "unlink", "person/chen-jing", "--passage", BYLINE)[0] == 0
    assert len(json.loads(_run(capsys, corpus_dir, "entry", "list", "--json")[1])) == 2


def test_your_event_and_figure_from_the_command_line_keep_honest_dates_and_values(home, corpus_dir, capsys):
    code, out, err = _run(capsys, corpus_dir, "entry", "add", "event", "--name-en", "Lingang park opens",
                          "--date", "2020", "--approximate", "--date-note", "'last year' in a 2021 article",
                          "--category", "industry", "--cite", CITE, "--json")
    assert code == 0, err
    event = json.loads(out)["id"]
    rows = {e["id"]: e for e in json.loads(_run(capsys, corpus_dir, "timeline", "--json")[1])}
    assert rows[event]["origin"] == "user" and rows[event]["approximate"] is True
    assert {e["origin"] for i, e in rows.items() if i != event} == {"reference"}
    assert "[yours]" in _run(capsys, corpus_dir, "timeline")[1]
    code, out, err = _run(capsys, corpus_dir, "entry", "add", "figure", "--name-en", "Beds", "--value-stated",
                          "120张床位", "--unit", "count", "--cite", CITE, "--json")
    assert code == 0, err
    assert json.loads(_run(capsys, corpus_dir, "show", json.loads(out)["id"], "--json")[1])["origin"] == "user"


def test_a_bundle_that_changed_your_entry_too_keeps_both_and_entry_keep_swaps(home, corpus_dir, capsys, tmp_path):
    code, out, err = _run(capsys, corpus_dir, "entry", "add", "person", "--name-en", "Li Hua", "--cite", CITE,
                          "--json")
    person = json.loads(out)["id"]
    bundle = tmp_path / "bundle.json"
    assert _run(capsys, corpus_dir, "notes", "export", str(bundle))[0] == 0
    assert _run(capsys, corpus_dir, "entry", "edit", person, "--field", "name_en=Li Hua (here)")[0] == 0
    data = json.loads(bundle.read_text(encoding="utf-8"))
    (item,) = data["items"]
    item["record"] = json.dumps(dict(json.loads(item["record"]), name_en="Li Hua (there)"), ensure_ascii=False)
    item["edited"] = "2099-01-01T00:00:00"  # edited later on the other machine
    bundle.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, corpus_dir, "notes", "import", str(bundle))
    assert code == 0 and "changed on both sides" in out
    assert json.loads(_run(capsys, corpus_dir, "show", person, "--json")[1])["name_en"] == "Li Hua (there)"
    (kept,) = json.loads(_run(capsys, corpus_dir, "entry", "versions", "--json")[1])
    assert kept["id"] == person and kept["record"]["name_en"] == "Li Hua (here)"
    assert _run(capsys, corpus_dir, "entry", "keep", str(kept["version"]))[0] == 0
    assert json.loads(_run(capsys, corpus_dir, "show", person, "--json")[1])["name_en"] == "Li Hua (here)"
    code, _, err = _run(capsys, corpus_dir, "entry", "keep", "999")
    assert code == 1 and "no kept version" in err
