"""The PDF dossier, read back with pypdf: names, bilingual passages, notes, citations, bookmarks, errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from cgt_desktop.core.export.dossier import DossierOptions, EmptySelection, build_dossier
from cgt_desktop.core.domain.selection import note_ref, period_ref
from cgt_desktop.core.userdata.userdb import UserStore

PASSAGE = "000_1b6dce599d2df6c2#p03.s01"
PASSAGE_EN = ("Professor Qian Qijun, Dean of Shanghai Cell Therapy Research Institute and Deputy Dean of Shanghai "
              "University School of Medicine, was elected as the new chairman")
PASSAGE_ZH = "上海细胞治疗研究院院长、上海大学医学院副院长钱其军教授当选中国医药生物技术协会精准医学分会新任主任委员。"


@pytest.fixture
def export(qapp, store, tmp_path):
    from cgt_desktop.ui.pdf.export import export_pdf

    def run(refs, user=None, name="dossier.pdf", **options):
        dossier = build_dossier(refs, store, user, DossierOptions(**options))
        return export_pdf(dossier, tmp_path / name)

    return run


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def flat(text: str) -> str:
    """One space between words (table cells wrap lines anywhere)."""
    return " ".join(text.split())


def squeezed(text: str) -> str:
    """No white space at all (Chinese wraps without spaces)."""
    return re.sub(r"\s+", "", text)


def outline_titles(reader: PdfReader) -> list[str]:
    out: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                out.append(item.title)

    walk(reader.outline)
    return out


def test_pdf_has_both_names_a_bilingual_passage_a_note_and_its_citation(export, home):
    user = UserStore(home.user_db)
    note = user.add_note(PASSAGE, "Check the election date against the association website.")
    result = export(["person/qian-qijun", "place/zhangjiang", PASSAGE, note_ref(note.uid)], user)
    text = text_of(result.path)
    assert "Qian Qijun" in text and "钱其军" in text
    assert "Zhangjiang" in text and "张江" in text
    assert PASSAGE_EN in flat(text)
    assert PASSAGE_ZH in squeezed(text)
    assert "Check the election date against the association website." in flat(text)
    assert "China News Online" in text and "¶3, sentence 1" in flat(text), "the note's passage, as readers cite it"
    assert "000_1b6dce599d2df6c2" not in squeezed(text), "ids stay out of the dossier (they are in --json)"
    assert "2021 Precision Medicine Conference" in flat(text), "and by its document's title"
    assert "editor's rendering" in text, "钱其军 is the editors' rendering and says so"
    assert "⽂" not in text and "⻓" not in text, "Chinese extracts as the characters people search for"
    assert "ﬁ" not in text, "ligatures extract as their letters"


def test_page_count_grows_with_the_selection(export, store):
    small = export(["place/zhangjiang"], name="small.pdf")
    people = store.list_ids(__import__("cgt_desktop.core.catalog.store", fromlist=["ListQuery"]).ListQuery("person"))[:8]
    large = export(["place/zhangjiang", *people], name="large.pdf")
    assert len(PdfReader(large.path).pages) > len(PdfReader(small.path).pages) >= 3
    assert large.pages == len(PdfReader(large.path).pages)


def test_bookmarks_one_per_section_and_per_profile(export):
    result = export(["person/qian-qijun", "place/zhangjiang", PASSAGE, period_ref("2013-01-01", "2019-12-31")])
    reader = PdfReader(result.path)
    titles = outline_titles(reader)
    assert titles[0] == "Profiles · 条目简介"
    assert "Qian Qijun · 钱其军" in titles and "Zhangjiang · 张江" in titles
    for section in ("Timeline · 时间线", "Bilingual passages · 双语段落", "Sources · 资料来源"):
        assert section in titles
    # each bookmark opens the page that carries its heading
    for item in reader.outline:
        if isinstance(item, list):
            continue
        page_text = reader.pages[reader.get_destination_page_number(item)].extract_text()
        assert squeezed(item.title.split(" · ")[0]) in squeezed(page_text)
    assert reader.metadata.title and reader.metadata.creator == "cgt-desktop"


def test_title_page_contents_and_page_numbers(export, store):
    result = export(["person/qian-qijun", "place/zhangjiang"], title="Shanghai 上海")
    reader = PdfReader(result.path)
    first = reader.pages[0].extract_text()
    assert "Shanghai" in first and "上海" in first
    assert store.build_info()["built_at"][:10] in first, "the data build date is on the title page"
    assert "Contents" in reader.pages[1].extract_text()
    total = len(reader.pages)
    assert f"2 / {total}" in reader.pages[1].extract_text()
    assert f"{total} / {total}" in reader.pages[-1].extract_text()


def test_timeline_figure_is_drawn_as_text_and_vectors(export):
    result = export([period_ref("2019-01-01", "2019-12-31")])
    reader = PdfReader(result.path)
    page = reader.pages[next(reader.get_destination_page_number(o) for o in reader.outline
                             if not isinstance(o, list) and o.title.startswith("Timeline"))]
    text = flat(page.extract_text())
    assert "exact day" in text and "approximate" in text, "the legend is real text, not a picture"
    assert "First Zhangjiang International Summit on Cell Therapy" in text


def test_same_selection_same_text(export, home):
    user = UserStore(home.user_db)
    user.add_note(PASSAGE, "same every time")
    refs = ["organization/shanghai-cell-therapy-group", PASSAGE, period_ref("2013-01-01", "2021-12-31")]
    a = flat(text_of(export(refs, user, name="a.pdf").path))
    b = flat(text_of(export(refs, user, name="b.pdf").path))
    stamp = re.compile(r"导出日期 ?: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC")
    assert stamp.search(a), "the export time is printed"
    assert stamp.sub("", a) == stamp.sub("", b)


def test_chinese_name_mode_and_letter_paper(qapp, store, tmp_path):
    from cgt_desktop.ui.pdf.export import export_pdf

    dossier = build_dossier(["person/qian-qijun"], store, options=DossierOptions(names="zh"))
    result = export_pdf(dossier, tmp_path / "zh.pdf", "Letter")
    reader = PdfReader(result.path)
    assert round(float(reader.pages[0].mediabox.width)) == 612  # 8.5 in
    assert outline_titles(reader)[0] == "条目简介"
    assert "钱其军" in text_of(result.path)


def test_empty_selection_writes_nothing(qapp, store, tmp_path):
    from cgt_desktop.ui.pdf.dialog import export_selection

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(EmptySelection, match="empty"):
        export_selection([], store, None, DossierOptions(), out / "x.pdf")
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder", "file-as-folder", "folder-as-file"])
def test_unwritable_path_fails_cleanly(qapp, store, tmp_path, where):
    from cgt_desktop.ui.pdf.export import ExportError, export_pdf

    (tmp_path / "plain.txt").write_text("x")
    (tmp_path / "taken.pdf").mkdir()
    target = {"missing-folder": tmp_path / "no" / "such" / "x.pdf",
              "file-as-folder": tmp_path / "plain.txt" / "x.pdf",
              "folder-as-file": tmp_path / "taken.pdf"}[where]
    before = sorted(p.name for p in tmp_path.rglob("*"))
    dossier = build_dossier(["person/qian-qijun"], store)
    with pytest.raises(ExportError) as info:
        export_pdf(dossier, target)
    assert "cannot write" in str(info.value)
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_a_failure_while_finishing_leaves_no_partial_file(qapp, store, tmp_path, monkeypatch):
    from cgt_desktop.ui.pdf import export as pdf_export

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_export, "_finish_pdf", disk_full)
    out = tmp_path / "out"
    out.mkdir()
    (out / "old.pdf").write_bytes(b"%PDF old")
    dossier = build_dossier(["person/qian-qijun"], store)
    with pytest.raises(pdf_export.ExportError, match="No space left"):
        pdf_export.export_pdf(dossier, out / "old.pdf")
    assert [p.name for p in out.iterdir()] == ["old.pdf"]
    assert (out / "old.pdf").read_bytes() == b"%PDF old", "the earlier file is untouched"


def test_cancel_leaves_nothing(qapp, store, tmp_path):
    from cgt_desktop.ui.pdf.export import ExportCancelled, export_pdf

    dossier = build_dossier(["person/qian-qijun", "place/zhangjiang"], store)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportCancelled):
        export_pdf(dossier, out / "x.pdf", cancelled=lambda: True)
    assert list(out.iterdir()) == []


def test_user_text_is_escaped_and_no_local_file_is_loaded(qapp, store, home, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument

    from cgt_desktop.ui.pdf.export import DossierDocument, export_pdf

    picture = tmp_path / "secret.png"
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(picture))
    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", f'<img src="{picture.as_uri()}"> <b>not bold</b>')
    result = export_pdf(build_dossier(["person/qian-qijun"], store, user), tmp_path / "x.pdf")
    text = text_of(result.path)
    assert "<img" in text and squeezed(f'src="{picture.as_uri()}">') in squeezed(text)
    assert "<b>not bold</b>" in text
    doc = DossierDocument()
    refused = doc.loadResource(int(QTextDocument.ResourceType.ImageResource), QUrl(picture.as_uri()))
    assert refused.isNull(), "a null image: Qt must not fall back to loading the file itself"
    from PySide6.QtGui import QPainter

    doc.setHtml(f'<p>x</p><img src="{picture.as_uri()}"><img src="{picture}">')  # as if escaping had failed
    canvas = QImage(200, 80, QImage.Format.Format_RGB32)
    canvas.fill(0xFFFFFF)
    painter = QPainter(canvas)
    doc.drawContents(painter)
    painter.end()
    assert not any(canvas.pixel(x, y) == 0xFFFF0000 for x in range(200) for y in range(80)), "nothing loaded"


def test_cli_export_pdf(home, corpus_dir, capsys, tmp_path):
    from cgt_desktop.cli.main import main

    def cli(*args):
        code = main(["--home", str(home.root), "--corpus", str(corpus_dir), "export-pdf", *args])
        out, err = capsys.readouterr()
        return code, out, err

    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", "CLI note 命令行笔记")
    user.close()
    target = tmp_path / "cli.pdf"
    code, out, err = cli("person/qian-qijun", "place/zhangjiang", "--from", "2013", "--to", "2019", "--notes",
                         "-o", str(target))
    assert code == 0, err
    assert "cli.pdf" in out and target.exists()
    text = text_of(target)
    assert "钱其军" in text and "张江" in text and "CLI note 命令行笔记" in flat(text)
    assert "2013–2019" in text

    code, _, err = cli("-o", str(tmp_path / "empty.pdf"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "empty" in err
    code, _, err = cli("person/nobody", "-o", str(tmp_path / "unknown.pdf"))
    assert code == 1 and "person/nobody" in err and len(err.strip().splitlines()) == 1
    code, _, err = cli("person/qian-qijun", "-o", str(tmp_path / "no" / "x.pdf"))
    assert code == 1 and "cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == ["cli.pdf"]


def test_export_dialog_writes_off_the_gui_thread_with_progress(qtbot, store, home, tmp_path):
    from cgt_desktop.ui.pdf.dialog import ExportDialog

    user = UserStore(home.user_db)
    user.add_note(PASSAGE, "dialog note")
    dialog = ExportDialog(__import__("cgt_desktop.core.domain.selection", fromlist=["Selection"]).Selection(
        ["person/qian-qijun", PASSAGE]), store, user, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Dialog dossier 对话框")
    dialog.names_combo.setCurrentIndex(dialog.names_combo.findData("en"))
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    dialog.part_boxes["figures"].setChecked(False)
    target = tmp_path / "from-dialog.pdf"
    dialog.file_edit.setText(str(target))
    values = []
    dialog.progress_bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(dialog.export_finished, timeout=30000) as blocker:
        assert dialog.start_export()
        assert dialog.cancel_button.isEnabled() and not dialog.export_button.isEnabled()
    assert blocker.args == [str(target)]
    assert values and values[-1] == 100 and values == sorted(values)
    reader = PdfReader(target)
    assert reader.metadata.title == "Dialog dossier 对话框"
    assert round(float(reader.pages[0].mediabox.width)) == 612
    titles = outline_titles(reader)
    assert "Qian Qijun · 钱其军" in titles and "Figures" not in titles and "Profiles" in titles
    assert "dialog note" in text_of(target)
    assert "from-dialog.pdf" in dialog.status_label.text() and dialog.export_button.isEnabled()
    saved = user.get_setting("export.options")
    assert saved["names"] == "en" and saved["figures"] is False and saved["page_size"] == "Letter"


def test_export_dialog_cancel_and_errors(qtbot, store, tmp_path):
    from cgt_desktop.core.domain.selection import Selection
    from cgt_desktop.ui.pdf.dialog import ExportDialog

    empty = ExportDialog(Selection(), store, None, folder=tmp_path)
    qtbot.addWidget(empty)
    assert not empty.export_button.isEnabled() and "empty" in empty.summary_label.text()
    assert not empty.part_boxes["notes"].isEnabled(), "no user data, no notes"

    dialog = ExportDialog(Selection(["person/qian-qijun", "place/zhangjiang"]), store, None, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(tmp_path / "cancelled.pdf"))
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as blocker:
        dialog.start_export()
        dialog.cancel_export()
    assert blocker.args == [""] and "cancelled" in dialog.status_label.text()
    dialog.file_edit.setText(str(tmp_path / "no" / "such" / "x.pdf"))
    with qtbot.waitSignal(dialog.export_failed, timeout=30000) as blocker:
        dialog.start_export()
    assert "cannot write" in blocker.args[0] and "cannot write" in dialog.status_label.text()
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".pdf" or p.name.startswith(".")]


def test_highlights_appear_beside_their_passage(export, home):
    from cgt_desktop.core.userdata.annotations import add_highlight

    user = UserStore(home.user_db)
    add_highlight(user, PASSAGE, "trans", "钱其军教授", 12, 17, comment="the new chairman 新任主任委员")
    result = export([PASSAGE], user)
    reader = PdfReader(result.path)
    page = reader.pages[next(reader.get_destination_page_number(o) for o in reader.outline
                             if not isinstance(o, list) and o.title.startswith("Bilingual"))]
    text = page.extract_text()
    assert "“钱其军教授”" in squeezed(text)
    assert "the new chairman" in flat(text) and "Highlight" in text


def test_many_notes_on_one_profile_are_all_printed_after_it_in_parts(export, home, monkeypatch):
    """Hundreds of notes follow the profile (a few hundred a part, each laid out on its own), none lost."""
    from cgt_desktop.ui.pdf import export as pdf_export

    monkeypatch.setattr(pdf_export, "KEEP_LAID_OUT_CHARS", 0)  # lay every part out again when painting
    user = UserStore(home.user_db)
    with user.transaction() as conn:
        conn.executemany("INSERT INTO notes(uid, target_id, body, created, edited) VALUES (?, ?, ?, ?, ?)",
                         [(f"u{i}", "place/zhangjiang", f"zjnote{i:04d} checked", "2024-01-01", "2024-01-01")
                          for i in range(650)])
    result = export(["place/zhangjiang", "person/qian-qijun"], user, notes=True)
    text = flat(text_of(result.path))
    assert all(f"zjnote{i:04d}" in text for i in (0, 299, 300, 649))
    assert len(set(re.findall(r"zjnote\d{4}", text))) == 650
    assert "(601–650 / 650)" in text
    reader = PdfReader(result.path)
    assert result.pages == len(reader.pages)
    qian = [i for i, page in enumerate(reader.pages) if "Qian Qijun" in page.extract_text()[:200]]
    assert qian and "zjnote" not in reader.pages[qian[-1]].extract_text()  # the next profile starts its own page
    user.close()


def test_an_imported_article_is_in_the_pdf_with_its_text_and_marked_as_yours(home, corpus_dir, capsys, tmp_path):
    import json

    from cgt_desktop.cli.main import main

    article = tmp_path / "news.txt"
    article.write_text("Shanghai approves a CAR-T trial\n\nThe Shanghai Cell Therapy Group said on Monday that "
                       "regulators approved its CAR-T trial.", encoding="utf-8")
    assert main(["--home", str(home.root), "--corpus", str(corpus_dir), "import", str(article), "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)["pairs"]
    target = tmp_path / "imported.pdf"
    code = main(["--home", str(home.root), "--corpus", str(corpus_dir), "export-pdf", pairs[1]["id"],
                 "-o", str(target)])
    assert code == 0, capsys.readouterr().err
    text = flat(text_of(target))
    assert "regulators approved its CAR-T trial" in text and "imported by you" in text


def test_your_entry_and_your_corrections_are_in_the_pdf_marked_as_yours(home, corpus_dir, capsys, tmp_path):
    import json

    from cgt_desktop.cli.main import main

    base = ["--home", str(home.root), "--corpus", str(corpus_dir)]
    byline = "000_1b6dce599d2df6c2#p01.s01"
    assert main([*base, "entry", "add", "person", "--name-en", "Zhang Weiming", "--cite", byline, "--json"]) == 0
    person = json.loads(capsys.readouterr().out)["id"]
    assert main([*base, "entry", "correct", "person/chen-jing", "--field", "name_en", "--value",
                 "Chen Jing (reporter)", "--cite", byline]) == 0
    assert main([*base, "entry", "wrong", "person/chen-jing>works_at>organization/china-news-online#Reporter",
                 "--note", "she is freelance"]) == 0
    capsys.readouterr()
    target = tmp_path / "mine.pdf"
    assert main([*base, "export-pdf", person, "person/chen-jing", "-o", str(target)]) == 0, capsys.readouterr().err
    text = flat(text_of(target))
    assert "Zhang Weiming" in text and "your own entry" in text
    assert "Your corrections" in text and "Chen Jing (reporter) (reference · 参考数据 : Chen Jing)" in text
    assert "you marked this wrong · 您已标记为有误 : she is freelance" in text


# -- a dossier fit to hand on (issue 16, item 10) ---------------------------------------------------------
def test_notes_print_their_markdown_as_formatting_not_as_asterisks(export, home):
    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", "Founder of **SCTG**; see *both* interviews.\n\n- first point\n- second point\n\n"
                                       "Details at [the association](https://example.org/cmba).")
    raw = text_of(export(["person/qian-qijun"], user).path)
    text = flat(raw)
    assert re.search(r"Founder of SCTG ?; see both interviews\.", text), "pypdf may split a run at a span"
    assert "**" not in text and "- first point" not in text and "first point" in text
    assert "theassociation(https://example.org/cmba)" in squeezed(raw), "paper has no links: the address is printed"


def test_the_source_list_runs_in_number_order_and_names_each_source(export, store):
    people = ["person/qian-qijun", "organization/zhangjiang-summit-cell-therapy", "person/carl-june"]
    result = export([*people, period_ref("2019-01-01", "2023-12-31")])
    text = flat(text_of(result.path))
    start = [m.start() for m in re.finditer(r"S ?ources · 资料来源", text)][-1]  # the section, not the contents
    sources = text[start:]
    listed = [int(n) for n in re.findall(r"\[(\d+)\] (?:China News Online|Bioon|undated|Unnamed|Brief|Pudong|"
                                         r"[A-Z][^\[]*?, )", sources)]
    assert listed == list(range(1, len(listed) + 1)) and len(listed) >= 20
    assert "Documents cited · 所引文献" in sources
    for cell in re.findall(r"\[(\d+(?:, \d+)+)\]", text[:start]):
        numbers = [int(n) for n in cell.split(", ")]
        assert numbers == sorted(numbers), cell


def test_profiles_follow_one_another_instead_of_leaving_pages_half_empty(export, store):
    from cgt_desktop.core.catalog.store import ListQuery

    people = store.list_ids(ListQuery("person"))[:8]
    result = export(people, timeline=False, sources=False)
    pages = [flat(p.extract_text()) for p in PdfReader(result.path).pages]
    body = pages[2:-1]  # after the title and the contents, before the last page
    assert len(pages) < 2 + len(people), "eight short profiles do not take a page each"
    assert all(len(page) > 1500 for page in body), [len(p) for p in body]
    titles = [t for t in outline_titles(PdfReader(result.path)) if "·" in t or t]
    assert len(titles) >= len(people)


def test_a_heading_never_ends_a_page(export, store):
    """Each profile's name starts the text it heads: it is never the last line of a page."""
    from cgt_desktop.core.catalog.store import ListQuery

    orgs = store.list_ids(ListQuery("organization"))[:14]
    reader = PdfReader(export(orgs, timeline=False).path)
    names = {store.names([o])[o][1] for o in orgs}
    for page in reader.pages[2:]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = lines[:-2]  # the footer is last
        assert not body or body[-1].split(" · ")[0] not in names, body[-1]


