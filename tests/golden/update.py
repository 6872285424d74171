"""Write the golden outputs: every format of `check` and `plan` on the three examples, in both languages.

    python tests/golden/update.py

Run it after a change that is meant to change an output, then read the diff
(`git diff tests/golden`) as a reviewer would: tests/test_golden.py fails on
any byte that differs from these files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EXAMPLES = {
    "compliant": "examples/compliant/estate.yaml",
    "legacy": "examples/legacy/estate.yaml",
    "multi-file": "examples/multi-file",
}
# A fixed day: waivers expire and support ends, and goldens must not rot.
TODAY = "2026-11-23"
CHECK_FORMATS = ("text", "json", "table", "html", "sarif", "junit", "github", "gitlab", "markdown", "csv")
PLAN_FORMATS = ("text", "markdown", "json", "csv")
EXTENSIONS = {
    "text": "txt",
    "table": "txt",
    "github": "txt",
    "junit": "xml",
    "sarif": "json",
    "gitlab": "json",
    "markdown": "md",
}


def cases():
    """(golden file name, command line) for every output this folder keeps."""
    for example, path in EXAMPLES.items():
        for lang in ("en", "fr"):
            for fmt in CHECK_FORMATS:
                name = f"{example}/check-{fmt}.{lang}.{EXTENSIONS.get(fmt, fmt)}"
                yield name, ["check", path, "--format", fmt, "--lang", lang, "--today", TODAY]
            for fmt in PLAN_FORMATS:
                name = f"{example}/plan-{fmt}.{lang}.{EXTENSIONS.get(fmt, fmt)}"
                yield name, ["plan", path, "--format", fmt, "--lang", lang, "--today", TODAY]


def main() -> None:
    for name, args in cases():
        run = subprocess.run([sys.executable, "-m", "si_lint", *args], cwd=REPO, capture_output=True, check=False)
        if run.returncode not in (0, 1):
            sys.exit(f"{name}: exit {run.returncode}\n{run.stderr.decode()}")
        target = HERE / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(run.stdout)


if __name__ == "__main__":
    main()
