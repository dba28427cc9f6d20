"""Entry point of the frozen app (PyInstaller runs this instead of the console script)."""
import multiprocessing
import sys

from interviewer.cli import main

if __name__ == "__main__":
    # Child processes (e.g. a speech engine process) re-run this executable; without this
    # call a frozen app would start a second copy of itself instead of the child's work.
    multiprocessing.freeze_support()
    sys.exit(main())
