"""The main window's status bar, tab labels and period: what every view shows of the current filters.

A mixin of :class:`~cgt_desktop.ui.shell.main_window.MainWindow` (its own module: the window had
grown past 600 lines). One period is set here for every list and the timeline alike; each tab
says how many of its entries show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QToolButton

from cgt_desktop.core.domain.kinds import KINDS
from cgt_desktop.ui.browse.entity_table import kind_label


def _t(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)  # the window's context, as its own self.tr


class StatusMixin:
    """Status bar, tab labels, the period filter and the exports folder of the main window."""

    period: tuple[str, str] | None
    origin: str
    counts: dict[str, int]
    lists: dict[str, Any]
    timeline: Any
    store: Any
    user: Any
    tabs: Any
    act_tabs: list[Any]
    _tab_count_key: Any
    _tab_counts: dict[str, int]

    def _build_status_bar(self) -> None:
        self.status_counts = QLabel(self)
        self.status_period = QLabel(self)
        self.period_clear = QToolButton(self)
        self.period_clear.setText("×")
        self.period_clear.clicked.connect(self.clear_period)
        status = self.statusBar()
        status.addWidget(self.status_counts, 1)
        status.addPermanentWidget(self.status_period)
        status.addPermanentWidget(self.period_clear)
        self.status_period.hide()
        self.period_clear.hide()

    def exports_folder(self) -> Path:
        """Where exports are saved by default: the home's ``exports/`` (beside the user database)."""
        from cgt_desktop.core.system.paths import Home

        return Home(Path(self.user.path).parent).exports_dir if self.user is not None else Path.home()

    def _on_timeline_exported(self, path: str) -> None:
        self.statusBar().showMessage(_t("Saved the timeline as {path}").format(path=path), 6000)

    def _on_detail_id_copied(self, item_id: str) -> None:
        self.statusBar().showMessage(_t("Copied the id {id}").format(id=item_id), 4000)

    def set_period(self, period: tuple[str, str] | None) -> None:
        """Filter every list to entries related to the ISO (first, last) period; ``None`` clears it.

        The timeline shows the same period (its shaded region and its event list), however it was set.
        """
        self.period = tuple(period) if period else None  # type: ignore[assignment]
        for controller in self.lists.values():
            controller.set_period(self.period)
        if self.timeline is not None and self.timeline.controller.period != self.period:
            self.timeline.set_period(self.period)
        self._update_status()

    def clear_period(self) -> None:
        self.set_period(None)

    def _on_list_rows_changed(self, _shown: int, _total: int) -> None:
        self._update_status()

    def _update_status(self) -> None:
        kind = self.current_kind()
        controller = self.lists.get(kind) if kind else None  # never creates one: a list comes with its tab
        if controller is not None:
            text = _t("Showing %1 of %2 · %3").replace("%1", str(controller.model.rowCount())).replace(
                "%2", str(self.counts.get(kind, 0))).replace("%3", kind_label(kind))
        elif kind:
            text = ""  # only while the window is being built: showing the tab creates its list
        else:
            text = _t("%1 entries in the corpus").replace("%1", str(sum(self.counts.values())))
        self.status_counts.setText(text)
        self._update_tab_labels()
        if self.period:
            self.status_period.setText(_t("Period: %1 – %2").replace("%1", self.period[0]).replace(
                "%2", self.period[1]))
        self.status_period.setVisible(bool(self.period))
        self.period_clear.setVisible(bool(self.period))
        self.act_clear_period.setEnabled(bool(self.period))

    def _update_tab_labels(self) -> None:
        """Each tab says how many of its entries show, as far as the tab bar's width allows.

        The fullest labels that fit: "People (9 / 27)" under a filter, else "People (27)"; then only the
        filtered tabs' counts ("People", "Places (5 / 25)"); then the names alone; then short names
        ("Orgs"), elided if even they do not fit. The tooltip always has the counts. A tab whose list is
        not made yet is counted in SQL, once per period and origin.
        """
        key = (self.period, self.origin, tuple(sorted(self.counts.items())))
        if key != self._tab_count_key:
            from cgt_desktop.core.catalog.lists import ListQuery

            self._tab_count_key = key
            self._tab_counts = {kind: self.store.list_count(ListQuery(kind, period=self.period, origin=self.origin))
                                for kind in KINDS if kind not in self.lists}
        full, filtered_only, bare, tips = [], [], [], []
        for kind in KINDS:
            total = self.counts.get(kind, 0)
            controller = self.lists.get(kind)
            if controller is not None:
                shown, filtered = controller.model.rowCount(), controller.model.query.filtered
            else:
                shown, filtered = self._tab_counts.get(kind, total), bool(self.period or self.origin != "all")
            name = kind_label(kind)
            narrowed = filtered and shown != total
            full.append(f"{name} ({shown} / {total})" if narrowed else f"{name} ({total})")
            filtered_only.append(f"{name} ({shown}/{total})" if narrowed else name)
            bare.append(name)
            tips.append(_t("%1 of %2 shown. Browse, sort and filter all entries of this kind.")
                        .replace("%1", str(shown)).replace("%2", str(total)))
        short = [_short_label(kind) or name for kind, name in zip(KINDS, bare)]
        fitting = next((texts for texts in (full, filtered_only, bare, short) if self._tab_labels_fit(texts)), None)
        labels = fitting or short
        # Narrower still (a dock open beside a small window): every tab stays in view with its name
        # elided, rather than the last tabs going behind scroll arrows.
        self.tabs.tabBar().setUsesScrollButtons(fitting is not None)
        for i, text in enumerate(labels):
            if self.tabs.tabText(i) != text:
                self.tabs.setTabText(i, text)
            self.tabs.setTabToolTip(i, tips[i])
            if i < len(self.act_tabs):
                self.act_tabs[i].setText(full[i])  # the View menu has room for the counts

    def _tab_labels_fit(self, texts: list[str]) -> bool:
        """Whether the tab bar shows every tab, without scroll arrows, with *texts* on the first tabs."""
        bar = self.tabs.tabBar()
        metrics = bar.fontMetrics()
        width = 0
        for i in range(bar.count()):
            hint = bar.tabSizeHint(i).width()
            if i < len(texts):
                hint += metrics.horizontalAdvance(texts[i]) - metrics.horizontalAdvance(bar.tabText(i))
            width += hint
        return width <= self.tabs.width()

    def _on_tabs_resized(self) -> None:
        if self.tabs.count() > len(KINDS):  # not while the window is still adding its tabs
            self._update_tab_labels()


def _short_label(kind: str) -> str:
    """A tab's name when even the names alone do not fit (the long ones only; "" for the others)."""
    return {"organization": _t("Orgs"), "technology": _t("Tech"), "document": _t("Docs")}.get(kind, "")


class FittingTabs(QTabWidget):
    """The main window's tab widget; tells the window when its width changes (labels are refitted).

    Signals:
        resized(): the widget's width changed (the window, or a dock beside it, was resized).
    """

    resized = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideRight)  # only once the scroll arrows are off (see above)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.resized.emit()
