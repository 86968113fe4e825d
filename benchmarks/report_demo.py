"""Render the HTML change report of the seed article in headless Chromium and save a screenshot.

    python -m benchmarks.report_demo [--shared ../shared]

Needs Debian's ``chromium`` (``apt-get install chromium``). Writes
``benchmarks/results/report.html`` and ``benchmarks/results/report.png``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from azfix import Cleaner
from azfix.report import render


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--out", type=Path, default=Path("benchmarks/results"))
    args = parser.parse_args(argv)
    text = (args.shared / "seed" / "seed.txt").read_text(encoding="utf-8")
    page = render([("seed.txt", text, Cleaner().correct(text))], title="azfix: seed article")
    args.out.mkdir(parents=True, exist_ok=True)
    html = args.out / "report.html"
    html.write_text(page, encoding="utf-8")
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print("chromium not found: apt-get install chromium")
        return 2
    png = args.out / "report.png"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", f"--user-data-dir={profile}", "--window-size=1200,1600",
                        f"--screenshot={png.resolve()}", html.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    print(f"{html} rendered to {png}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
