"""Importing the user's own articles: read a file, segment it, align it with its translation.

:mod:`~cgt_desktop.core.imports.extract` reads the file, :mod:`~cgt_desktop.core.imports.article` makes
the document record (the corpus source format) that :func:`cgt_desktop.core.ops.items.import_document`
saves as the user's item.
"""
