"""Qt-free core: corpus sources, reference database, search, user data, export model.

Nothing in this package imports PySide6 or pyqtgraph (an import-linter contract
and ``tests/core/test_architecture.py`` enforce it), so it runs and is tested
without a display.
"""
