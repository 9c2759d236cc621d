"""Hostile HTML in corpus text, imported annotations and notes: shown as text, never loaded or embedded.

Qt's text widgets load local files named in HTML, and a QTextDocument printed to PDF embeds them.
Here corpus text and an imported annotations file carry ``<img src="file://…">`` (pointing at a
real picture), ``<img src="http://example.com/x.png">`` and ``<script>``; the detail page and the PDF
must show those strings literally, ask Qt for no resource that is then given, embed no picture, and
link nowhere. The offline guard (tests/conftest.py) fails the test on any network attempt.
The notes panel is covered by tests/ui/test_annotations_ui.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from pypdf import PdfReader

from corpus_edit import edit_first_record

from cgt_desktop.core.userdata.annotations_io import export_annotations, import_annotations
from cgt_desktop.core.catalog.build import build_reference_db
from cgt_desktop.core.export.dossier import build_dossier
from cgt_desktop.core.domain.selection import note_ref
from cgt_desktop.core.catalog.store import Catalog
from cgt_desktop.core.userdata.userdb import UserStore
from cgt_desktop.ui.browse.detail_view import DetailView

HTTP_IMG = '<img src="http://example.com/x.png">'
SCRIPT = "<script>alert('x')</script>"


def hostile(picture: Path) -> str:
    return f'<img src="{picture.as_uri()}"> {HTTP_IMG} {SCRIPT} <b>not bold</b>'


@pytest.fixture
def picture(tmp_path) -> Path:
    """A real local picture: if anything loaded it, it would show (and end up in the PDF)."""
    path = tmp_path / "secret.png"
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(path))
    return path


@pytest.fixture
def hostile_store(corpus_dir, tmp_path, picture):
    """A reference database whose first person carries hostile HTML in its description and name."""
    people = corpus_dir / "entities" / "people.jsonl"
    record = edit_first_record(people, desc_en=hostile(picture))
    build_reference_db(corpus_dir, tmp_path / "hostile.sqlite")
    store = Catalog(tmp_path / "hostile.sqlite")
    yield store, record["id"]
    store.close()


class RecordingDetailView(DetailView):
    """The real detail page, recording every resource Qt asks it for and what it got."""

    def __init__(self, store) -> None:
        self.requests: list[tuple[str, object]] = []
        super().__init__(store)

    def loadResource(self, type_, name):  # noqa: N802 - Qt override
        result = super().loadResource(type_, name)
        self.requests.append((name.toString(), result))
        return result


def test_the_detail_page_shows_corpus_html_as_text_and_loads_nothing(qtbot, hostile_store, picture):
    store, person = hostile_store
    view = RecordingDetailView(store)
    qtbot.addWidget(view)
    view.resize(700, 900)
    view.show()
    assert view.show_page(person)
    qtbot.waitExposed(view)
    view.grab()  # paint: images are requested at layout and paint time
    text = view.plain_text()
    assert hostile(picture) in text, "the markup is shown literally"
    assert "<img" not in view.toHtml() and "<script" not in view.toHtml()
    assert view.requests == [], "escaped text names no resource, so Qt asks for none"


def _markup_reaching(widget_kind: str, qtbot, store):
    """A widget that was handed *unescaped* markup (an escaping bug) naming a local picture."""
    from cgt_desktop.ui.annotations.notes import SafeNoteBrowser
    from cgt_desktop.ui.pdf.export import DossierDocument

    if widget_kind == "pdf document":
        document = DossierDocument()
        return document, document
    widget = DetailView(store) if widget_kind == "detail page" else SafeNoteBrowser()
    qtbot.addWidget(widget)
    return widget.document(), widget  # the widget owns its document: keep it alive


@pytest.mark.parametrize("widget_kind", ["pdf document", "detail page", "notes preview"])
def test_the_resource_guard_holds_even_if_markup_slipped_through_escaping(qtbot, store, picture, widget_kind):
    """Defence in depth: refused resources are a null image, never None (for None Qt loads the file itself)."""
    from PySide6.QtGui import QPainter

    document, owner = _markup_reaching(widget_kind, qtbot, store)
    document.setHtml(f'<p>x</p><img src="{picture.as_uri()}"><img src="{picture}">'
                     '<img src="http://example.com/x.png">')
    canvas = QImage(300, 120, QImage.Format.Format_RGB32)
    canvas.fill(0xFFFFFF)
    painter = QPainter(canvas)
    document.drawContents(painter)
    painter.end()
    red = sum(canvas.pixel(x, y) == 0xFFFF0000 for x in range(0, 300, 2) for y in range(0, 120, 2))
    assert red == 0, "the local picture was painted"
    for url in (picture.as_uri(), str(picture), "http://example.com/x.png"):
        loaded = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
        assert loaded is None or loaded.isNull(), f"{url} was loaded: {loaded}"
    assert owner is not None


def _import_hostile_note(home, tmp_path, picture, target: str) -> UserStore:
    """Write an annotations file (as another cgt-desktop would), put hostile HTML in it, import it."""
    source = UserStore(tmp_path / "elsewhere.sqlite")
    source.add_note(target, "placeholder")
    exported = tmp_path / "notes.json"
    export_annotations(source, exported)
    source.close()
    text = exported.read_text(encoding="utf-8")
    assert "placeholder" in text
    exported.write_text(text.replace("placeholder", json.dumps(hostile(picture))[1:-1]), encoding="utf-8")
    user = UserStore(home.user_db)
    import_annotations(user, exported)
    return user


def _pdf_facts(path: Path) -> tuple[str, list[str], list[str]]:
    """Return the PDF's text, its image XObjects (page: name, size) and every URI it links to."""
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    images: list[str] = []
    uris: list[str] = []

    def walk_xobjects(resources, where: str) -> None:
        xobjects = resources.get("/XObject") if resources else None
        if not xobjects:
            return
        for name, ref in xobjects.get_object().items():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                images.append(f"{where}:{name} {obj.get('/Width')}x{obj.get('/Height')}")
            elif obj.get("/Subtype") == "/Form":
                walk_xobjects(obj.get("/Resources"), where)

    for number, page in enumerate(reader.pages):
        walk_xobjects(page.get("/Resources", {}).get_object(), f"page {number + 1}")
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get_object().get("/URI") is not None:
                uris.append(str(action.get_object()["/URI"]))
    return text, images, uris


