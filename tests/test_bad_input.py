"""Broken estates never produce a traceback: a clean exit 1 or 2 with a message, in bounded time and memory.

Each case runs the real command in its own process, with an address-space cap
and a timeout, so a crash, a hang or a memory blow-up fails the test.
"""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest

MEMORY_CAP = 2 * 1024**3  # bytes of address space for the child
TIMEOUT = 60  # seconds


def _cap_memory():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def si_lint(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "si_lint", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_cap_memory,
        cwd=cwd,
    )


def billion_laughs() -> str:
    lines = ["version: 1", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 10):
        refs = ",".join(f"*a{level - 1}" for _ in range(9))
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines.append("organization: *a9")
    return "\n".join(lines) + "\n"


WRONG_TYPES = """\
version: 1
organization: [not, a, string]
providers:
  p: {type: 12, offers: cloud}
infrastructure:
  i: {type: [server], availability: high}
data_stores:
  d: {kind: true, data: structured, encryption: yes}
applications:
  a:
    usage: {b: s}
    access: [browser]
    users: -3
    depends_on: {any_of: x}
    waivers: {rule: ACC001}
integrations: {from: a}
"""

CASES = {
    "empty file": (b"", 1, "empty"),
    "only a comment": (b"# nothing here\n", 1, "empty"),
    "list at top level": (b"- version: 1\n- applications: {}\n", 1, "a list"),
    "scalar at top level": (b"hello\n", 1, "EST003"),
    "binary bytes": (bytes(range(256)) * 4, 2, "not UTF-8"),
    "NUL in UTF-8 text": (b"version: 1\norganization: a\x00b\n", 1, "EST001"),
    "tabs for indentation": (b"version: 1\napplications:\n\tcrm:\n\t\tusage: business\n", 1, "EST001"),
    # libyaml stops at 1,000 levels with its own words (PyYAML >= 6.0.3) or our guard stops at 100 first:
    # either way, EST001 on line 2.
    "deep flow nesting": (b"version: 1\norganization: " + b"[" * 200_000 + b"\n", 1, ("estate.yaml:2:", "EST001")),
    "flow nesting past our cap": (b"version: 1\norganization: " + b"[" * 150 + b"\n", 1, "estate.yaml:2:114: EST001"),
    "deep block nesting": (
        b"version: 1\norganization:\n" + b"".join(b" " * (i + 1) + b"- \n" for i in range(300)),
        1,
        "EST001",
    ),
    "billion laughs": (billion_laughs().encode(), 1, "alias"),
    "wrong types everywhere": (WRONG_TYPES.encode(), 1, "EST003"),
    "unclosed quote": (b'version: 1\norganization: "never closed\n', 1, "EST001"),
    "Latin-1 file": ("version: 1\norganization: Société\n".encode("latin-1"), 2, "not UTF-8"),
    "UTF-16 file": ("version: 1\n".encode("utf-16"), 2, "not UTF-8"),
    "huge key": (b"version: 1\n" + b"k" * 2_000_000 + b": 1\n", 1, "EST001"),  # YAML caps keys at 1024
    "mapping as key": (b"version: 1\n? {a: 1}\n: x\n", 1, "EST001"),
    "python tag": (b"version: 1\norganization: !!python/object/apply:os.system [echo pwned]\n", 1, "not supported"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_broken_estate_gives_a_message_not_a_traceback(tmp_path, name):
    content, expected_exit, words = CASES[name]
    path = tmp_path / "estate.yaml"
    path.write_bytes(content)
    result = si_lint(path)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == expected_exit, output[-2000:]
    for expected in words if isinstance(words, tuple) else (words,):
        assert expected in output
    if expected_exit == 1:
        assert f"{path}:" in result.stdout  # findings carry file:line:col


def test_a_50_megabyte_file(tmp_path):
    path = tmp_path / "big.yaml"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("version: 1\norganization: >\n")
        line = "  " + "lorem ipsum dolor sit amet " * 3 + "\n"
        handle.write(line * (50 * 1024 * 1024 // len(line)))
        handle.write("applications: [not, a, mapping]\n")
    result = si_lint(path)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert "applications: a list is" in result.stdout or "applications" in result.stdout


@pytest.mark.parametrize(
    "args, words",
    [
        (["does-not-exist.yaml"], "no such file or folder"),
        (["--format", "xml", "x.yaml"], "--format: 'xml' is not one of"),
        (["--today", "tomorrow", "x.yaml"], "is not a date"),
        (["--lang", "de", "x.yaml"], "--lang: 'de' is not one of 'en' or 'fr'"),
        (["--no-such-option"], "no such option '--no-such-option'"),
        (["explain", "XYZ123"], "no rule 'XYZ123'"),
        (["check", "--select", ""], "selects no rule"),
    ],
)
def test_bad_usage_exits_2_with_a_message(tmp_path, args, words):
    (tmp_path / "x.yaml").write_text("version: 1\n")
    result = si_lint(*args, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert words in result.stderr


def test_a_folder_without_estate_files(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = si_lint(tmp_path)
    assert result.returncode == 2
    assert "no *.yaml or *.yml file" in result.stderr


def test_an_unwritable_output(tmp_path):
    (tmp_path / "x.yaml").write_text("version: 1\n")
    result = si_lint(tmp_path / "x.yaml", "--output", tmp_path / "missing-dir" / "report.txt")
    assert result.returncode == 2
    assert "cannot be written" in result.stderr
