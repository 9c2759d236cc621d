"""Importing articles: each format, each bad input, and the imported document in every view."""

from __future__ import annotations

import json

import pytest
from import_files import docx, pdf, reference_pair

from cgt_desktop.cli.main import main
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.core.domain import ids
from cgt_desktop.core.imports.article import ArticleMeta, build_record
from cgt_desktop.core.imports.extract import extract
from cgt_desktop.core.imports.model import ImportProblem

EN_ARTICLE = ("Shanghai approves a CAR-T trial\n\nThe Shanghai Cell Therapy Group said on Monday that regulators "
              "approved its CAR-T 3.0 trial. Dr. Qian Qijun said 120 patients would enrol.\n\nThe company was founded "
              "in 2013.")


def _run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_an_article_with_its_translation_is_aligned_as_the_editors_aligned_it(tmp_path, home, corpus_dir, capsys):
    original, translation, reference = reference_pair(tmp_path)
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(original), "--translation",
                          str(translation), "--date", "2021-06", "--outlet", "澎湃新闻", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["id"].startswith("document/~") and data["lang"] == "zh"
    editors, role = [], "body"
    for line in reference["lines"][1:]:  # the editors' pairs outside the page furniture (not in the files)
        if line["type"] == "paragraph":
            role = line.get("role", "body")
        elif role != "boilerplate" and line["trans"].strip():
            editors.append((line["orig"], line["trans"].strip()))
    ours = {(p["orig"], (p["trans"] or "").strip()) for p in data["pairs"]}
    assert len(editors) > 25 and all(pair in ours for pair in editors)  # every one found again, exactly
    assert all(0 <= p["confidence"] <= 1 for p in data["pairs"])
    assert {"person/tian-zhigang", "place/zhangjiang"} <= {m["entity"] for m in data["mentions"]}
    assert not any(m["entity"] == "organization/journal-cell" for m in data["mentions"])


def test_the_imported_document_is_in_search_the_reader_and_show_and_survives_a_rebuild(tmp_path, home,
                                                                                          corpus_dir, capsys):
    article = tmp_path / "news.txt"
    article.write_text(EN_ARTICLE, encoding="utf-8")
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(article), "--json")
    assert code == 0, err
    doc = json.loads(out)["id"]
    assert ids.is_user(doc) and all(p["trans"] is None for p in json.loads(out)["pairs"])
    _run(capsys, "--corpus", str(corpus_dir), "build-db")  # a rebuild of the reference data
    code, out, _ = _run(capsys, "--corpus", str(corpus_dir), "search", "regulators approved", "--json")
    assert any(hit.get("document_id") == doc for hit in json.loads(out))
    with Catalog(home.reference_db) as store:
        paragraphs = store.document(doc)["paragraphs"]
        assert paragraphs[0]["role"] == "body" and "Shanghai approves" in paragraphs[0]["sentences"][0]["orig"]
        joined = ["".join(s["orig"] for s in p["sentences"]) for p in paragraphs]
        assert joined[1].startswith("The Shanghai Cell Therapy Group said on Monday")  # verbatim
        assert store.document(doc)["source_file"] == "news.txt"


def test_the_same_article_twice_is_refused_and_nothing_changes(tmp_path, home, corpus_dir, capsys):
    article = tmp_path / "news.txt"
    article.write_text(EN_ARTICLE, encoding="utf-8")
    assert _run(capsys, "--corpus", str(corpus_dir), "import", str(article))[0] == 0
    again = tmp_path / "copy.txt"
    again.write_text(EN_ARTICLE, encoding="utf-8")
    code, _, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(again))
    assert code != 0 and "imported already" in err


def test_a_translation_of_another_article_is_refused(tmp_path, home, corpus_dir, capsys):
    original, _, _ = reference_pair(tmp_path, "003_f3128c6eecc96df2")
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    other_en, _, _ = reference_pair(other_dir, "002_4ab98a8a3adc13dc")  # an English article on the same field
    code, _, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(original), "--translation", str(other_en))
    assert code != 0 and "does not read as a translation" in err
    assert "import the article without it" in err


@pytest.mark.parametrize("name, make, message", [
    ("empty.txt", lambda p: p.write_bytes(b""), "is empty"),
    ("data.txt", lambda p: p.write_bytes(bytes(range(256)) * 40), "not a text file"),
    ("scan.pdf", lambda p: pdf(p, [[], []]), "no text layer"),
    ("locked.pdf", lambda p: pdf(p, [["Secret text here."]], encrypt="pw"), "encrypted PDF"),
    ("broken.pdf", lambda p: p.write_bytes(b"%PDF-1.4\n garbage that is no pdf"), "not a readable PDF"),
    ("broken.docx", lambda p: p.write_bytes(b"PK\x03\x04 broken"), "not a readable DOCX"),
    ("old.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600), "old Word"),
    ("damaged.txt", lambda p: p.write_bytes(b"\xff\xfe\x00"), "is damaged"),
])
def test_each_bad_file_gets_one_clear_message_and_nothing_is_saved(tmp_path, home, corpus_dir, capsys, name, make,
                                                                   message):
    bad = tmp_path / name
    make(bad)
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(bad))
    assert code != 0 and message in err and "Traceback" not in err and "unexpected error" not in err
    with Catalog(home.reference_db) as store:
        assert not any(ids.is_user(i) for i in store.list_ids(__import__(
            "cgt_desktop.core.catalog.store", fromlist=["ListQuery"]).ListQuery(kind="document")))


