import os

# Qt tests run without a display unless a test asks for the X server bootstrap.sh provides.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
