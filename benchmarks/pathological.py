"""Pathological input, doubled: time and peak memory of ``azfix clean`` as each hostile input grows.

Each input of the hardening issue is written at 1/8, 1/4, 1/2 and 1 MB and
cleaned by ``azfix clean --jobs 1 -q FILE`` in a fresh process; CPU and wall
time and peak RSS come from ``/usr/bin/time`` (Debian package ``time``; the benchmark
says so and stops without it). Linear cost shows as a time ratio near 2 per
doubling (the last column: CPU time at 1 MB over CPU time at 512 KB); the targets are under 10 s and 500 MB at 1 MB.

    python -m benchmarks.pathological [--sizes 131072,262144,524288,1048576] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

RESULTS = Path(__file__).parent / "results" / "pathological.json"

# name -> the repeated unit (the input is the unit repeated to the size)
INPUTS = {
    "siya- lines": "siya-\n",
    "siyaset glued": "siyaset",
    ".a": ".a",
    "a": "a",
    "ABCÇ": "ABCÇ",
    "аa (Cyrillic and Latin)": "аa",
    "hyphens": "-",
    "dots": ".",
    "x and space": "x ",
    "random letters": None,  # one word of random Azerbaijani letters
    "one line of words": "Bu siyaset sayesində mümkün oldu ",  # no line break at all
    "base64": None,
}


def make_input(name: str, size: int) -> str:
    import base64
    import random

    unit = INPUTS[name]
    rnd = random.Random(size)
    if name == "random letters":
        return "".join(rnd.choice("abcçdeəfgğhxıijkqlmnoöprsştuüvyz") for _ in range(size))
    if name == "base64":
        return base64.b64encode(rnd.randbytes(size * 3 // 4)).decode()[:size]
    return (unit * (size // len(unit) + 1))[:size]


def measure(path: Path) -> dict:
    """Wall and CPU seconds and peak RSS (MB) of one clean, in a fresh process (CPU time is what a busy machine leaves exact)."""
    command = ["/usr/bin/time", "-f", "%e %U %S %M", sys.executable, "-m", "azfix.cli", "clean", "--jobs", "1", "-q",
               str(path), "-o", str(path.with_suffix(".out"))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    seconds, user, system, kilobytes = done.stderr.strip().splitlines()[-1].split()
    return {"seconds": float(seconds), "cpu_seconds": float(user) + float(system), "peak_mb": int(kilobytes) / 1024,
            "status": done.returncode}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="131072,262144,524288,1048576")
    ap.add_argument("--only", help="comma-separated input names")
    ap.add_argument("--json", type=Path, default=RESULTS)
    args = ap.parse_args(argv)
    if not Path("/usr/bin/time").exists() or shutil.which("azfix") is None:
        print("needs /usr/bin/time (apt-get install time) and azfix installed; skipped")
        return 0
    sizes = [int(s) for s in args.sizes.split(",")]
    names = args.only.split(",") if args.only else list(INPUTS)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            runs = []
            for size in sizes:
                path = Path(folder) / "input.txt"
                path.write_text(make_input(name, size), encoding="utf-8")
                runs.append({"bytes": path.stat().st_size, **measure(path)})
            rows.append({"input": name, "runs": runs})
            print(f"| {name} | " + " | ".join(f"{r['cpu_seconds']:.1f} s, {r['peak_mb']:.0f} MB" for r in runs)
                  + f" | {runs[-1]['cpu_seconds'] / runs[-2]['cpu_seconds']:.2f} |" * (len(runs) > 1), flush=True)
    args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