def test_a_file_too_large_for_an_article_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from cgt_desktop.core.imports import extract as extract_mod

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    monkeypatch.setattr(extract_mod, "MAX_BYTES", 1024)
    with pytest.raises(ImportProblem, match="split it into its articles"):
        extract(big)


def test_chinese_in_gb18030_and_big5_is_decoded(tmp_path):
    text = "上海细胞治疗集团今日宣布，其研发的细胞治疗产品进入临床试验阶段。该公司成立于二〇一三年，总部位于张江科学城。"
    for encoding in ("gb18030", "big5"):
        path = tmp_path / f"zh-{encoding}.txt"
        path.write_bytes((text if encoding == "gb18030" else "臺灣細胞治療產業發展迅速，多家公司進入臨床試驗階段。"
                          "政府也推出相關政策支持產業發展。").encode(encoding))
        found = extract(path)
        assert "细胞" in found.text or "細胞" in found.text, encoding


def test_pdf_docx_and_html_are_read_with_their_structure(tmp_path):
    lines = ["The Shanghai Cell Therapy Group said on Monday that regulators approved its trial, a step",
             "the company had sought since 2019 for its new product.", "", "Dr. Qian said patients will enrol."]
    found = extract(pdf(tmp_path / "a.pdf", [lines]))
    assert [p.text for p in found.paragraphs][0].startswith("The Shanghai Cell Therapy Group said on Monday") and \
        "a step the company had sought since 2019" in found.paragraphs[0].text
    doc = extract(docx(tmp_path / "a.docx", [("Title", "CAR-T approved"), ("", "Regulators approved the trial.")]))
    assert [(p.role, p.text) for p in doc.paragraphs] == [("title", "CAR-T approved"),
                                                         ("body", "Regulators approved the trial.")]
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>CAR-T approved</title></head><body><nav><p>Home | News | About us</p></nav>"
                    "<article><h1>CAR-T approved</h1><p>The Shanghai Cell Therapy Group said on Monday that regulators "
                    "approved its CAR-T trial after three years of review by the national agency.</p><p>Dr. Qian "
                    "Qijun said that one hundred and twenty patients would take part in the trial next year.</p>"
                    "</article><footer><p>Copyright 2021 Example News. All rights reserved.</p></footer></body></html>",
                    encoding="utf-8")
    html = extract(page)
    assert any("regulators approved" in p.text for p in html.paragraphs if p.role == "body")
    furniture = [(p.role, p.text) for p in html.paragraphs if p.role == "boilerplate"]
    assert furniture == [("boilerplate", "Home | News | About us"),
                         ("boilerplate", "Copyright 2021 Example News. All rights reserved.")]  # kept, marked
    assert [p.role for p in html.paragraphs][0] == "boilerplate" and html.paragraphs[-1].text.startswith("Copyright")


def test_a_date_is_never_invented_and_a_bad_one_is_refused(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(EN_ARTICLE, encoding="utf-8")
    record = build_record(extract(article), ArticleMeta(source_file="news.txt"))
    assert record["lines"][0]["date"] is None and "no date" in record["lines"][0]["date_note"]
    with pytest.raises(ImportProblem, match="YYYY"):
        build_record(extract(article), ArticleMeta(source_file="news.txt", date="2021-13"))


def test_the_bundle_carries_imported_documents_and_entries_to_another_home_once(tmp_path, home, corpus_dir, capsys):
    from cgt_desktop.core.ops.items import save_item
    from cgt_desktop.core.userdata.userdb import UserStore

    article = tmp_path / "news.txt"
    article.write_text(EN_ARTICLE, encoding="utf-8")
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(article), "--json")
    assert code == 0, err
    doc = json.loads(out)["id"]
    first = json.loads(out)["pairs"][1]["id"]
    with Catalog(home.reference_db) as store:
        user = UserStore(home.user_db)
        op = save_item(store, user, "person", {"name_en": "Zhang Weiming", "name_zh": "张伟明", "sources": [first]})
        op.apply()
        user.add_note(op.result, "met at the summit")
        user.close()
    bundle = tmp_path / "bundle.json"
    assert _run(capsys, "--corpus", str(corpus_dir), "notes", "export", str(bundle))[0] == 0
    other = tmp_path / "other-home"
    code, out, err = _run(capsys, "--home", str(other), "--corpus", str(corpus_dir), "notes", "import", str(bundle),
                          "--json")
    assert code == 0, err
    assert json.loads(out)["counts"]["items"]["added"] == 2
    code, out, _ = _run(capsys, "--home", str(other), "--corpus", str(corpus_dir), "search", "张伟明", "--json")
    assert [hit["id"] for hit in json.loads(out)] == [op.result]
    code, out, _ = _run(capsys, "--home", str(other), "--corpus", str(corpus_dir), "search", "regulators approved",
                        "--json")
    assert any(hit.get("document_id") == doc for hit in json.loads(out))
    code, out, _ = _run(capsys, "--home", str(other), "--corpus", str(corpus_dir), "notes", "import", str(bundle),
                        "--json")
    assert json.loads(out)["counts"]["items"] == {"added": 0, "updated": 0, "unchanged": 2, "conflicts": 0}  # twice: nothing


