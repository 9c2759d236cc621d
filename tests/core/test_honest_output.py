"""What leaves the app keeps its honesty: dates with their precision and bounds, titles that are not names,
which text is the original and which the project's translation, and the corpus facts checked against
their passages (issue 16, items 3 and 4)."""

from __future__ import annotations

import json

import pytest

from cgt_desktop.cli.main import main
from cgt_desktop.core.domain import dates


@pytest.fixture
def cli(home, corpus_dir, capsys):
    def run(*args: str) -> tuple[int, str]:
        code = main(["--home", str(home.root), "--corpus", str(corpus_dir), *args])
        out, _err = capsys.readouterr()
        return code, out

    return run


def test_an_upper_bound_reads_as_one():
    assert dates.display("2018", approximate=True, bound="before") == "2018 or earlier"
    assert dates.display("2021-11-15", bound="before", lang="zh") == "2021年11月15日或更早"
    assert dates.display("2019", bound="after") == "2019 or later"
    assert dates.display("2019", approximate=True) == "c. 2019"


def test_show_text_keeps_the_precision_of_every_date(cli):
    _, out = cli("show", "person/carl-june")
    assert "c. 15 Nov 2021" in out  # the conference's year is inferred: never a flat date
    _, out = cli("show", "event/2018-aunt-qin-car-t-treatment-and-complete-remission")
    assert "Date: 2018 or earlier" in out and "As stated: more than five years" in out
    assert "How it is dated:" in out
    _, out = cli("show", "event/2022-shanghai-cell-therapy-action-plan-period")
    assert "2022–2024" in out and "precision: range" in out


def test_show_text_gives_a_figure_its_value_qualifier_and_date(cli):
    _, out = cli("show", "figure/fosun-kite-years-in-zhangjiang-2019")
    assert "Value: 两年有余 (2 years), more than, as of 14 Nov 2019" in out
    assert "Scope:" in out


def test_show_json_names_the_original_and_the_translation(cli):
    _, out = cli("show", "person/carl-june", "--json")
    source = json.loads(out)["sources"][0]
    assert source["original"]["lang"] == "en" and source["original"]["text"].startswith("Carl June")
    assert source["translation"]["lang"] == "zh"
    assert "project" in source["translation"]["by"]
    assert source["cited_as"] == "China News Online, c. 15 Nov 2021, ¶14"


def test_titles_are_never_called_attested(cli):
    for item in ("event/2019-first-zhangjiang-international-summit-on-cell-therapy",
                 "figure/fosun-kite-years-in-zhangjiang-2019",
                 "document/000_1b6dce599d2df6c2", "document/004_5c1267afd55cf18d"):
        _, out = cli("show", item, "--json")
        data = json.loads(out)
        assert (data["name_en_status"], data["name_zh_status"]) == ("title", "title"), item
    _, out = cli("show", "document/003_f3128c6eecc96df2", "--json")  # the Chinese headline is printed
    assert json.loads(out)["name_zh_status"] == "attested"


def test_documents_list_keeps_an_inferred_date_approximate(store):
    row = store.rows("document", ["document/000_1b6dce599d2df6c2"])["document/000_1b6dce599d2df6c2"]
    assert row["approximate"]  # the list shows "c. 15 Nov 2021", as the page does
    assert dates.display(row["date"], None, bool(row["approximate"])) == "c. 15 Nov 2021"


# -- the corpus, against its passages ------------------------------------------------------------------
def _relations(store, subject=None, obj=None):
    sql = "SELECT subject, predicate, object, role_en, note FROM relations WHERE 1"
    args = []
    if subject:
        sql, args = sql + " AND subject = ?", args + [subject]
    if obj:
        sql, args = sql + " AND object = ?", args + [obj]
    return store.conn.execute(sql, args).fetchall()


def test_a_chief_scientist_holds_a_role_and_does_not_lead_the_programme(store):
    rel = _relations(store, "person/qian-cheng", "policy/most-key-rd-plan")
    assert [(r[1], r[3]) for r in rel] == [("role_in", "Chief scientist")]
    head = store.entity("policy/most-key-rd-plan")
    assert (head.name_en, head.name_zh) == ("National Key R&D Program of China", "国家重点研发计划")
    assert head.name_zh_status == "editor"  # no source prints the Chinese name
    assert any("key R & D plan" in a["alias"] for a in head.aliases)  # the printed form


def test_names_no_source_prints_are_left_unknown_or_marked(store):
    for journal in ("organization/journal-gastroenterology", "organization/journal-hepatology"):
        head = store.entity(journal)
        assert head.name_zh == "" and head.name_zh_status == "unknown"
    ustc = store.entity("organization/ustc")
    assert ustc.name_zh == "中国科学技术大学" and ustc.name_zh_status == "editor"
    assert "中国科技大学" in [a["alias"] for a in ustc.aliases]


