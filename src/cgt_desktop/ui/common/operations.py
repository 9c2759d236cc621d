"""The one undo stack: runs the core's operations and tells every view once what changed.

Widgets never write user data themselves: they make an operation with :mod:`cgt_desktop.core.ops`
and hand it to :meth:`OperationStack.run`, which applies it as one undo step. After every apply, undo
and redo the stack emits :attr:`OperationStack.data_changed` with the operation's
:class:`~cgt_desktop.core.ops.base.Changes`; the notes, the Annotations tab, the reader's highlights,
the lists, the timeline and the detail page each refresh from it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from cgt_desktop.core.ops.base import Operation
from cgt_desktop.core.userdata.userdb import UserDataError

#: What an operation raises when it cannot be done (the message is for the user).
FAILURES = (UserDataError, KeyError, ValueError)


def failure_text(exc: BaseException) -> str:
    return str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)


class _OperationCommand(QUndoCommand):
    def __init__(self, stack: OperationStack, op: Operation, text: str, origin: Any) -> None:
        super().__init__(text)
        self._stack, self._op, self._origin = stack, op, origin
        self.done = False

    def redo(self) -> None:
        self.done = self._stack._perform(self._op.apply, self._op, self._origin)
        if not self.done:
            self.setObsolete(True)  # it changed nothing: not an undo step

    def undo(self) -> None:
        self._stack._perform(self._op.revert, self._op, self._origin)


class OperationStack(QObject):
    """Runs operations as undo steps and announces their changes.

    Signals:
        data_changed(object): the :class:`~cgt_desktop.core.ops.base.Changes` of an operation just applied,
            undone or redone.
        failed(str, object): an operation could not be done (the message, and the *origin* it was run for,
            so that the widget that asked can say so).
    """

    data_changed = Signal(object)
    failed = Signal(str, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)

    def run(self, op: Operation | None, text: str | None = None, origin: Any = None) -> bool:
        """Apply *op* as one undo step labelled *text* (its own label by default); whether it was done."""
        if op is None:
            return False
        command = _OperationCommand(self, op, text or op.label, origin)
        self.undo_stack.push(command)
        return command.done

    def run_once(self, op: Operation, origin: Any = None) -> bool:
        """Apply *op* without an undo step (a change that cannot be undone); whether it was done."""
        return self._perform(op.apply, op, origin)

    def _perform(self, action: Any, op: Operation, origin: Any) -> bool:
        try:
            changes = action()
        except FAILURES as exc:
            self.failed.emit(failure_text(exc), origin)  # an operation is atomic: nothing changed
            return False
        self.data_changed.emit(changes)
        return True