def test_timeline_labels_keep_their_date_at_the_right_edge(qapp):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont, QFontMetricsF

    from cgt_desktop.ui.pdf.timeline import place_label

    fm = QFontMetricsF(QFont("Noto Sans CJK SC", 7))
    plot = QRectF(0, 0, 500, 200)
    name = "2021 Fifth International Precision Medicine Academic Annual Conference and Industry Conference"
    text, x = place_label("c. 15 Nov 2021", name, 380, 384, plot, fm)  # a mark near the right edge
    assert text.startswith("c. 15 Nov 2021  2021 Fifth") and text.endswith("…")
    assert x >= plot.left() and x + fm.horizontalAdvance(text) <= 384 - 3, "left of the mark, inside the plot"
    text, x = place_label("2022–2024", "Shanghai action plan", 60, 490, plot, fm)  # a long bar: more room left
    assert text.startswith("2022–2024  ") and x >= plot.left()
    text, x = place_label("Feb 2019", "Centre founded", 40, 44, plot, fm)
    assert text == "Feb 2019  Centre founded" and x == 48


def test_the_title_page_counts_in_words_a_reader_expects(export, home):
    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", "One note.")
    text = flat(text_of(export(["person/qian-qijun", PASSAGE], user).path))
    assert "1 profile · " in text and "1 passage · 1 note" in text
    assert "profiles" not in text.split("Contents")[0] or "1 profiles" not in text
