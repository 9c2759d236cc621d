"""Measure cgt-desktop on a synthetic large corpus and print each figure next to its target.

Usage::

    python benchmarks/run.py --corpus DIR [--repeat N] [--json out.json] [--only NAME,...]

``DIR`` is a folder made by ``benchmarks/make_corpus.py`` (``DIR/db``, ``DIR/home``,
``DIR/manifest.json``). Timing uses only the standard library
(``time.perf_counter``; peak memory from ``resource.getrusage``). Every figure is
the median and the 95th percentile over repeated runs. A feature whose module has
not landed yet is reported as "not available yet" (``null`` in the JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

#: metric key -> (label, target in seconds / MB / ratio, unit). ``None`` target: reported, not judged.
METRICS: dict[str, tuple[str, float | None, str]] = {
    "start_app": ("cold start to first paint, app", None, "s"),
    "start_bare": ("cold start to first paint, bare PySide6 tab window", None, "s"),
    "start_ratio": ("start ratio app / bare", 2.0, "x"),
    "after_first_frame": ("GUI busy just after the first frame (docks, last page, checks)", None, "s"),
    "search": ("search latency, all queries", 0.030, "s"),
    "suggest_first": ("did-you-mean for a misspelt query, first of a session (reads every name)", None, "s"),
    "suggest": ("did-you-mean for a misspelt query, later ones", 0.100, "s"),
    "tab_open": ("tab open (model + first page of rows)", 0.150, "s"),
    "table_page": ("table scroll, one page of 40 rows", None, "s"),
    "table_scroll_all": ("table scroll, every row of the largest tab", None, "s"),
    "sort": ("sort by a column", 0.100, "s"),
    "filter": ("facet / text filter", 0.100, "s"),
    "entity_page": ("entity page, most relations (store + render)", 0.050, "s"),
    "entity_page_view": ("entity page shown in the detail view (incl. Qt layout)", None, "s"),
    "entity_page_first": ("first page of a session, in a new app's window (cold)", None, "s"),
    "timeline_first": ("timeline first render, all events", 0.500, "s"),
    "timeline_frame": ("timeline pan frame (the issue's target: pan frame ≤ 16 ms)", 0.016, "s"),
    "timeline_zoom_frame": ("timeline zoom frame", None, "s"),
    "reader_open": ("200-page document open in the reader", 0.300, "s"),
    "reader_scroll": ("reader scroll frame (page down)", None, "s"),
    "reader_open_first": ("first document of a session (the 200-page one), new app (cold)", None, "s"),
    "pdf_export": ("100-entity dossier to PDF", 5.0, "s"),
    "note_draft": ("keeping a 4 KB note draft (on the GUI thread, a pause in typing)", 0.016, "s"),
    "peak_rss": ("peak memory (RSS), one app session using every feature", 400.0, "MB"),
}

SEARCH_QUERIES: dict[str, list[str]] = {
    "zh-1": ["细", "王", "瘤", "张"],
    "zh-2": ["细胞", "上海", "治疗", "王伟"],
    "zh-phrase": ["细胞治疗", "临床试验", "基因编辑", "多发性骨髓瘤", "上海细胞治疗研究中心"],
    "en-word": ["therapy", "lymphoma", "Shanghai", "clinical trial", "CD19"],
    "en-prefix": ["immun", "lympho", "Shang", "ther", "biotech"],
    "pinyin": ["wangwei", "zhang wei", "li ming", "chenjing", "Huang Hua"],
}


class NotAvailable(Exception):
    """The module a figure needs has not landed yet."""


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered) + 0.5)) - 1))]
    return {"median": statistics.median(ordered), "p95": p95, "n": len(ordered), "max": ordered[-1]}


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    ram = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        ram = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        pass
    info = {"nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "cpu": cpu, "ram": ram, "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "platform": platform.platform(), "loadavg_1_5_15": [round(x, 2) for x in os.getloadavg()]}
    try:
        import PySide6

        info["pyside6"] = PySide6.__version__
    except ImportError:
        info["pyside6"] = None
    try:
        from importlib.metadata import version

        info["pyqtgraph"] = version("pyqtgraph")
    except Exception:  # noqa: BLE001 - informative only
        info["pyqtgraph"] = None
    return info


# -- cold start (subprocesses) ----------------------------------------------------------------
# The first paint is timed from the window's own Paint event: a 0 ms timer posted there fires once the
# whole frame has been painted and flushed. The hook watches that one window; an application-wide Python
# event filter would itself slow the start (every event Qt sends would call into Python).
_PAINT_HOOK = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
class _FirstPaint(QObject):
    def __init__(self, window):
        super().__init__()
        self.window = window
        window.installEventFilter(self)
    def eventFilter(self, obj, event):
        if obj is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted)
        return False
    def painted(self):
        marks["painted"] = time.perf_counter() - T0
        print("PAINTED", json.dumps(marks), flush=True)
        os._exit(0)
"""

