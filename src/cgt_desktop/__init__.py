"""cgt-desktop: an offline bilingual reference browser for China's cell & gene therapy ecosystem."""

from __future__ import annotations

__version__ = "0.1.0"
