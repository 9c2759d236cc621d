"""Make Chinese render: register the bundled Noto Sans CJK font when the system has no CJK font.

The machine may have no CJK font at all (Chinese would draw as boxes). The
``noto-cjk-sans-otc`` dependency ships the Noto Sans CJK collection;
:func:`ensure_cjk_font` loads it into Qt's font database once and returns a
family that can draw Han characters. :func:`apply_app_font` makes the
application font fall back to that family for Han, and :func:`cjk_families`
gives the same family list to code that renders documents (PDF export). The app
registers one face of the collection, cached by :func:`cache_bundled_face` (see
:mod:`cgt_desktop.core.system.fontface`), rather than all ten.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

PREFERRED = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimSun")
BUNDLED_FAMILY = "Noto Sans CJK SC"  # the face of the bundled collection the app uses
BUNDLED_FILE = "NotoSansCJK-Regular.ttc"  # noto_cjk_sans_otc.FONT_FILE

_loaded_family: str | None = None
_uses_bundle = False  # the family was loaded from the bundled collection (no system CJK font)


def _system_cjk_family() -> str | None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in PREFERRED:
        if name in families:
            return name
    return families[0] if families else None


def _bundled_collection() -> Path | None:
    # Found without importing the package: its module runs importlib.resources (~4 ms of the start).
    from importlib.util import find_spec

    spec = find_spec("noto_cjk_sans_otc")
    if spec is None:
        return None
    if spec.origin:
        beside = Path(spec.origin).with_name(BUNDLED_FILE)
        if beside.is_file():
            return beside
    try:  # another layout of the package: ask it
        import noto_cjk_sans_otc
    except ImportError:
        return None
    return Path(noto_cjk_sans_otc.FONT_PATH)


def ensure_cjk_font(cache_dir: Path | None = None) -> str | None:
    """Return a font family that draws Simplified Chinese, loading the bundled one if needed.

    Requires a ``QGuiApplication``. Safe to call many times (loads the font once). With a
    *cache_dir*, the bundled face written there by :func:`cache_bundled_face` is registered
    instead of the whole collection (~3 ms instead of ~20 ms).

    Returns:
        The family name, or ``None`` if no CJK font exists and the bundled one cannot be loaded.
    """
    global _loaded_family, _uses_bundle  # noqa: PLW0603 - one font database per process, as Qt has
    if _loaded_family:
        return _loaded_family
    found = _system_cjk_family()
    if found:
        _loaded_family = found
        return found
    collection = _bundled_collection()
    if collection is None:
        return None
    font_id = -1
    if cache_dir is not None:
        from cgt_desktop.core.system.fontface import cached_face

        face = cached_face(collection, BUNDLED_FAMILY, cache_dir)
        if face is not None:
            font_id = QFontDatabase.addApplicationFont(str(face))
            if font_id < 0:  # damaged: drop it (cache_bundled_face writes it again) and use the collection
                face.unlink(missing_ok=True)
    if font_id < 0:
        font_id = QFontDatabase.addApplicationFont(str(collection))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    simplified = [f for f in families if f.endswith(" SC")]
    _loaded_family = (simplified or families or [None])[0]
    _uses_bundle = _loaded_family is not None
    return _loaded_family


def cache_bundled_face(cache_dir: Path) -> Path | None:
    """Write the bundled face to *cache_dir* for the next start, if the app uses it and it is not there.

    Takes ~0.1 s of file I/O (the app runs it on a thread after its first paint). A failure (full
    disk, unreadable collection) only means the next start registers the whole collection.
    """
    from cgt_desktop.core.system.fontface import cached_face, write_cached_face

    collection = _bundled_collection()
    if collection is None or not _uses_bundle or cached_face(collection, BUNDLED_FAMILY, cache_dir) is not None:
        return None
    try:
        return write_cached_face(collection, BUNDLED_FAMILY, cache_dir)
    except OSError:
        return None


def cjk_families(base: QFont | None = None) -> list[str]:
    """Return a family list: the base font's families, then the CJK family as a fallback for Han."""
    base = base or QGuiApplication.font()
    families = [f for f in base.families() or [base.family()] if f]
    cjk = ensure_cjk_font()
    if cjk and cjk not in families:
        families.append(cjk)
    return families


def apply_app_font(app: QGuiApplication, cache_dir: Path | None = None) -> str | None:
    """Make the application font prefer the system face and fall back to the CJK family for Han.

    *cache_dir* is passed to :func:`ensure_cjk_font`.

    Returns:
        The CJK family in use, or ``None``.
    """
    cjk = ensure_cjk_font(cache_dir)
    if cjk:
        font = QFont(app.font())
        font.setFamilies(cjk_families(font))
        app.setFont(font)
    return cjk
