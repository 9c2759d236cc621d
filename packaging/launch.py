"""The standalone app's entry point (PyInstaller runs this script; it is ``cgt-desktop``)."""

import sys

from cgt_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
