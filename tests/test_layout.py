"""The layout the issue asked for, kept: stage folders, no rule code in the plan and scoring, no os.chdir."""

from __future__ import annotations

import ast
import re

from conftest import REPO

LINTER = REPO / "linter"
STAGES = ("load", "validate", "model", "rules", "score", "report", "i18n", "config", "cli", "lsp", "importers")
CODE = re.compile(r"\b(ACC|CLD|COL|DAT|AVL|INT|CST|GOV|EST)[0-9]{3}\b")


def test_the_package_top_holds_a_handful_of_modules_and_one_folder_per_stage():
    top = sorted(path.name for path in LINTER.glob("*.py"))
    assert top == ["__init__.py", "__main__.py", "project.py"]
    folders = {path.name for path in LINTER.iterdir() if path.is_dir() and (path / "__init__.py").exists()}
    assert folders == set(STAGES)


def test_the_readme_names_the_stage_folders_one_to_one():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it is built", 1)[1].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| [a-z]+ \| `([a-z0-9]+)/` \|", section, re.M))
    assert named == set(STAGES)


def _strings(path) -> list:
    """The string constants of a module's code (comments and docstrings may name a rule to explain)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def test_the_plan_and_the_scores_name_no_rule_code():
    for path in sorted((LINTER / "score").glob("*.py")) + [LINTER / "report" / "plan.py"]:
        found = [text for text in _strings(path) if CODE.search(text)]
        assert not found, f"{path.relative_to(REPO)} names rule codes {found}: the rule files declare their actions"


def test_the_rule_code_check_can_fail(tmp_path):
    module = tmp_path / "plan.py"
    module.write_text('"""Docs may say CLD006."""\nMOVE = ("CLD001",)\n', encoding="utf-8")
    assert _strings(module) == ["CLD001"]


def test_nothing_changes_the_current_folder_and_only_the_command_line_reads_it():
    for path in sorted(LINTER.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "os.chdir" not in text, path
        if path.parent.name != "cli":
            assert "Path.cwd()" not in text and "os.getcwd()" not in text, path
