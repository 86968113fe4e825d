"""The optional C kernels of azfix (src/azfix/_native/); everything else is in pyproject.toml.

Each kernel is an optional extension: where no C compiler is found, or the
build of one fails, pip installs azfix without it and the pure-Python code runs.
"""

from setuptools import Extension, setup

NATIVE = "src/azfix/_native"
KERNELS = {
    "distance": ["distance.c"],
    "shortlist": ["shortlist.c"],
    "keytable": ["keytable.c", "keytable_search.c"],
    "morphology": ["morphology.c", "morphology_stems.c", "morphology_walk.c"],
}

HEADERS = {"keytable": ["keytable.h"], "morphology": ["morphology.h"]}

setup(ext_modules=[Extension(f"azfix._native.{name}", [f"{NATIVE}/{source}" for source in sources],
                             depends=[f"{NATIVE}/{header}" for header in HEADERS.get(name, [])], optional=True)
                   for name, sources in KERNELS.items()])
