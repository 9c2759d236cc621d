"""One write path for user data: reversible operations that report what they changed.

Every change a user makes (a note, a highlight, a tag, a star, an item of their own) is an
:class:`~cgt_desktop.core.ops.base.Operation` made by a function of this package. It changes the user
database (and, for the user's items, the catalog's copy of them) when applied and reverted, and
returns the :class:`~cgt_desktop.core.ops.base.Changes`, so that one undo stack in the Qt layer
(:class:`cgt_desktop.ui.common.operations.OperationStack`) can run it and tell every view once what
to refresh. Anki's ``CollectionOp``/``OpChanges`` is the model. The command line uses the same
functions, applied once.
"""
