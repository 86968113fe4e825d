"""Instruction counts of load, first pass and warm pass under valgrind's callgrind: speed comparisons that a busy machine cannot blur.

    python -m benchmarks.instructions [--shared ../shared] [--src OTHER_CHECKOUT/src ...] [--chars 30000]

Wall-clock time on a shared VM varies by 10-40% from run to run; the number
of instructions a pass executes does not (hash seed fixed). Each tree given
with ``--src`` (default: this checkout's ``src``) is measured on the same
noisy news text (:mod:`benchmarks.noise`, seed 3, the first ``--chars``
characters), with the ``dictionaries/`` beside that ``src``: *load* is
import plus one short correction, *first* one correction of the text after
load, *warm* three more corrections of it.
Needs Debian's ``valgrind`` (``apt-get install valgrind``); without it the
benchmark says so and exits 0.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .noise import add_noise

RUNNER = r'''
import importlib.util, os, subprocess, sys
sys.path.insert(0, sys.argv[1])
mode, text = sys.argv[2], open(sys.argv[3], encoding="utf-8").read()
def instrument(on):
    subprocess.run(["callgrind_control", "-i", "on" if on else "off", str(os.getpid())], capture_output=True)
def tree_dictionaries():
    # the dictionaries/ beside the tree's src/, whatever azfix.dictionaries an installed azfix maps
    folder = os.path.join(os.path.dirname(os.path.abspath(sys.argv[1])), "dictionaries")
    if os.path.isfile(os.path.join(folder, "__init__.py")):
        spec = importlib.util.spec_from_file_location("azfix.dictionaries", os.path.join(folder, "__init__.py"),
                                                      submodule_search_locations=[folder])
        sys.modules["azfix.dictionaries"] = module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
if mode == "load":
    instrument(True)
import azfix
tree_dictionaries()
cleaner = azfix.Cleaner()
cleaner.correct("Bu siyaset sayesində")
if mode == "warm":
    cleaner.correct(text)
    cleaner.correct(text)
if mode != "load":
    instrument(True)
    for _ in range(3 if mode == "warm" else 1):
        cleaner.correct(text)
instrument(False)
'''


def instructions(src: Path, mode: str, text_path: Path, work: Path) -> int:
    """Instructions executed by ``mode`` with the azfix of ``src``."""
    runner = work / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    out = work / "callgrind.out"
    env = dict(os.environ, PYTHONHASHSEED="0")
    # (this interpreter, not the file it links to: a virtual environment's packages stay visible)
    done = subprocess.run(["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out}",
                           sys.executable, str(runner), str(src), mode, str(text_path)],
                          capture_output=True, text=True, env=env)
    match = re.search(r"Collected : (\d+)", done.stderr)
    if not match:
        raise RuntimeError(f"callgrind gave no count for {src} ({mode}): {done.stderr[-500:]}")
    return int(match.group(1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--src", type=Path, action="append", help="a checkout's src folder (repeatable)")
    parser.add_argument("--chars", type=int, default=30_000)
    args = parser.parse_args(argv)
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        print("valgrind is not installed (apt-get install valgrind): skipped")
        return 0
    sources = args.src or [Path(__file__).resolve().parents[1] / "src"]
    text = (args.shared / "data" / "text" / "ntrex_news_dev.txt").read_text(encoding="utf-8")
    noisy = add_noise(text, 0.05, 3)[0][: args.chars]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        text_path = work / "noisy.txt"
        text_path.write_text(noisy, encoding="utf-8")
        print("| tree | load | first pass | warm (3 passes) |")
        print("|---|---|---|---|")
        for src in sources:
            counts = [instructions(src.resolve(), mode, text_path, work) for mode in ("load", "first", "warm")]
            print(f"| {src} | " + " | ".join(f"{n / 1e6:,.1f}M" for n in counts) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
