"""Entry point of the PyInstaller bundle: the same ``pressdesk`` command as in a venv."""

import sys

from pressdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
