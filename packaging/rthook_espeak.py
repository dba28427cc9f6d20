# PyInstaller runtime hook: point espeak-ng at the voice data inside the bundle.
# espeak-ng reads $ESPEAK_DATA_PATH/espeak-ng-data; without this the bundled library would
# look for its data where the build machine keeps it. A value the user set wins.
import os
import sys

if os.path.isdir(os.path.join(sys._MEIPASS, "espeak-ng-data")):
    os.environ.setdefault("ESPEAK_DATA_PATH", sys._MEIPASS)
