"""The dossier's data: what :func:`~cgt_desktop.core.export.dossier.build_dossier` returns.

Plain dataclasses that a renderer (the PDF export) lays out, the section and field labels in both
languages, the export options and the errors. Nothing here knows about pages or Qt.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Sequence

NAME_MODES = ("en", "zh", "both")

#: Section and field labels of the dossier, in English and Chinese.
LABELS: dict[str, tuple[str, str]] = {
    "dossier": ("Dossier", "资料汇编"),
    "contents": ("Contents", "目录"),
    "exported": ("Exported", "导出日期"),
    "data_built": ("Data build", "数据版本日期"),
    "selection": ("Selection", "所选内容"),
    "profiles": ("Profiles", "条目简介"),
    "timeline": ("Timeline", "时间线"),
    "figures": ("Figures", "数据"),
    "passages": ("Bilingual passages", "双语段落"),
    "notes": ("Notes", "笔记"),
    "sources": ("Sources", "资料来源"),
    "documents_cited": ("Documents cited", "所引文献"),
    "relations": ("Relations", "关系"),
    "events": ("Events", "事件"),
    "relation": ("Relation", "关系"),
    "with": ("With", "对象"),
    "role": ("Role", "职务/角色"),
    "aliases": ("Also known as", "别名"),
    "description": ("Description", "简介"),
    "date": ("Date", "日期"),
    "date_stated": ("As stated", "原文表述"),
    "category": ("Category", "类别"),
    "value": ("Value as stated", "原文数值"),
    "as_of": ("As of", "截至"),
    "scope": ("Scope", "范围"),
    "outlet": ("Outlet", "来源媒体"),
    "period": ("Period", "时间段"),
    "undated": ("Undated", "日期不详"),
    "editor": ("editor's rendering", "编者译名"),
    "original": ("original", "原文"),
    "translation": ("translation", "译文"),
    "english": ("English", "英文"),
    "chinese": ("Chinese", "中文"),
    "note_on": ("on", "关于"),
    "highlight": ("Highlight", "标注"),
    "no_events": ("No dated events in this selection.", "所选内容中没有带日期的事件。"),
    "your_entry": ("your own entry", "您自己的条目"),
    "your_corrections": ("Your corrections", "您的更正"),
    "reference_value": ("reference", "参考数据"),
    "stale": ("the reference value has changed since you corrected it", "您更正后参考数据已有变化"),
    "marked_wrong": ("you marked this wrong", "您已标记为有误"),
    "f_name_en": ("English name", "英文名称"), "f_name_zh": ("Chinese name", "中文名称"), "f_subtype": ("Type", "类型"),
    "f_desc_en": ("English description", "英文简介"), "f_desc_zh": ("Chinese description", "中文简介"),
    "f_date": ("Date", "日期"), "f_value_stated": ("Value as stated", "原文数值"),
    "citations_help": ("Numbers in brackets [n] refer to the source list at the end.",
                       "方括号中的编号 [n] 对应文末的资料来源列表。"),
    "names_help": ("Names marked “editor's rendering” are the editors' translation, not attested in a source.",
                   "标注“编者译名”的名称为编者所译，未见于原始资料。"),
}

KIND_LABELS: dict[str, tuple[str, str]] = {
    "person": ("Person", "人物"), "organization": ("Organization", "机构"), "place": ("Place", "地点"),
    "event": ("Event", "事件"), "policy": ("Policy", "政策"), "technology": ("Technology", "技术"),
    "figure": ("Figure", "数据"), "document": ("Document", "文献"),
}


class DossierError(Exception):
    """The dossier cannot be built; the message says why and what to do."""


class EmptySelection(DossierError):
    """Nothing to export."""


class DossierCancelled(DossierError):
    """The user cancelled the export."""


class UnknownItems(DossierError):
    """Some refs of the selection name nothing in the data."""

    def __init__(self, refs: Sequence[str]) -> None:
        self.refs = list(refs)
        super().__init__(("an unknown item" if len(self.refs) == 1 else "unknown items") + " in the selection: "
                         + ", ".join(self.refs)
                         + "; they may have been removed from the data or mistyped")


@dataclass(frozen=True)
class DossierOptions:
    """What to include and how to show names (``en``, ``zh`` or ``both``)."""

    title: str = ""
    profiles: bool = True
    relations: bool = True
    timeline: bool = True
    figures: bool = True
    passages: bool = True
    notes: bool = True
    sources: bool = True
    names: str = "both"


@dataclass(frozen=True)
class Name:
    """A name in both languages and whether each is the editors' rendering."""

    en: str
    zh: str
    en_editor: bool = False
    zh_editor: bool = False

    def parts(self, mode: str) -> list[tuple[str, str, bool]]:
        """Return ``(lang, text, editor)`` for the names to show in *mode*, primary first."""
        order = ("zh", "en") if mode == "zh" else ("en", "zh")
        if mode in ("en", "zh"):
            order = order[:1]
        out = [(lang, getattr(self, lang), getattr(self, f"{lang}_editor")) for lang in order]
        out = [p for p in out if p[1]]
        if not out:  # fall back to whichever name exists
            out = [(lang, getattr(self, lang), getattr(self, f"{lang}_editor")) for lang in ("en", "zh")
                   if getattr(self, lang)][:1]
        return out

    def text(self, mode: str) -> str:
        return " · ".join(p[1] for p in self.parts(mode))