BARE_CHILD = """
import json, time
T0 = time.perf_counter(); marks = {}
""" + _PAINT_HOOK + """
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
app = QApplication([])
window = QMainWindow()
tabs = QTabWidget()
for i in range(9):
    tabs.addTab(QWidget(), f"Tab {i}")
window.setCentralWidget(tabs)
window.resize(1280, 800)
hook = _FirstPaint(window)
marks["built"] = time.perf_counter() - T0
window.show()
app.exec()
"""

# The app is started as the user starts it: the ``cgt-desktop`` entry point (start-up doctor, command
# line, single-instance check, user data check, idle backup…). Only ``QWidget.show`` is wrapped, to
# watch the main window once it is shown; it is wrapped when the app itself imports QtWidgets (the
# entry point forks and imports its core before Qt loads, and Qt's import hook then costs less).
APP_CHILD = """
import importlib.machinery, json, sys, time
T0 = time.perf_counter(); marks = {}
home, corpus = sys.argv[1], sys.argv[2]
def _watch(widgets):
    exec(_PAINT_HOOK_SRC, globals())
    _show = widgets.QWidget.show
    def show(widget):
        if isinstance(widget, widgets.QMainWindow) and not hasattr(sys, "_hook"):
            marks["window_shown"] = time.perf_counter() - T0
            sys._hook = _FirstPaint(widget)
        _show(widget)
    widgets.QWidget.show = show
class _WhenQtWidgetsLoads:
    def find_spec(self, name, path, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module
        def exec_and_watch(module):
            exec_module(module)
            marks["qtwidgets_imported"] = time.perf_counter() - T0
            _watch(module)
        spec.loader.exec_module = exec_and_watch
        return spec
sys.meta_path.insert(0, _WhenQtWidgetsLoads())
sys.argv = ["cgt-desktop", "--home", home, "--corpus", corpus]
from cgt_desktop.__main__ import main
marks["entry_point_imported"] = time.perf_counter() - T0
main()
print("EXITED", flush=True)
""".replace("_PAINT_HOOK_SRC", repr(_PAINT_HOOK))


# The in-app children build the main window the way the app does (its start path without the entry point).
_WINDOW = """
import argparse
def main_window(home, corpus, user_home=None):
    \"\"\"Return (app, store, user, window): the app's main window at 1280×800, not yet shown.\"\"\"
    from cgt_desktop.ui.shell.app import _application, open_data
    app = _application()
    store, user = open_data(argparse.Namespace(home=home, corpus=corpus), user_home=user_home,
                            splash=lambda message: None)
    from cgt_desktop.ui.common.i18n import Translations
    from cgt_desktop.ui.shell.main_window import MainWindow
    window = MainWindow(store, user, Translations(app))
    window.resize(1280, 800)
    return app, store, user, window
"""

SESSION_CHILD = _WINDOW + """
import json, resource, sys, time
home, corpus, hub, big = sys.argv[1:5]


def peak_mb():
    # VmHWM belongs to this process image (ru_maxrss would include the parent's size at fork on Linux).
    try:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


from cgt_desktop.core.domain.kinds import KINDS
app, store, user, window = main_window(home, corpus)
window.show()
app.processEvents()
steps = {}
for kind in KINDS:
    window.show_kind(kind)
    app.processEvents()
    window.lists[kind].view.scrollToBottom()
    app.processEvents()
steps["tabs"] = peak_mb()
for query in ("细胞", "王伟", "therapy", "wangwei", "immun"):
    try:
        store.search(query, prefix_last=True)
    except Exception as exc:  # a database built by an older search module: measure the rest
        print(f"search failed: {exc}", file=sys.stderr)
window.open_page(hub)
app.processEvents()
steps["entity"] = peak_mb()
if window.show_timeline():
    deadline = time.perf_counter() + 300
    while getattr(window.timeline.controller, "layout", True) is None and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)
    window.timeline.plot.grab()
steps["timeline"] = peak_mb()
window.open_page("read:" + big)
app.processEvents()
steps["reader"] = peak_mb()
try:
    from cgt_desktop.core.export.dossier import build_dossier
    from cgt_desktop.ui.pdf.export import export_pdf
    import tempfile, os
    ids = [r[0] for r in store.db.execute(
        "SELECT id FROM entities WHERE kind IN ('person','organization') ORDER BY id LIMIT 100")]
    with tempfile.TemporaryDirectory() as scratch:
        export_pdf(build_dossier(ids, store, user), os.path.join(scratch, "d.pdf"))
    steps["pdf"] = peak_mb()
except ImportError:
    pass
print("PAINTED", json.dumps(steps), flush=True)
"""