def test_descriptions_say_only_what_the_passages_say(store):
    assert "in 2023" not in store.entity("technology/universal-nk-cell-therapy").desc_en
    assert "Science City" not in store.entity("place/medical-valley").desc_en
    for city in ("place/suzhou", "place/hangzhou"):
        assert "opting for" not in store.entity(city).desc_en
    pudong = [c.passage_id for c in store.entity("place/pudong").sources]
    assert "002_4ab98a8a3adc13dc#p06.s01" in pudong and "002_4ab98a8a3adc13dc#p05.s01" not in pudong
    immuno = store.entity("technology/cellular-immunotherapy")
    assert "000_1b6dce599d2df6c2#p01.s01" not in [c.passage_id for c in immuno.sources]  # 细胞免疫 is not a therapy


def test_the_teaser_repeat_is_page_furniture(store):
    role = store.conn.execute("SELECT role FROM paragraphs WHERE id = '002_4ab98a8a3adc13dc#p05'").fetchone()[0]
    assert role == "boilerplate"


def test_translations_follow_the_source(store):
    texts = store.passage_texts(["002_4ab98a8a3adc13dc#p13.s03", "003_f3128c6eecc96df2#p12.s01",
                                 "003_f3128c6eecc96df2#p20.s02", "000_1b6dce599d2df6c2#p08.s01"])
    assert not texts["002_4ab98a8a3adc13dc#p13.s03"][1].endswith("“")
    assert "advanced international level" in texts["003_f3128c6eecc96df2#p12.s01"][1]
    assert "two-way linked" in texts["003_f3128c6eecc96df2#p20.s02"][1]
    assert "细胞医学和细胞医学" in texts["000_1b6dce599d2df6c2#p08.s01"][1]  # kept, not silently emended
    notes = store.conn.execute("SELECT id FROM passages WHERE trans_note_en LIKE '[sic]%' ORDER BY id").fetchall()
    assert [n[0] for n in notes] == ["000_1b6dce599d2df6c2#p08.s01", "001_02b24beee2f111b4#p02.s06"]


def test_the_people_reports_quote_are_linked_to_their_event(store):
    conference = "event/2021-fifth-international-precision-medicine-conference"
    linked = {r[2] for r in _relations(store, conference) if r[1] == "participant"}
    assert {"person/chen-zhinan", "person/qian-qijun", "person/cheng-chuanmiao"} <= linked
    summit = "event/2019-first-zhangjiang-international-summit-on-cell-therapy"
    quoted = {r[2]: r for r in _relations(store, summit) if r[1] == "participant"}
    assert {"person/yuan-tao", "person/wang-liqun", "person/hao-haojie"} <= set(quoted)
    assert "does not say" in quoted["person/yuan-tao"][4]  # how far the source goes, said
    # Zhao Yangbing spoke "in a media interview" (接受媒体采访时): the source does not put him at the summit.
    assert "person/zhao-yangbing" not in quoted
    same = _relations(store, "organization/shanghai-zhangjiang-cell-industry-park",
                      "organization/zhangjiang-cell-and-gene-industry-park")
    assert [r[1] for r in same] == ["possibly_same_as"]


def test_documents_lists_every_document_with_its_date_as_printed(cli, corpus_dir, tmp_path):
    code, out = cli("documents")
    assert code == 0
    assert "c. 15 Nov 2021" in out and "March 23 (year not stated)" in out and "undated" in out
    article = tmp_path / "article.txt"
    article.write_text("A new CAR-T trial opened in Suzhou.\n\nIt enrolled ten patients.\n", encoding="utf-8")
    assert cli("import", str(article))[0] == 0
    _, out = cli("documents", "--mine", "--json")
    mine = json.loads(out)
    assert [d["origin"] for d in mine] == ["user"] and mine[0]["shown_as"] == "undated"


def test_notes_list_shows_highlight_comments(cli, home):
    from cgt_desktop.core.userdata.annotations import add_highlight
    from cgt_desktop.core.userdata.userdb import UserStore

    user = UserStore(home.user_db)
    add_highlight(user, "003_f3128c6eecc96df2#p12.s03", "orig", "今年6月", comment="Which June? The report is of 2019.")
    user.close()
    _, out = cli("notes", "list", "--highlights")
    assert "highlight “今年6月”" in out and "comment: Which June? The report is of 2019." in out
    _, out = cli("notes", "list", "--highlights", "--json")
    [row] = json.loads(out)
    assert (row["kind"], row["quote"], row["comment"]) == ("highlight", "今年6月", "Which June? The report is of 2019.")


def test_every_command_option_says_what_it_does():
    import argparse

    from cgt_desktop.cli.main import build_parser

    silent = []

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    walk(child, [*path, name])
            elif not action.help and not isinstance(action, argparse._HelpAction):
                silent.append(" ".join([*path, *(action.option_strings or [action.dest])]))

    walk(build_parser(), ["cgt-desktop"])
    assert silent == []
