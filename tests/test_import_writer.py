"""The YAML the importers write: readable, and read back exactly as written by PyYAML and by si-lint's loader."""

from __future__ import annotations

import random

import pytest
import yaml
from si_lint.importers import Entity, Imported
from si_lint.importers.writer import render, scalar, write_directory
from si_lint.load import loader
from si_lint.rules.diagnostic import InputError


def one(data: dict, entity_id: str = "crm", source: str = "inventory.csv row 2") -> str:
    return render(Imported([Entity("applications", entity_id, data, source)], origin="inventory.csv"))


def test_layout_comment_flow_lists_and_blocks():
    text = one(
        {
            "name": "Gestion des congés",
            "description": "First line\nsecond line\n",
            "access": {"browser": True, "devices": ["windows", "macos"]},
            "availability": {"target": 99.9},
            "depends_on": [{"any_of": ["a", "b"]}, "c"],
        }
    )
    assert text == (
        "# Imported by si-lint from inventory.csv: what the source does not say is left out, "
        "and `si-lint` reports it\n"
        "version: 1\n"
        "applications:\n"
        "  # inventory.csv row 2\n"
        "  crm:\n"
        "    name: Gestion des congés\n"
        "    description: |\n"
        "      First line\n"
        "      second line\n"
        "    access:\n"
        "      browser: true\n"
        "      devices: [windows, macos]\n"
        "    availability:\n"
        "      target: 99.9\n"
        "    depends_on:\n"
        "      - any_of: [a, b]\n"
        "      - c\n"
    )


@pytest.mark.parametrize(
    "value, written",
    [
        ("on", '"on"'),
        ("No", '"No"'),
        ("null", '"null"'),
        ("12", '"12"'),
        ("2027-06-30", '"2027-06-30"'),
        ("user:guest", "user:guest"),
        ("a: b", '"a: b"'),
        ("# not a comment", '"# not a comment"'),
        ("trailing ", '"trailing "'),
        ("- item", '"- item"'),
        ("tab\there", '"tab\\there"'),
        ("nel\x85", '"nel\\x85"'),
        ("Équipe RH – Paris", "Équipe RH – Paris"),
        (True, "true"),
        (1200, "1200"),
        (99.995, "99.995"),
        (1e-05, "1.0e-05"),
    ],
)
def test_scalars_read_back_as_written(value, written):
    assert scalar(value) == written
    assert yaml.safe_load(f"k: {written}")["k"] == value


def test_ids_that_are_yaml_words_are_quoted_keys():
    assert '\n  "yes":\n' in one({"name": "Yes"}, entity_id="yes")
    assert yaml.safe_load(one({}, entity_id="off"))["applications"] == {"off": {}}


def test_comments_cannot_break_out_of_their_line():
    text = one({}, source="weird\nname\u2028.csv row 2")
    assert "  # weird\\nname\\u2028.csv row 2\n" in text


NASTY = list("abcXYZ019 _-.,:#'\"\\/[]{}&*!|>%@`?\n\t\r") + [
    "é",
    "\u00a0",
    "\x85",
    "\u2028",
    "\ufeff",
    "\x00",
    "\x7f",
    "😀",
    "yes",
    "No",
    "null",
    "~",
    "0x1",
    "1e3",
    "2024-01-01",
    ".inf",
    "- ",
    ": ",
    " #",
    "user:",
    "|",
    ">-",
]


def test_any_text_reads_back_identically():
    rng = random.Random(6)

    def text():
        return "".join(rng.choice(NASTY) for _ in range(rng.randint(0, 10)))

    for _ in range(2000):
        data = {
            "name": text(),
            "description": text(),
            "access": {"installed_clients": [text(), text()]},
            "cost": {"per_user_month": rng.choice([0, 1.5, 1e-05, 99.995, 1e16, 3])},
        }
        written = one(data, source=text())
        assert yaml.safe_load(written)["applications"]["crm"] == data, written
        document = loader.load_text(written, "x.yaml")
        assert document.problems == [] and document.data["applications"]["crm"] == data, written


def test_folder_gets_one_file_per_application_and_one_per_other_section(tmp_path):
    imported = Imported(
        [
            Entity("applications", "infrastructure", {}, "a"),  # an id cannot collide with the section files
            Entity("data_stores", "db", {"kind": "operational"}, "b"),
            Entity("infrastructure", "net", {"type": "network"}, "c"),
        ],
        origin="test",
    )
    written = write_directory(imported, str(tmp_path / "out"))
    assert sorted(p.split("/")[-1] for p in written) == [
        "_data_stores.yaml",
        "_infrastructure.yaml",
        "infrastructure.yaml",
    ]
    assert yaml.safe_load((tmp_path / "out" / "_data_stores.yaml").read_text()) == {
        "version": 1,
        "data_stores": {"db": {"kind": "operational"}},
    }


def test_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("")
    with pytest.raises(InputError, match="not an empty folder"):
        write_directory(Imported(origin="test"), str(tmp_path / "out"))