# The first page (an entity's, or a document in the reader) a user opens in a new app, after its first
# frame: what that path loads or builds on first use counts here, which the warm figures do not see.
FIRST_PAGE_CHILD = _WINDOW + """
import json, sys, tempfile, time
from pathlib import Path
home, corpus, page = sys.argv[1:4]
scratch = tempfile.mkdtemp(prefix="cgt-first-page-")  # fresh user data: no remembered page opens first
app, store, user, window = main_window(home, corpus, user_home=Path(scratch))
painted = []
window.first_painted.connect(lambda: painted.append(True))
window.show()
while not painted:
    app.processEvents()
started = time.perf_counter()
window.open_page(page)
app.processEvents()
first = time.perf_counter() - started
started = time.perf_counter()
window.open_page(page)
app.processEvents()
print("PAINTED", json.dumps({"first": first, "again": time.perf_counter() - started}), flush=True)
window.close()
user.close()
store.close()
import shutil
shutil.rmtree(scratch, ignore_errors=True)
"""


def bench_first_page(ctx: dict[str, Any], page: str) -> tuple[list[float], dict[str, Any]]:
    """*page* (an entity id, ``read:<document id>``) as the first page of new app sessions (child processes)."""
    firsts, agains = [], []
    for _ in range(ctx["repeat"]):
        _, marks, _ = _run_child(FIRST_PAGE_CHILD, [str(ctx["home"]), str(ctx["db"]), page])
        firsts.append(marks["first"])
        agains.append(marks["again"])
    return firsts, {"page": page, "same_page_again_median_s": statistics.median(agains)}


def bench_session_memory(ctx: dict[str, Any]) -> dict[str, Any]:
    """Peak RSS of one app session (a child process) that uses every feature once."""
    hub = ctx["manifest"].get("hub_entity") or ""
    big = ctx["manifest"].get("big_document") or ""
    _, steps, _ = _run_child(SESSION_CHILD, [str(ctx["home"]), str(ctx["db"]), hub, big], timeout=900)
    return {"peak_rss": ([max(steps.values())], {"what": "peak RSS of one app session (child process): main window, "
                                               "every tab scrolled to the end, search, the entity page with "
                                               "most relations, timeline, 200-page reader, 100-entity PDF",
                                       "peak_mb_after_each_step": steps})}


def _run_child(code: str, args: list[str], timeout: float = 300) -> tuple[float, dict[str, float], int]:
    """Run a child interpreter; return (seconds to its first paint, its marks, its peak RSS in KB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO / "src"))
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=env, text=True)
    timer = __import__("threading").Timer(timeout, proc.kill)
    timer.start()
    line = proc.stdout.readline() if proc.stdout else ""
    elapsed = time.perf_counter() - started
    timer.cancel()
    _, status, usage = os.wait4(proc.pid, 0)
    stderr = proc.stderr.read() if proc.stderr else ""
    if not line.startswith("PAINTED"):
        raise RuntimeError(f"child did not paint (status {status}): {stderr[-2000:]}")
    return elapsed, json.loads(line.split(" ", 1)[1]), usage.ru_maxrss


# The work the window does on the GUI thread just after its first frame (docks, the Annotations tab, the
# last page, the anchor check when due), timed from the end of that frame to ``first_painted``: the
# window is shown but does not answer input meanwhile. On the benchmark home (20 000 annotations).
AFTER_FRAME_CHILD = _WINDOW + """
import json, sys, time
home, corpus = sys.argv[1:3]
app, store, user, window = main_window(home, corpus)
from PySide6.QtCore import QEvent, QObject, QTimer
marks = {}
class _Frame(QObject):
    def eventFilter(self, obj, event):  # runs before the window's paintEvent posts its own timer
        if event.type() == QEvent.Type.Paint and not marks:
            marks["posted"] = True
            QTimer.singleShot(0, lambda: marks.setdefault("frame", time.perf_counter()))
        return False
