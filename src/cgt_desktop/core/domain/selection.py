"""The user's selection: an ordered list of references to what goes into a dossier.

A reference (*ref*) is a plain string, so a selection stores as JSON and
survives rebuilding the reference database:

* an entity, event, figure or document id: ``person/qian-qijun``;
* a passage (sentence or paragraph) id: ``000_1b6dce599d2df6c2#p03.s01``;
* a period of the timeline: ``period:2013-01-01/2021-12-31`` (ISO first and last day);
* a note by its uid: ``note:3f2a…``.

:class:`Selection` keeps the order the user chose and never holds a ref twice.
:class:`SelectionStore` persists the current selection and named selections in
the user database through :meth:`UserStore.get_setting` / ``set_setting``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Iterator, Protocol

from cgt_desktop.core.domain import ids
from cgt_desktop.core.domain.kinds import KINDS

CURRENT_KEY = "selection.current"
NAMED_KEY = "selections.named"

PERIOD_PREFIX = "period:"
NOTE_PREFIX = "note:"
MAX_NAME_CHARS = 80

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class SelectionError(ValueError):
    """A reference or a selection name that cannot be used; the message says why."""


@dataclass(frozen=True)
class ItemRef:
    """One parsed reference.

    Attributes:
        ref: the string form (what is stored).
        type: ``"entity"`` (entity, event, figure or document), ``"passage"``, ``"period"`` or ``"note"``.
        kind: the entity kind (``person``, ``event`` …) for entities, else the type.
        value: the id, passage id or note uid; ``""`` for a period.
        first: first ISO day of a period, else ``None``.
        last: last ISO day of a period, else ``None``.
    """

    ref: str
    type: str
    kind: str
    value: str
    first: str | None = None
    last: str | None = None


def period_ref(first_iso: str, last_iso: str) -> str:
    """Return the ref of the period from *first_iso* to *last_iso* (both ``YYYY-MM-DD``, inclusive).

    Raises:
        SelectionError: if a date is not a real ISO day or the period ends before it starts.
    """
    for value in (first_iso, last_iso):
        if not isinstance(value, str) or not _ISO.match(value):
            raise SelectionError(f"not a day like 2019-06-30: {value!r}")
        try:
            date.fromisoformat(value)
        except ValueError as exc:
            raise SelectionError(f"not a real day: {value!r} ({exc})") from None
    if last_iso < first_iso:
        raise SelectionError(f"the period ends ({last_iso}) before it starts ({first_iso})")
    return f"{PERIOD_PREFIX}{first_iso}/{last_iso}"


def year_period_ref(year_from: int | None, year_to: int | None) -> str:
    """Return the ref of whole years *year_from*–*year_to* (either may be ``None``: the other alone)."""
    if year_from is None and year_to is None:
        raise SelectionError("a period needs a first or a last year")
    first = year_from if year_from is not None else year_to
    last = year_to if year_to is not None else year_from
    assert first is not None and last is not None
    return period_ref(f"{first:04d}-01-01", f"{last:04d}-12-31")


def note_ref(uid: str) -> str:
    """Return the ref of the note with this uid."""
    uid = str(uid).strip()
    if not uid:
        raise SelectionError("a note ref needs the note's uid")
    return f"{NOTE_PREFIX}{uid}"


def parse_ref(ref: str) -> ItemRef:
    """Parse a ref string.

    Raises:
        SelectionError: if *ref* is none of the four forms.
    """
    if not isinstance(ref, str) or not ref.strip() or ref != ref.strip():
        raise SelectionError(f"not a selection item: {ref!r}")
    if ref.startswith(PERIOD_PREFIX):
        first, sep, last = ref[len(PERIOD_PREFIX):].partition("/")
        if not sep:
            raise SelectionError(f"not a period (expected period:FIRST/LAST): {ref!r}")
        period_ref(first, last)  # validates
        return ItemRef(ref, "period", "period", "", first, last)
    if ref.startswith(NOTE_PREFIX):
        uid = ref[len(NOTE_PREFIX):]
        if not uid:
            raise SelectionError(f"a note ref needs a uid: {ref!r}")
        return ItemRef(ref, "note", "note", uid)
    if "#" in ref:
        return ItemRef(ref, "passage", "passage", ref)
    kind = ids.kind_of(ref)
    if ids.slug_of(ref) and kind in KINDS:
        return ItemRef(ref, "entity", kind, ref)
    raise SelectionError(f"not an entity, passage, period or note id: {ref!r}")


class Selection:
    """An ordered, duplicate-free list of refs.

    Mutating methods return whether anything changed, so a controller knows
    when to emit ``selection_changed``.
    """

    def __init__(self, refs: Iterable[str] = ()) -> None:
        self._refs: list[str] = []
        self.add_many(refs)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._refs))

    def __len__(self) -> int:
        return len(self._refs)

    def __contains__(self, ref: object) -> bool:
        return ref in self._refs

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Selection) and other._refs == self._refs

    def __repr__(self) -> str:
        return f"Selection({self._refs!r})"

    @property
    def refs(self) -> list[str]:
        """A copy of the refs, in order."""
        return list(self._refs)

    def items(self) -> list[ItemRef]:
        return [parse_ref(r) for r in self._refs]

    def is_empty(self) -> bool:
        return not self._refs

    def add(self, ref: str) -> bool:
        """Append *ref* unless it is already there. Raises :class:`SelectionError` if it is malformed."""
        parse_ref(ref)
        if ref in self._refs:
            return False
        self._refs.append(ref)
        return True

    def add_many(self, refs: Iterable[str]) -> int:
        """Append each new ref in order; return how many were added."""
        return sum(self.add(ref) for ref in refs)

    def remove(self, ref: str) -> bool:
        if ref not in self._refs:
            return False
        self._refs.remove(ref)
        return True

    def remove_many(self, refs: Iterable[str]) -> int:
        return sum(self.remove(ref) for ref in list(refs))

    def clear(self) -> bool:
        changed = bool(self._refs)
        self._refs.clear()
        return changed

    def move(self, ref: str, index: int) -> bool:
        """Move *ref* to position *index* (clamped to the list)."""
        if ref not in self._refs:
            return False
        old = self._refs.index(ref)
        index = max(0, min(index, len(self._refs) - 1))
        if index == old:
            return False
        self._refs.pop(old)
        self._refs.insert(index, ref)
        return True

    def move_up(self, ref: str) -> bool:
        return ref in self._refs and self.move(ref, self._refs.index(ref) - 1)

    def move_down(self, ref: str) -> bool:
        return ref in self._refs and self.move(ref, self._refs.index(ref) + 1)

    def reorder(self, refs: Iterable[str]) -> bool:
        """Put the refs in this new order (must be the same set of refs).

        Raises:
            SelectionError: if *refs* is not a permutation of the selection.
        """
        new = list(refs)
        if sorted(new) != sorted(self._refs) or len(set(new)) != len(new):
            raise SelectionError("a new order must list exactly the items of the selection")
        changed = new != self._refs
        self._refs = new
        return changed


class _Settings(Protocol):
    def get_setting(self, key: str, default: Any = None) -> Any: ...

    def set_setting(self, key: str, value: Any) -> None: ...


def _clean_refs(value: Any) -> list[str]:
    """Keep the well-formed refs of a stored value (a damaged setting never breaks start-up)."""
    if not isinstance(value, list):
        return []
    out: list[str] = []
    for ref in value:
        try:
            parse_ref(ref)
        except SelectionError:
            continue
        if ref not in out:
            out.append(ref)
    return out


def clean_selection_name(name: str) -> str:
    """Return a selection name with outer white space removed.

    Raises:
        SelectionError: if the name is empty or too long.
    """
    cleaned = " ".join(str(name or "").split())
    if not cleaned:
        raise SelectionError("a named selection needs a name")
    if len(cleaned) > MAX_NAME_CHARS:
        raise SelectionError(f"a selection name has at most {MAX_NAME_CHARS} characters")
    return cleaned


class SelectionStore:
    """Persist the current selection and named selections in the user database."""

    def __init__(self, user: _Settings) -> None:
        self.user = user

    def load_current(self) -> Selection:
        return Selection(_clean_refs(self.user.get_setting(CURRENT_KEY, [])))

    def save_current(self, selection: Selection) -> None:
        self.user.set_setting(CURRENT_KEY, selection.refs)

    def named(self) -> dict[str, list[str]]:
        """Return every named selection, by name (sorted, case-insensitive)."""
        raw = self.user.get_setting(NAMED_KEY, {})
        if not isinstance(raw, dict):
            return {}
        return {str(k): _clean_refs(v) for k, v in sorted(raw.items(), key=lambda kv: (str(kv[0]).casefold(),
                                                                                        str(kv[0])))}

    def names(self) -> list[str]:
        return list(self.named())

    def save_named(self, name: str, selection: Selection) -> str:
        """Store *selection* under *name* (replacing one of that name); return the cleaned name."""
        name = clean_selection_name(name)
        named = self.named()
        named[name] = selection.refs
        self.user.set_setting(NAMED_KEY, named)
        return name

    def load_named(self, name: str) -> Selection:
        """Return the named selection.

        Raises:
            KeyError: if there is none of that name.
        """
        named = self.named()
        if name not in named:
            raise KeyError(name)
        return Selection(named[name])

    def delete_named(self, name: str) -> bool:
        named = self.named()
        if name not in named:
            return False
        del named[name]
        self.user.set_setting(NAMED_KEY, named)
        return True
