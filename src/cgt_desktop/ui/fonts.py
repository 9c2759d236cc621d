"""Make Chinese render: register the bundled Noto Sans CJK font when the system has no CJK font.

The machine may have no CJK font at all (Chinese would draw as boxes). The
``noto-cjk-sans-otc`` dependency ships the Noto Sans CJK collection;
:func:`ensure_cjk_font` loads it into Qt's font database once and returns a
family that can draw Han characters. :func:`apply_app_font` makes the
application font fall back to that family for Han, and :func:`cjk_families`
gives the same family list to code that renders documents (PDF export).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

PREFERRED = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimSun")

_loaded_family: str | None = None


def _system_cjk_family() -> str | None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    for name in PREFERRED:
        if name in families:
            return name
    return families[0] if families else None


def ensure_cjk_font() -> str | None:
    """Return a font family that draws Simplified Chinese, loading the bundled one if needed.

    Requires a ``QGuiApplication``. Safe to call many times (loads the font once).

    Returns:
        The family name, or ``None`` if no CJK font exists and the bundled one cannot be loaded.
    """
    global _loaded_family  # noqa: PLW0603 - one font database per process, as Qt has
    if _loaded_family:
        return _loaded_family
    found = _system_cjk_family()
    if found:
        _loaded_family = found
        return found
    try:
        import noto_cjk_sans_otc
    except ImportError:
        return None
    font_id = QFontDatabase.addApplicationFont(str(noto_cjk_sans_otc.FONT_PATH))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    simplified = [f for f in families if f.endswith(" SC")]
    _loaded_family = (simplified or families or [None])[0]
    return _loaded_family


def cjk_families(base: QFont | None = None) -> list[str]:
    """Return a family list: the base font's families, then the CJK family as a fallback for Han."""
    base = base or QGuiApplication.font()
    families = [f for f in base.families() or [base.family()] if f]
    cjk = ensure_cjk_font()
    if cjk and cjk not in families:
        families.append(cjk)
    return families


def apply_app_font(app: QGuiApplication) -> str | None:
    """Make the application font prefer the system face and fall back to the CJK family for Han.

    Returns:
        The CJK family in use, or ``None``.
    """
    cjk = ensure_cjk_font()
    if cjk:
        font = QFont(app.font())
        font.setFamilies(cjk_families(font))
        app.setFont(font)
    return cjk
