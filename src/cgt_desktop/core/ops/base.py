"""Operations and what they change."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so that each view refreshes only what it shows.

    Attributes:
        notes, highlights, tags, stars: which kinds of annotation changed.
        items: the user's own items changed (so lists, counts, search, the timeline and pages did).
        targets: the ids of the items (or annotated targets) touched.
    """

    notes: bool = False
    highlights: bool = False
    tags: bool = False
    stars: bool = False
    items: bool = False
    targets: frozenset[str] = field(default_factory=frozenset)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.notes or other.notes, self.highlights or other.highlights, self.tags or other.tags,
                       self.stars or other.stars, self.items or other.items, self.targets | other.targets)

    @property
    def annotations(self) -> bool:
        return self.notes or self.highlights or self.tags or self.stars


class Operation:
    """A reversible change: :meth:`apply` does it (again), :meth:`revert` undoes it; both return the changes.

    Made by the functions of :mod:`cgt_desktop.core.ops.annotations` and :mod:`cgt_desktop.core.ops.items`,
    never by the Qt layer. *apply* and *revert* raise
    :class:`~cgt_desktop.core.userdata.userdb.UserDataError`, ``KeyError`` or ``ValueError`` with a message
    for the user when the change cannot be made; nothing is then changed.
    """

    def __init__(self, label: str, apply: Callable[[], Any], revert: Callable[[], Any], changes: Changes,
                 result: Callable[[], Any] | None = None) -> None:
        self.label = label
        self._apply, self._revert, self.changes = apply, revert, changes
        self._result = result

    def apply(self) -> Changes:
        self._apply()
        return self.changes

    def revert(self) -> Changes:
        self._revert()
        return self.changes

    @property
    def result(self) -> Any:
        """What the operation made (a note's uid, an item), once applied; ``None`` if nothing."""
        return self._result() if self._result is not None else None