watch = _Frame()
window.installEventFilter(watch)
done = []
window.first_painted.connect(lambda: done.append(time.perf_counter()))
window.show()
while not done:
    app.processEvents()
print("PAINTED", json.dumps({"busy": done[0] - marks["frame"]}), flush=True)
"""


def bench_start(ctx: dict[str, Any]) -> dict[str, Any]:
    app_times, bare_times, ratios, marks, rss = [], [], [], [], []
    home, corpus = str(ctx["home"]), str(ctx["db"])
    # An installed app starts from byte code (pip compiles it); a source tree under PYTHONDONTWRITEBYTECODE
    # would recompile every module at every start, which no user pays.
    import compileall

    compileall.compile_dir(str(REPO / "src"), quiet=1)
    _run_child(BARE_CHILD, [])  # warm the file cache for both
    _run_child(APP_CHILD, [home, corpus])
    for _ in range(ctx["repeat"]):
        bare, _, _ = _run_child(BARE_CHILD, [])
        app, mark, kb = _run_child(APP_CHILD, [home, corpus])
        app_times.append(app)
        bare_times.append(bare)
        ratios.append(app / bare)
        marks.append(mark)
        rss.append(kb / 1024)
    breakdown = {k: statistics.median(m[k] for m in marks) for k in marks[0]}
    busy = [_run_child(AFTER_FRAME_CHILD, [home, corpus])[1]["busy"] for _ in range(ctx["repeat"])]
    return {"start_app": (app_times, {"child_marks_median_s": breakdown, "peak_rss_mb": max(rss)}),
            "start_bare": (bare_times, {}), "start_ratio": (ratios, {}),
            "after_first_frame": (busy, {"what": "from the end of the first frame to first_painted, on the "
                                                 "benchmark home (its annotations and last page)"})}


# -- in-process measurements ------------------------------------------------------------------
def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_search(ctx: dict[str, Any]) -> dict[str, Any]:
    store = ctx["store"]
    samples, by_group = [], {}
    for group, queries in SEARCH_QUERIES.items():
        prefix = group == "en-prefix"
        group_samples = []
        for query in queries:
            store.search(query, prefix_last=prefix)  # first run: page cache
            for _ in range(ctx["repeat"]):
                group_samples.append(_timed(lambda q=query: store.search(q, prefix_last=prefix)))
        by_group[group] = summary(group_samples)
        samples += group_samples
    worst = {}
    for group, queries in SEARCH_QUERIES.items():
        for query in queries:
            worst[query] = statistics.median(
                _timed(lambda q=query: store.search(q, prefix_last=group == "en-prefix")) for _ in range(3))
    top = sorted(worst.items(), key=lambda kv: -kv[1])[:5]
    misspelt = ("Zhangjang", "Shanghia", "zhao yangbin", "Fosan Kite", "钱其君")
    first = [_timed(lambda: store.suggest(misspelt[0]))]  # builds the word table once
    later = [_timed(lambda q=q: store.suggest(q)) for q in misspelt for _ in range(ctx["repeat"])]
    return {"search": (samples, {"by_group": by_group, "slowest_queries_median_s": dict(top)}),
            "suggest_first": (first, {}), "suggest": (later, {})}


def _fetch_page(model: Any, first: int, rows: int = 40) -> None:
    from PySide6.QtCore import Qt

    for row in range(first, min(model.rowCount(), first + rows)):
        for column in range(model.columnCount()):
            model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)


def bench_tables(ctx: dict[str, Any]) -> dict[str, Any]:
    from dataclasses import replace

    from PySide6.QtCore import Qt

    from cgt_desktop.core.domain.kinds import KINDS
    from cgt_desktop.ui.browse.entity_table import EntityListController

    store, repeat = ctx["store"], ctx["repeat"]
    opens, per_kind = [], {}
    controllers = {}
    for kind in KINDS:
        kind_samples = []
        for _ in range(repeat):
            def open_tab() -> None:
                controllers[kind] = EntityListController(store, kind)
                _fetch_page(controllers[kind].model, 0)
            kind_samples.append(_timed(open_tab))
        per_kind[kind] = summary(kind_samples)
        opens += kind_samples
    largest = max(KINDS, key=lambda k: controllers[k].model.rowCount())
    model = controllers[largest].model
    rnd = random.Random(7)
    pages = []
    for _ in range(repeat * 10):
        model._cache.clear()  # a page never seen before: worst case (a block fetch)
        pages.append(_timed(lambda: _fetch_page(model, rnd.randrange(max(1, model.rowCount())))))
    scroll_all = []
    for _ in range(max(1, repeat // 2)):
        model._cache.clear()
        scroll_all.append(_timed(lambda: _fetch_page(model, 0, model.rowCount())))
    sorts, sort_detail = [], {}
    for kind in ("person", "event", "organization"):
        m = controllers[kind].model
        for column in range(m.columnCount()):
            by_order: dict[str, list[float]] = {"DescendingOrder": [], "AscendingOrder": []}
            for _ in range(repeat):  # alternate, so that every call really re-sorts (same sort: no-op)
                for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                    by_order[order.name].append(_timed(lambda: (m.sort(column, order), _fetch_page(m, 0))))
            for name, samples in by_order.items():
                sort_detail[f"{kind}:{m.columns[column]}:{name}"] = statistics.median(samples)
                sorts += samples
    filters, filter_detail = [], {}
    cases = [("person", (("type", "scientist"),), ""), ("organization", (("type", "company"),), ""),
             ("event", (("type", "clinical"),), ""), ("event", (("year", 2019),), ""),
             ("person", (), "wang"), ("person", (), "王伟"), ("organization", (), "shanghai"),
             ("person", (("type", "physician"),), "li")]
    for kind, facets, text in cases:
        m = controllers[kind].model
        base = m.query

        def apply() -> None:
            m.set_query(replace(base, facets=facets, text=text))
            _fetch_page(m, 0)
        samples = []
        for _ in range(repeat):
            samples.append(_timed(apply))
            m.set_query(base)
        filter_detail[f"{kind}:{facets}:{text!r}"] = statistics.median(samples)
        filters += samples
    slow_sorts = dict(sorted(sort_detail.items(), key=lambda kv: -kv[1])[:6])
    return {"tab_open": (opens, {"by_kind": per_kind}),
            "table_page": (pages, {"kind": largest, "rows": model.rowCount()}),
            "table_scroll_all": (scroll_all, {"kind": largest, "rows": model.rowCount()}),
            "sort": (sorts, {"slowest_median_s": slow_sorts}),
            "filter": (filters, {"median_s": filter_detail})}


def bench_entity_page(ctx: dict[str, Any]) -> dict[str, Any]:
    store = ctx["store"]
    hub = ctx["manifest"].get("hub_entity")
    if not hub:
        hub = store.db.execute("SELECT subject FROM relations GROUP BY subject ORDER BY count(*) DESC LIMIT 1"
                               ).fetchone()[0]
    n_rel = store.db.execute("SELECT count(*) FROM relations WHERE subject = ? OR object = ?", [hub, hub]).fetchone()[0]
    try:
        from cgt_desktop.ui.browse.detail_view import DetailView
        from cgt_desktop.ui.browse.page_html import PageRenderer
    except ImportError:
        DetailView = PageRenderer = None  # noqa: N806
    page_call = getattr(store, "entity_page", store.entity)  # what the page reads (first 50 per list)
    page_call(hub)
    samples, store_only, store_full, view_samples = [], [], [], []
    for _ in range(ctx["repeat"]):
        store_only.append(_timed(lambda: page_call(hub)))
        store_full.append(_timed(lambda: store.entity(hub)))
        if PageRenderer is not None:
            samples.append(_timed(lambda: PageRenderer(store).entity_page(hub)))
    out: dict[str, Any] = {}
    detail = {"entity": hub, "relations": n_rel, "store_page_median_s": statistics.median(store_only),
              "store_entity_full_median_s": statistics.median(store_full)}
    out["entity_page"] = (samples or store_only, detail)
    if DetailView is not None:
        view = DetailView(store)
        view.resize(640, 800)
        view.show()
        for _ in range(ctx["repeat"]):
            view_samples.append(_timed(lambda: (view.show_page(hub), view.repaint())))
        view.close()
        out["entity_page_view"] = (view_samples, {})
        out["entity_page_first"] = bench_first_page(ctx, hub)
    return out


def bench_timeline(ctx: dict[str, Any]) -> dict[str, Any]:
    try:
        from cgt_desktop.ui.timeline.panel import TimelinePanel
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    # A second after its first paint the app imports pyqtgraph and reads the events on a background
    # thread (MainWindow.warm_up_timeline), so a Timeline click only lays them out. Time that warm-up
    # on its own (the first one includes importing pyqtgraph), then the panel built with its loader, as
    # in the app. Opening the tab within that first second waits for the rest of the warm-up.
    from cgt_desktop.ui.timeline.controller import ColumnsLoader, start_warm_up

    warm_ups = []
    firsts, panel = [], None
    for _ in range(max(1, ctx["repeat"])):
        loader = ColumnsLoader(ctx["store"])
        warm_ups.append(_timed(lambda: start_warm_up(loader).join()))
        if panel is not None:
            panel.close()
            panel.deleteLater()
            app.processEvents()

        def first() -> None:
            nonlocal panel
            panel = TimelinePanel(ctx["store"], loader=loader)
            panel.resize(1280, 800)
            panel.show()
            app.processEvents()
            controller = getattr(panel, "controller", None)
            deadline = time.perf_counter() + 120
            # Large timelines lay out on a worker thread: wait until the plot shows the layout.
            while controller is not None and getattr(controller, "layout", True) is None:
                if time.perf_counter() > deadline:
                    raise RuntimeError("the timeline layout did not arrive within 120 s")
                app.processEvents()
                time.sleep(0.001)
            panel.plot.grab()
        firsts.append(_timed(first))
    plot = panel.plot
    # One frame = the pan or zoom, then exactly one paint of the plot, as on screen. (grab() would paint
    # the whole plot a second time into a pixmap: the first version of this benchmark counted both.)
    from PySide6.QtCore import QEvent, QObject

    class _Paints(QObject):
        count = 0

        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                _Paints.count += 1
            return False

    paints = _Paints()
    plot.viewport().installEventFilter(paints)
    frames, by_how = [], {"pan": [], "zoom": []}
    steps = [("pan", 0.1)] * 10 + [("pan", -0.1)] * 10 + [("zoom", 0.8)] * 5 + [("zoom", 1.25)] * 5
    for _ in range(ctx["repeat"]):
        for how, amount in steps:
            def frame() -> None:
                before = _Paints.count
                getattr(plot, how)(amount)
                app.processEvents()
                if _Paints.count == before:  # the event loop did not paint yet: paint now
                    plot.viewport().repaint()
            took = _timed(frame)
            frames.append(took)
            by_how[how].append(took)
    plot.viewport().removeEventFilter(paints)
    events = ctx["store"].db.execute("SELECT count(*) FROM event_details").fetchone()[0]
    panel.close()
    return {"timeline_first": (firsts, {"events": events, "background_warm_up_s": warm_ups,
                                        "what": "a new TimelinePanel to its painted layout after the app's "
                                                "background warm-up (pyqtgraph imported, events read)"}),
            "timeline_frame": (by_how["pan"], {"frames": len(by_how["pan"]), "all_frames": summary(frames)}),
            "timeline_zoom_frame": (by_how["zoom"], {"frames": len(by_how["zoom"])})}


def bench_reader(ctx: dict[str, Any]) -> dict[str, Any]:
    try:
        from cgt_desktop.ui.reader.panel import ReaderPanel
    except ImportError as exc:
        raise NotAvailable(str(exc)) from exc
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    store = ctx["store"]
    doc = ctx["manifest"].get("big_document") or store.db.execute(
        "SELECT id FROM document_details ORDER BY sentence_count DESC LIMIT 1").fetchone()[0]
    sentences = store.db.execute("SELECT sentence_count FROM document_details WHERE id = ?", [doc]).fetchone()[0]
    panel = ReaderPanel(store)
    panel.resize(1280, 800)
    panel.show()
    app.processEvents()
    other = store.db.execute("SELECT id FROM document_details WHERE id != ? LIMIT 1", [doc]).fetchone()[0]
    opens = []
    for _ in range(ctx["repeat"]):
        panel.open_document(other)
        app.processEvents()
        opens.append(_timed(lambda: (panel.open_document(doc), app.processEvents(), panel.view.viewport().repaint())))
    bar = panel.view.verticalScrollBar()
    frames = []
    for _ in range(ctx["repeat"]):
        bar.setValue(0)
        app.processEvents()
        for _step in range(60):
            frames.append(_timed(lambda: (bar.setValue(bar.value() + bar.pageStep()), panel.view.viewport().repaint())))
        frames.append(_timed(lambda: (bar.setValue(bar.maximum()), panel.view.viewport().repaint())))
    panel.close()
    return {"reader_open": (opens, {"document": doc, "sentences": sentences}),
            "reader_scroll": (frames, {"scroll_max_px": bar.maximum()}),
            "reader_open_first": bench_first_page(ctx, "read:" + doc)}


def _pdf_exporter(ctx: dict[str, Any]) -> Callable[[Any, list[str], Path], Any]:
    """Return ``export(store, ids, path)``: build the dossier (core.dossier) and write it (ui.pdf_export)."""
    try:
        from cgt_desktop.core.export.dossier import build_dossier
        from cgt_desktop.core.userdata.userdb import UserStore
        from cgt_desktop.ui.pdf.export import export_pdf
    except ImportError as exc:
        raise NotAvailable(f"no PDF dossier export yet ({exc})") from exc
    user = UserStore(ctx["home"] / "user.sqlite")
    ctx.setdefault("closers", []).append(user.close)

    def export(store: Any, ids: list[str], path: Path) -> Any:
        return export_pdf(build_dossier(ids, store, user), path)
    return export


def bench_pdf(ctx: dict[str, Any]) -> dict[str, Any]:
    export = _pdf_exporter(ctx)
    store = ctx["store"]
    ids = [r[0] for r in store.db.execute(
        "SELECT id FROM entities WHERE kind IN ('person','organization') ORDER BY id LIMIT 100")]
    out_dir = ctx["scratch"]
    samples = []
    for i in range(max(1, ctx["repeat"] // 2)):
        target = out_dir / f"dossier-{i}.pdf"
        samples.append(_timed(lambda: export(store, ids, target)))
    size = (out_dir / "dossier-0.pdf").stat().st_size if (out_dir / "dossier-0.pdf").exists() else None
    return {"pdf_export": (samples, {"entities": len(ids), "pdf_bytes": size})}


def bench_draft(ctx: dict[str, Any]) -> dict[str, Any]:
    """A durable write (WAL, synchronous=FULL) into the corpus home's user database, as the editor makes."""
    from cgt_desktop.core.userdata import drafts
    from cgt_desktop.core.userdata.userdb import UserStore

    user = UserStore(ctx["home"] / "user.sqlite")
    body = "问一下 2017 年的 IND 申请, and the CBMG licence. " * 90
    try:
        samples = [_timed(lambda i=i: drafts.save_draft(user, "person/benchmark", f"{body}{i}"))
                   for i in range(max(50, ctx["repeat"] * 20))]
        drafts.discard_draft(user, "person/benchmark")
    finally:
        user.close()
    return {"note_draft": (samples, {"bytes": len(body.encode())})}


