"""The loader: same data as PyYAML's safe_load, plus positions, files merged from folders."""

from __future__ import annotations

import textwrap

import pytest
import yaml
from conftest import lint_paths
from si_lint.load import inputs, loader
from si_lint.rules.diagnostic import InputError


def load(text: str):
    document = loader.load_text(textwrap.dedent(text), "f.yaml")
    return document, document.problems, document.index


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\nb: -2\nc: 0x1f\nd: 0o17\ne: 1_000\nf: 1.5\ng: -.inf\nh: 1e3\ni: 6.02e+23\n",
        "a: true\nb: False\nc: yes\nd: off\ne: ~\nf: null\ng:\nh: 'true'\ni: \"1\"\n",
        "a: [1, two, 3.0]\nb: {c: d}\nc: |\n  block\n  text\nd: >-\n  folded\n  text\n",
        "a: &x {k: v}\nb: *x\nc:\n  <<: *x\n  extra: 1\nd:\n  <<: [*x, {k: w, z: 2}]\n  k: own\n",
        "a: 190:20:30\nb: +12\nc: .5\nd: 012\ne: '012'\nf: !!str 12\ng: !!int '7'\n",
    ],
)
def test_values_match_pyyaml_safe_load(text):
    document, problems, _ = load(text)
    assert problems == []
    assert document.data == yaml.safe_load(text)


def test_dates_stay_text_as_the_schema_expects():
    document, _, _ = load("expires: 2027-06-30\nat: 2001-12-14t21:59:43.10-05:00\n")
    assert document.data == {"expires": "2027-06-30", "at": "2001-12-14t21:59:43.10-05:00"}


def test_keys_are_the_text_written():
    document, _, _ = load("on: 1\n2024: x\nnull: y\n")
    assert list(document.data) == ["on", "2024", "null"]


def test_positions_of_keys_and_items():
    document, _, index = load("""\
    version: 1
    applications:
      crm:
        access:
          devices: [windows,
            macos]
    """)
    crm = document.data["applications"]["crm"]
    assert loader.unpack(index.key_mark(document.data["applications"], "crm")) == (3, 3)
    assert loader.unpack(index.key_mark(crm, "access")) == (4, 5)
    devices = crm["access"]["devices"]
    assert loader.unpack(index.item_mark(devices, 1)) == (6, 9)
    assert index.place(crm, ("access", "devices", 0), (1, 1)) == (5, 17)
    assert document.place(("applications", "crm", "access")) == (4, 5)
    # A path that goes nowhere gives the default (the entity's key, for a missing field).
    assert index.place(crm, ("access", "nothing"), (7, 7)) == (7, 7)


def test_merged_keys_keep_the_position_where_they_were_written():
    document, _, index = load("base: &b\n  usage: business\napp:\n  <<: *b\n  owner: me\n")
    app = document.data["app"]
    assert app == {"owner": "me", "usage": "business"}
    assert loader.unpack(index.key_mark(app, "usage")) == (2, 3)
    assert loader.unpack(index.key_mark(app, "owner")) == (5, 3)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: 1\n")
    documents = loader.load_paths([str(path)])
    assert documents[0].problems == [] and documents[0].data == {"version": 1}


def test_folders_are_read_recursively_sorted_and_merged(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "apps.yml").write_text("version: 1\napplications:\n  crm: {usage: business, owner: x}\n")
    (tmp_path / "a.yaml").write_text("version: 1\nproviders:\n  gcp: {type: public-cloud}\n")
    (tmp_path / "notes.txt").write_text("not yaml")
    (tmp_path / "c.yaml").write_text("version: 1\napplications:\n  erp: {usage: business, owner: y, provider: gcp}\n")
    assert [p.rsplit("/", 1)[-1] for p in loader.discover([str(tmp_path)])] == ["a.yaml", "apps.yml", "c.yaml"]
    result = lint_paths([tmp_path], select=("EST",))
    assert result.diagnostics == []
    assert sorted(result.estate.applications) == ["crm", "erp"]
    file, line, column = result.estate.position(result.estate.applications["erp"], ("provider",))
    assert (file.rsplit("/", 1)[-1], line, column) == ("c.yaml", 3, 36)


def test_several_paths_are_merged_and_a_file_named_twice_is_read_once(tmp_path):
    one = tmp_path / "one.yaml"
    one.write_text("version: 1\napplications:\n  crm: {usage: business, owner: x}\n")
    other = tmp_path / "sub" / "two.yaml"
    other.parent.mkdir()
    other.write_text("version: 1\napplications:\n  erp: {usage: business, owner: y}\n")
    assert loader.discover([str(one), str(tmp_path), str(one)]) == [str(one), str(other)]
    # Merged into one estate: each application from its file, and no EST002 for the file named twice.
    result = lint_paths([one, tmp_path, one], select=("EST",))
    assert result.diagnostics == []
    assert {app.id: app.document.path for app in result.estate.applications.values()} == {
        "crm": str(one),
        "erp": str(other),
    }


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda p: p / "missing.yaml", "no such file or folder"),
        (lambda p: (p / "empty-dir").mkdir() or p / "empty-dir", "no *.yaml or *.yml file"),
    ],
)
def test_unreadable_paths_are_input_errors(tmp_path, make, words):
    with pytest.raises(InputError, match=words.replace("*", r"\*")):
        loader.discover([str(make(tmp_path))])


def test_non_utf8_is_an_input_error_with_its_position(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("version: 1\norganization: Société\n".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin1.yaml:2:19: not UTF-8 \(byte 0xe9\)"):
        inputs.read_text(str(path))


def test_a_repository_root_skips_hidden_files_and_si_lint_config(tmp_path):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "ci.yml").write_text("on: push\n")
    (tmp_path / ".pre-commit-config.yaml").write_text("repos: []\n")
    (tmp_path / ".si-lint.yaml").write_text("fail-on: error\n")
    (tmp_path / "si-lint.yaml").write_text("fail-on: error\n")
    (tmp_path / "estate").mkdir()
    (tmp_path / "estate" / "apps.yaml").write_text("version: 1\n")
    assert [p.rsplit("/", 1)[-1] for p in loader.discover([str(tmp_path)])] == ["apps.yaml"]
    # Named explicitly, a file is read whatever its name.
    assert len(loader.discover([str(tmp_path / ".pre-commit-config.yaml")])) == 1


def test_a_stream_gives_each_document_with_its_own_positions_and_problems():
    documents = loader.load_stream("a: 1\n---\nb: 2\nb: 3\n---\n# only a comment\n", "f.yaml")
    assert [d.data for d in documents] == [{"a": 1}, {"b": 2}, None]
    assert documents[1].place(("b",)) == (3, 1)
    assert [(p.code, p.line) for d in documents for p in d.problems] == [("EST002", 4)]
    assert loader.load_stream("", "f.yaml") == []


def test_a_stream_keeps_the_documents_before_an_error_and_places_it():
    documents = loader.load_stream("a: 1\n---\nb: *nowhere\n---\nc: 3\n", "f.yaml")
    assert [(d.data, d.readable) for d in documents] == [({"a": 1}, True), (None, False)]
    assert [(p.code, p.line, p.column) for p in documents[1].problems] == [("EST001", 3, 4)]


def test_a_stream_bounds_alias_expansion_per_document():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    documents = loader.load_stream("ok: 1\n---\n" + bomb, "f.yaml")
    assert documents[0].data == {"ok": 1}
    assert [(p.code, p.text.key) for p in documents[1].problems] == [("EST001", "load.alias_bomb")]
