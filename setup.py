"""The optional C kernels of azfix (src/azfix/_native/); everything else is in pyproject.toml.

Each kernel is an optional extension: where no C compiler is found, or the
build of one fails, pip installs azfix without it and the pure-Python code runs.
"""

from setuptools import Extension, setup

KERNELS = ("distance", "keytable", "morphology")

setup(ext_modules=[Extension(f"azfix._native.{name}", [f"src/azfix/_native/{name}.c"], optional=True)
                   for name in KERNELS])
