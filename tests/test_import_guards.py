"""The importers read only what the user named, in bounded time: issue 15's import cases, each with the input,
the exit code and the message.

Each case runs the real command in its own process with a timeout and an
address-space cap, so a hang, a walk of the whole filesystem or a memory
blow-up fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import textwrap

import pytest

TIMEOUT = 30  # seconds: every case here takes well under one
MEMORY_CAP = 2 * 1024**3

COMPONENT = "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: {{name: {}}}\n"
SECRET = "TOP SECRET password=hunter2"


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


def location(*targets) -> str:
    listed = "".join(f"    - {target}\n" for target in targets)
    return "apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata: {name: all}\nspec:\n  targets:\n" + listed


@pytest.fixture
def catalog(tmp_path):
    """catalog/ (the folder the user names) beside secret/, which holds a catalog file no one named."""
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "creds.yaml").write_text(
        f'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: creds\n  description: "{SECRET}"\n'
    )
    folder = tmp_path / "catalog"
    (folder / "teams" / "deep").mkdir(parents=True)
    (folder / "teams" / "a.yaml").write_text(COMPONENT.format("a"))
    (folder / "teams" / "deep" / "b.yaml").write_text(COMPONENT.format("b"))
    return folder


# --- Location targets stay inside the folders the user named ----------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "../secret/creds.yaml",
        "/etc/hostname",
        "../../../../etc/passwd",
        "/proc/self/environ",
    ],
)
def test_a_target_outside_the_catalog_folder_is_reported_and_not_read(catalog, target):
    (catalog / "catalog-info.yaml").write_text(location("./teams/a.yaml", target))
    result = si_lint("import", "backstage", catalog / "catalog-info.yaml")
    assert result.returncode == 1, result.stderr
    shown = os.path.normpath(os.path.join(catalog, target))
    assert (
        f"catalog-info.yaml:7:7: error: target {shown} is outside {catalog}: not read; name its folder on the "
        "command line to import it"
    ) in result.stderr
    assert SECRET not in result.stdout and "root:" not in result.stdout
    assert "a: {}" in result.stdout  # the target inside is read


def test_a_target_is_read_when_the_user_names_its_folder_too(catalog):
    (catalog / "catalog-info.yaml").write_text(location("../secret/creds.yaml"))
    result = si_lint("import", "backstage", catalog / "catalog-info.yaml", catalog.parent / "secret")
    assert result.returncode == 0, result.stderr
    assert "creds:" in result.stdout


def test_a_symbolic_link_inside_the_folder_does_not_lead_out(catalog):
    os.symlink(catalog.parent / "secret" / "creds.yaml", catalog / "teams" / "link.yaml")
    (catalog / "catalog-info.yaml").write_text(location("./teams/link.yaml"))
    result = si_lint("import", "backstage", catalog / "catalog-info.yaml")
    assert result.returncode == 1
    assert f"target {catalog / 'teams' / 'link.yaml'} is outside {catalog}: not read" in result.stderr
    assert SECRET not in result.stdout


@pytest.mark.parametrize("pattern", ["/**/*.x", "../../../../**/*.yaml", "../*/*.yaml", "/etc/*"])
def test_a_glob_reaching_outside_is_not_expanded(catalog, pattern):
    (catalog / "catalog-info.yaml").write_text(location(pattern))
    result = si_lint("import", "backstage", catalog / "catalog-info.yaml")
    assert result.returncode == 1, result.stderr
    shown = os.path.normpath(os.path.join(catalog, pattern))
    assert f"catalog-info.yaml:6:7: error: target {shown} is outside {catalog}: not read" in result.stderr
    assert SECRET not in result.stdout


def test_a_glob_is_expanded_inside_the_folder_only(catalog):
    os.symlink(catalog.parent / "secret", catalog / "teams" / "escape")  # a folder link: not followed
    os.symlink(catalog.parent / "secret" / "creds.yaml", catalog / "teams" / "deep" / "creds.yaml")
    (catalog / "teams" / ".hidden.yaml").write_text(COMPONENT.format("hidden"))
    (catalog / "catalog-info.yaml").write_text(location("./teams/**/*.yaml", "./teams/*.yml"))
    result = si_lint("import", "backstage", catalog / "catalog-info.yaml")
    assert result.returncode == 1, result.stderr
    assert [line.strip() for line in result.stdout.splitlines() if line.strip().endswith("{}")] == ["a: {}", "b: {}"]
    assert (
        f"catalog-info.yaml:6:7: error: target {catalog / 'teams' / 'deep' / 'creds.yaml'} is outside "
        f"{catalog}: not read"
    ) in result.stderr
    assert f"catalog-info.yaml:7:7: error: target {catalog / 'teams' / '*.yml'} matches no file" in result.stderr
    assert SECRET not in result.stdout


# --- YAML that would blow up, inputs that are not files, encodings that are not of text ---------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)


def test_an_alias_bomb_in_a_catalog_is_refused_in_bounded_time(tmp_path):
    (tmp_path / "c.yaml").write_text(
        COMPONENT.format("a")
        + "---\napiVersion: backstage.io/v1alpha1\n"
        + "kind: Component\nmetadata:\n  name: b\n  annotations:\n"
        + textwrap.indent(BOMB, "    ")
    )
    result = si_lint("import", "backstage", tmp_path / "c.yaml")
    assert result.returncode == 1, result.stderr
    assert (
        "error: invalid YAML: aliases expand this file to more than 5,000,000 nodes (an alias bomb?): write the "
        "values out or share less; the rest of the file is not read"
    ) in result.stderr
    assert "a: {}" in result.stdout  # the entity before it is kept


def test_an_alias_bomb_in_a_mapping_is_refused(tmp_path):
    (tmp_path / "inv.csv").write_text("Name\nA\n")
    (tmp_path / "map.yaml").write_text("columns: {Name: name}\nextra:\n" + textwrap.indent(BOMB, "  "))
    result = si_lint("import", "csv", tmp_path / "inv.csv", "-m", tmp_path / "map.yaml")
    assert result.returncode == 2
    assert "map.yaml:9:22: invalid YAML: aliases expand this file to more than 5,000,000 nodes" in result.stderr


def test_tags_and_huge_numbers_in_a_catalog_are_reported_not_crashed_on(tmp_path):
    (tmp_path / "c.yaml").write_text(
        COMPONENT.format("a")
        + "---\n"
        + COMPONENT.format("b")
        + "spec: {lifecycle: !!bool foo}\n---\n"
        + COMPONENT.format("c")
        + f"spec: {{lifecycle: {'9' * 5000}}}\n"
    )
    result = si_lint("import", "backstage", tmp_path / "c.yaml")
    assert result.returncode == 1, result.stderr
    assert "c.yaml:8:19: error: invalid YAML: 'foo' is not a valid bool" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("encoding", ["rot13", "base64", "hex", "zlib", "bz2", "uu"])
def test_an_encoding_that_is_not_of_text_exits_2(tmp_path, encoding):
    (tmp_path / "inv.csv").write_text("Name\nA\n")
    (tmp_path / "map.yaml").write_text("columns: {Name: name}\n")
    result = si_lint("import", "csv", tmp_path / "inv.csv", "-m", tmp_path / "map.yaml", "--encoding", encoding)
    assert result.returncode == 2
    assert (
        f"si-lint: error: '{encoding}' is not an encoding of text (it turns bytes into bytes): try utf-8, cp1252 "
        "or latin-1"
    ) in result.stderr


@pytest.mark.parametrize("encoding", ["punycode", "undefined"])
def test_an_encoding_of_names_that_fails_exits_2(tmp_path, encoding):
    (tmp_path / "inv.csv").write_bytes(b"Name\na..b\n")
    (tmp_path / "map.yaml").write_text("columns: {Name: name}\n")
    result = si_lint("import", "csv", tmp_path / "inv.csv", "-m", tmp_path / "map.yaml", "--encoding", encoding)
    assert result.returncode == 2
    assert f"inv.csv: not readable as {encoding}" in result.stderr


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.yaml"
    os.mkfifo(path)
    return path


def test_a_fifo_as_the_inventory_exits_2(tmp_path, fifo):
    (tmp_path / "map.yaml").write_text("columns: {Name: name}\n")
    result = si_lint("import", "csv", fifo, "-m", tmp_path / "map.yaml")
    assert result.returncode == 2
    assert f"si-lint: error: {fifo}: not a regular file or folder" in result.stderr


def test_a_device_as_the_inventory_exits_2(tmp_path):
    (tmp_path / "map.yaml").write_text("columns: {Name: name}\n")
    result = si_lint("import", "csv", "/dev/zero", "-m", tmp_path / "map.yaml")
    assert result.returncode == 2
    assert "si-lint: error: /dev/zero: not a regular file or folder" in result.stderr


def test_a_fifo_as_the_mapping_exits_2(tmp_path, fifo):
    (tmp_path / "inv.csv").write_text("Name\nA\n")
    result = si_lint("import", "csv", tmp_path / "inv.csv", "-m", fifo)
    assert result.returncode == 2
    assert f"si-lint: error: {fifo}: not a regular file or folder" in result.stderr


def test_a_fifo_named_as_a_catalog_exits_2(fifo):
    result = si_lint("import", "backstage", fifo)
    assert result.returncode == 2
    assert f"si-lint: error: {fifo}: not a regular file or folder" in result.stderr


def test_a_fifo_in_a_catalog_folder_or_as_a_target_is_reported(tmp_path, fifo):
    (tmp_path / "catalog-info.yaml").write_text(location("./pipe.yaml") + "---\n" + COMPONENT.format("a"))
    result = si_lint("import", "backstage", tmp_path)
    assert result.returncode == 1, result.stderr
    assert f"{fifo}: error: {fifo}: not a regular file or folder; its entities are not imported" in result.stderr
    assert "a: {}" in result.stdout
    result = si_lint("import", "backstage", tmp_path / "catalog-info.yaml")
    assert result.returncode == 1, result.stderr
    assert f"catalog-info.yaml:6:7: error: target {fifo} is not a regular file: not read" in result.stderr