def test_show_and_search_say_an_imported_document_is_the_users(tmp_path, home, corpus_dir, capsys):
    article = tmp_path / "news.txt"
    article.write_text(EN_ARTICLE, encoding="utf-8")
    doc = json.loads(_run(capsys, "--corpus", str(corpus_dir), "import", str(article), "--json")[1])["id"]
    code, out, _ = _run(capsys, "--corpus", str(corpus_dir), "show", doc)
    assert code == 0 and "imported by you from news.txt" in out
    code, out, _ = _run(capsys, "--corpus", str(corpus_dir), "show", doc, "--json")
    assert json.loads(out)["origin"] == "user"
    code, out, _ = _run(capsys, "--corpus", str(corpus_dir), "search", "regulators approved", "--json")
    origins = {hit["document_id"]: hit["origin"] for hit in json.loads(out) if hit.get("document_id")}
    assert origins[doc] == "user"
    code, out, _ = _run(capsys, "--corpus", str(corpus_dir), "show", "person/qian-qijun", "--json")
    assert json.loads(out)["origin"] == "reference"


def test_entry_commands_add_edit_list_and_delete_a_cited_entry(home, corpus_dir, capsys):
    cite = "003_f3128c6eecc96df2#p04.s01"
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "entry", "add", "person", "--name-en", "Zhang Weiming",
                          "--name-zh", "张伟明", "--cite", cite, "--json")
    assert code == 0, err
    person = json.loads(out)["id"]
    assert json.loads(_run(capsys, "--corpus", str(corpus_dir), "show", person, "--json")[1])["origin"] == "user"
    assert [h["id"] for h in json.loads(_run(capsys, "--corpus", str(corpus_dir), "search", "张伟明", "--json")[1])] == [
        person]
    assert _run(capsys, "--corpus", str(corpus_dir), "entry", "edit", person, "--field", "name_en=Zhang Wei-ming")[0] == 0
    listed = json.loads(_run(capsys, "--corpus", str(corpus_dir), "entry", "list", "--json")[1])
    assert [(r["id"], r["name_en"]) for r in listed] == [(person, "Zhang Wei-ming")]
    assert _run(capsys, "--corpus", str(corpus_dir), "entry", "delete", person)[0] == 0
    assert json.loads(_run(capsys, "--corpus", str(corpus_dir), "entry", "list", "--json")[1]) == []


@pytest.mark.parametrize("argv, message", [
    (["person", "--name-en", "Nobody Known", "--cite", "nowhere#p01.s01"], "no passage has the id"),
    (["person", "--name-en", "Qian Qijun", "--cite", "003_f3128c6eecc96df2#p04.s01"], "link to it instead"),
    (["relation", "--subject", "person/nobody", "--predicate", "works_at", "--object", "organization/ustc",
      "--cite", "003_f3128c6eecc96df2#p04.s01"], "is not an item"),
    (["event", "--name-en", "A launch", "--date", "2019-02-30", "--category", "industry", "--cite",
      "003_f3128c6eecc96df2#p04.s01"], "YYYY"),
    (["event", "--name-en", "A launch", "--date", "2019", "--approximate", "--category", "industry", "--cite",
      "003_f3128c6eecc96df2#p04.s01"], "says why in a note"),
])
def test_an_entry_that_breaks_a_rule_exits_non_zero_and_saves_nothing(home, corpus_dir, capsys, argv, message):
    code, _, err = _run(capsys, "--corpus", str(corpus_dir), "entry", "add", *argv)
    assert code == 1 and message in err and "nothing was saved" in err
    assert json.loads(_run(capsys, "--corpus", str(corpus_dir), "entry", "list", "--json")[1]) == []


def test_the_import_summary_counts_in_words_a_reader_would_write(tmp_path, home, corpus_dir, capsys):
    article = tmp_path / "one.txt"
    article.write_text("Qian Qijun spoke in Shanghai.\n", encoding="utf-8")
    code, out, err = _run(capsys, "--corpus", str(corpus_dir), "import", str(article))
    assert code == 0, err
    assert "(en, 1 paragraph, 1 passage)" in out and "\n2 mentions of known entities" in out
    assert "(s)" not in out