BENCHES: list[tuple[str, Callable[[dict[str, Any]], dict[str, Any]], tuple[str, ...]]] = [
    ("start", bench_start, ("start_app", "start_bare", "start_ratio", "after_first_frame")),
    ("search", bench_search, ("search", "suggest_first", "suggest")),
    ("tables", bench_tables, ("tab_open", "table_page", "table_scroll_all", "sort", "filter")),
    ("entity", bench_entity_page, ("entity_page", "entity_page_view", "entity_page_first")),
    ("timeline", bench_timeline, ("timeline_first", "timeline_frame", "timeline_zoom_frame")),
    ("reader", bench_reader, ("reader_open", "reader_scroll", "reader_open_first")),
    ("pdf", bench_pdf, ("pdf_export",)),
    ("draft", bench_draft, ("note_draft",)),
    ("memory", bench_session_memory, ("peak_rss",)),
]


def run(corpus: Path, repeat: int = 5, only: set[str] | None = None, quiet: bool = False) -> dict[str, Any]:
    """Run the benchmarks on a corpus folder; return the JSON-ready results."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from cgt_desktop.core.catalog.store import Catalog

    corpus = Path(corpus)
    manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
    home = corpus / "home"
    app = QApplication.instance() or QApplication([])
    try:
        from cgt_desktop.ui.common.fonts import apply_app_font

        apply_app_font(app)
    except ImportError:
        pass
    from cgt_desktop.core.catalog.refresh import ensure_reference_db

    # Up to date before the in-process figures open it (a start child would otherwise rebuild it under
    # an open connection, which would go on reading the replaced file).
    ensure_reference_db(corpus / "db", home / "cache" / "reference.sqlite")
    store = Catalog(home / "cache" / "reference.sqlite")
    scratch = Path(tempfile.mkdtemp(prefix="cgt-bench-"))
    ctx = {"store": store, "home": home, "db": corpus / "db", "manifest": manifest, "repeat": max(1, repeat),
           "scratch": scratch}
    metrics: dict[str, Any] = {key: None for key in METRICS}
    details: dict[str, Any] = {}
    errors: dict[str, str] = {}
    rss_after: dict[str, float] = {}
    for name, bench, keys in BENCHES:
        if only and name not in only:
            continue
        if not quiet:
            print(f"… {name}", file=sys.stderr, flush=True)
        try:
            results = bench(ctx)
        except NotAvailable as exc:
            for key in keys:
                errors[key] = f"not available yet: {exc}"
            continue
        except Exception as exc:  # a broken module must not stop the other figures
            for key in keys:
                errors[key] = f"error: {exc.__class__.__name__}: {exc}"
            details[f"{name}_traceback"] = traceback.format_exc()
            continue
        for key, (samples, extra) in results.items():
            if samples:
                metrics[key] = summary(samples)
            if extra:
                details[key] = extra
        rss_after[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for close in ctx.get("closers", []):
        close()
    store.close()
    details["benchmark_process_peak_mb_after_each_step"] = rss_after
    for key, (_, target, unit) in METRICS.items():
        m = metrics[key]
        if m is not None:
            m["target"] = target
            m["unit"] = unit
            judged = m["median"] if key == "start_ratio" else m["p95"]  # strict: p95 (the slowest tabs…)
            m["pass"] = None if target is None else judged <= target
    return {"machine": machine(), "corpus": str(corpus), "counts": manifest.get("build_counts") or manifest["counts"],
            "generation": manifest.get("times"), "repeat": ctx["repeat"],
            "command": " ".join([Path(sys.executable).name, *sys.argv]),
            "metrics": metrics, "details": details, "errors": errors}


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f}×"


def report(results: dict[str, Any]) -> str:
    lines = [f"{'figure':<58} {'median':>11} {'p95':>11} {'target':>11}  verdict"]
    for key, (label, target, unit) in METRICS.items():
        m = results["metrics"].get(key)
        if m is None:
            why = results["errors"].get(key, "not measured")
            lines.append(f"{label:<58} {why}")
            continue
        verdict = "" if m["pass"] is None else ("pass" if m["pass"] else "MISS")
        tgt = f"≤ {_fmt(target, unit)}" if target is not None else "—"
        lines.append(f"{label:<58} {_fmt(m['median'], unit):>11} {_fmt(m['p95'], unit):>11} {tgt:>11}  {verdict}")
    mach = results["machine"]
    lines.append(f"machine: {mach['nproc']} cores, {mach['cpu']}, {mach['ram']} RAM; Python {mach['python']}, "
                 f"SQLite {mach['sqlite']}, PySide6 {mach['pyside6']}")
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    """The figures as a Markdown table (for BENCHMARKS.md)."""
    rows = ["| figure | median | p95 | target | verdict |", "|---|---:|---:|---:|---|"]
    for key, (label, target, unit) in METRICS.items():
        m = results["metrics"].get(key)
        if m is None:
            rows.append(f"| {label} | — | — | {'≤ ' + _fmt(target, unit) if target is not None else '—'} | "
                        f"{results['errors'].get(key, 'not measured')} |")
            continue
        verdict = "" if m["pass"] is None else ("pass" if m["pass"] else "**MISS**")
        tgt = f"≤ {_fmt(target, unit)}" if target is not None else "—"
        rows.append(f"| {label} | {_fmt(m['median'], unit)} | {_fmt(m['p95'], unit)} | {tgt} | {verdict} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", required=True, type=Path, help="folder made by benchmarks/make_corpus.py")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure (median and p95 over them)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--markdown", type=Path, help="also write the figures as a Markdown table here")
    parser.add_argument("--only", default="", help="comma-separated subset: " + ",".join(b[0] for b in BENCHES))
    args = parser.parse_args(argv)
    only = {x.strip() for x in args.only.split(",") if x.strip()} or None
    results = run(args.corpus, args.repeat, only)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"results written to {args.json}")
    if args.markdown:
        args.markdown.write_text(markdown(results), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