def test_the_pdf_prints_hostile_corpus_and_imported_note_text_and_embeds_nothing(qapp, hostile_store, home,
                                                                                tmp_path, picture):
    from cgt_desktop.ui.pdf.export import export_pdf

    store, person = hostile_store
    user = _import_hostile_note(home, tmp_path, picture, person)
    try:
        notes = user.notes(person)
        assert [n.body for n in notes] == [hostile(picture)]
        dossier = build_dossier([person, note_ref(notes[0].uid)], store, user)
        result = export_pdf(dossier, tmp_path / "hostile.pdf")
    finally:
        user.close()
    text, images, uris = _pdf_facts(result.path)
    squeezed = re.sub(r"\s+", "", text)
    for literal in (f'src="{picture.as_uri()}">', HTTP_IMG, SCRIPT, "<b>not bold</b>"):
        assert re.sub(r"\s+", "", literal) in squeezed, literal
    assert squeezed.count(re.sub(r"\s+", "", HTTP_IMG)) >= 2, "in the description and in the imported note"
    assert images == [], f"no picture is embedded: {images}"
    assert not [u for u in uris if u.startswith(("file:", "http:", "https:"))], uris
    raw = result.path.read_bytes()
    assert b"file://" not in raw and b"example.com" not in raw, "no URL anywhere in the file's objects"


def test_the_app_starts_on_a_corpus_with_broken_lines(qapp, tmp_path, corpus_dir, monkeypatch, capsys):
    """A broken line in db/ (bad JSON, bad bytes) costs that record, not the app: it builds from what loads."""
    from PySide6.QtWidgets import QApplication

    from cgt_desktop.cli.main import build_parser
    from cgt_desktop.ui.shell.app import run_app
    from cgt_desktop.ui.shell.main_window import MainWindow

    people = corpus_dir / "entities" / "people.jsonl"
    good = len(people.read_bytes().splitlines())
    people.write_bytes(people.read_bytes() + b'{"id": "person/broken", \n' + b"\xff\xfe\x00 not utf-8\n")
    seen: list[int] = []

    def fake_exec(app):
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        app.processEvents()
        for window in windows:
            window.show_kind("person")
            seen.append(window.lists["person"].model.rowCount())
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = build_parser().parse_args(["--home", str(tmp_path / "home"), "--corpus", str(corpus_dir)])
    assert run_app(args) == 0
    assert seen == [good], "every good person is listed"
    assert "Traceback" not in capsys.readouterr().err


def test_the_app_recovers_a_damaged_user_database_and_backs_up_on_quit(qapp, tmp_path, corpus_dir, monkeypatch,
                                                                     capsys):
    """At start a damaged user.sqlite is kept aside and the newest backup restored (said on stderr and in a
    dialog); on quit a fresh checked backup is taken."""
    from PySide6.QtWidgets import QApplication

    from cgt_desktop.cli.main import build_parser
    from cgt_desktop.core.userdata.backup import list_backups, make_backup
    from cgt_desktop.core.system.paths import Home
    from cgt_desktop.ui.shell.app import run_app
    from cgt_desktop.ui.shell.main_window import MainWindow

    home = Home(tmp_path / "home").ensure()
    user = UserStore(home.user_db)
    user.add_note("person/qian-qijun", "saved in the backup")
    user.close()
    first = make_backup(home.user_db, home.backups_dir, now=1_700_000_000)
    home.user_db.write_bytes(b"garbage" * 1000)
    for companion in ("-wal", "-shm"):
        Path(str(home.user_db) + companion).unlink(missing_ok=True)
    seen: list[list[str]] = []

    def fake_exec(app):
        for window in [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]:
            seen.append([n.body for n in window.user.notes()])
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    args = build_parser().parse_args(["--home", str(home.root), "--corpus", str(corpus_dir)])
    assert run_app(args) == 0
    assert seen == [["saved in the backup"]]
    err = capsys.readouterr().err
    assert "damaged" in err and "Restored the newest good backup" in err
    assert len(list(home.root.glob("user.sqlite.*.damaged"))) == 1
    backups = list_backups(home.backups_dir)
    assert len(backups) == 2 and first in backups, "a new backup was taken on quit"