@dataclass(frozen=True)
class NoteItem:
    uid: str
    target_id: str
    target: Name
    body: str
    created: str
    edited: str
    cites: tuple[int, ...] = ()


@dataclass(frozen=True)
class HighlightItem:
    passage_id: str
    side: str
    quote: str
    comment: str
    color: str


@dataclass(frozen=True)
class RelationLine:
    label_en: str
    label_zh: str
    other_id: str
    other: Name
    role_en: str
    role_zh: str
    dates_en: str
    dates_zh: str
    note: str
    cites: tuple[int, ...]
    wrong: str | None = None  # the user marked it wrong: why


@dataclass(frozen=True)
class EventLine:
    id: str
    name: Name
    date_en: str
    date_zh: str
    date_stated: str
    date_note: str
    precision: str
    approximate: bool
    span_start: str | None
    span_end: str | None
    category: str
    category_en: str
    category_zh: str
    cites: tuple[int, ...]
    notes: tuple[NoteItem, ...] = ()


@dataclass(frozen=True)
class FigureLine:
    id: str
    name: Name
    value_stated: str
    qualifier: str
    as_of_en: str
    as_of_zh: str
    scope_en: str
    scope_zh: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class Profile:
    id: str
    kind: str
    kind_en: str
    kind_zh: str
    name: Name
    subtype_en: str
    subtype_zh: str
    desc_en: str
    desc_zh: str
    aliases: tuple[str, ...]
    facts: tuple[tuple[str, str], ...]  # (label key, text)
    relations: tuple[RelationLine, ...]
    events: tuple[EventLine, ...]
    figures: tuple[FigureLine, ...]
    notes: tuple[NoteItem, ...]
    cites: tuple[int, ...]
    mine: bool = False  # the user's own entry
    corrections: tuple[CorrectionLine, ...] = ()


@dataclass(frozen=True)
class CorrectionLine:
    """One of the user's corrections of a profile's field (the reference value beside it)."""

    field: str
    value: str
    reference: str
    stale: bool
    note: str
    cites: tuple[int, ...]


@dataclass(frozen=True)
class PassageBlock:
    passage_id: str
    document_id: str
    document: Name
    orig_lang: str
    text_en: str
    text_zh: str
    cite: int
    notes: tuple[NoteItem, ...] = ()
    highlights: tuple[HighlightItem, ...] = ()


@dataclass(frozen=True)
class SourceEntry:
    n: int
    passage_id: str
    document_id: str
    document: Name
    date_en: str
    date_zh: str
    outlet_en: str
    outlet_zh: str
    quote: str = ""  # the start of the passage in its original language
    label_en: str = ""  # how readers cite it: "China News Online, c. 15 Nov 2021, ¶7, sentence 1"
    label_zh: str = ""


QUOTE_CHARS = 160


@dataclass
class Dossier:
    """A built dossier: everything the renderer shows, in order."""

    title: str
    exported_at: str
    data_built_at: str
    options: DossierOptions
    refs: list[str]
    profiles: list[Profile] = field(default_factory=list)
    periods: list[tuple[str, str]] = field(default_factory=list)
    events: list[EventLine] = field(default_factory=list)
    undated_events: list[EventLine] = field(default_factory=list)
    figures: list[FigureLine] = field(default_factory=list)
    passages: list[PassageBlock] = field(default_factory=list)
    notes: list[NoteItem] = field(default_factory=list)
    sources: list[SourceEntry] = field(default_factory=list)

    def label(self, key: str) -> str:
        """Return a dossier label in the name mode (``both``: ``English · 中文``)."""
        return label(key, self.options.names)

    def sections(self) -> list[str]:
        """Return the keys of the sections that have content, in order."""
        o = self.options
        wanted = [("profiles", o.profiles and self.profiles),
                  ("timeline", o.timeline and (self.events or self.undated_events or self.periods)),
                  ("figures", o.figures and self.figures), ("passages", o.passages and self.passages),
                  ("notes", o.notes and self.notes), ("sources", o.sources and self.sources)]
        return [key for key, present in wanted if present]

    def content(self) -> dict[str, Any]:
        """Return the dossier as plain data without the export time (equal for equal selections)."""
        data = asdict(self)
        data.pop("exported_at")
        return data


def label(key: str, mode: str = "both") -> str:
    en, zh = LABELS[key]
    return en if mode == "en" else zh if mode == "zh" else f"{en} · {zh}"
