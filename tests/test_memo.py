"""engine.Memo: an estate linted again with what the last lint found (the language server's way) gives
exactly what a lint from nothing gives, whatever changed in between: a file, another file an entity
reads (its provider's type), the settings, or a lint that failed half-way."""

from __future__ import annotations

import pytest
from conftest import REPO, settings
from hypothesis import given
from hypothesis import strategies as st
from si_lint.load import loader
from si_lint.rules import checks, engine
from test_properties import mutants

MULTI = REPO / "examples" / "multi-file"


class Editor:
    """Keeps each file's loaded document while its text is unchanged, as `lsp_workspace.WorkspaceEstate` does."""

    def __init__(self, catalogue, **overrides) -> None:
        self.catalogue, self.settings = catalogue, settings(**overrides)
        self.memo = engine.Memo()
        self.loaded: dict = {}

    def documents(self, texts: dict) -> list:
        documents = []
        for name, text in sorted(texts.items()):
            cached = self.loaded.get(name)
            if cached is None or cached[0] != text:
                cached = self.loaded[name] = (text, loader.load_text(text, name))
            documents.append(cached[1])
        return documents

    def lint(self, texts: dict):
        return engine.lint_documents(self.documents(texts), self.settings, self.catalogue, memo=self.memo)


def fresh(texts: dict, catalogue, **overrides):
    documents = [loader.load_text(text, name) for name, text in sorted(texts.items())]
    return engine.lint_documents(documents, settings(**overrides), catalogue)


def same(kept, new) -> None:
    assert kept.diagnostics == new.diagnostics
    assert kept.waived == new.waived


def multi_file() -> dict:
    return {
        path.relative_to(MULTI).as_posix(): path.read_text(encoding="utf-8") for path in sorted(MULTI.rglob("*.yaml"))
    }


def test_a_provider_changed_in_its_own_file_changes_the_findings_of_what_it_hosts(catalogue):
    texts = multi_file()
    editor = Editor(catalogue)
    before = editor.lint(texts)
    assert before.diagnostics == fresh(texts, catalogue).diagnostics
    # Only providers.yaml changes: the applications' files are the same documents, their facts are not.
    texts["providers.yaml"] = texts["providers.yaml"].replace("type: public-cloud", "type: on-premise")
    after = editor.lint(texts)
    same(after, fresh(texts, catalogue))
    assert {d.code for d in after.diagnostics} - {d.code for d in before.diagnostics}


def test_an_edit_and_its_undo_give_what_a_fresh_lint_gives_each_time(catalogue):
    texts = multi_file()
    editor = Editor(catalogue, preview=True)
    edited = dict(texts)
    edited["applications/business.yaml"] = edited["applications/business.yaml"].replace(
        "browser: true", "browser: false", 1
    )
    for version in (texts, edited, texts, edited):
        same(editor.lint(version), fresh(version, catalogue, preview=True))


def test_other_settings_forget_what_was_kept(catalogue):
    texts = multi_file()
    editor = Editor(catalogue)
    editor.lint(texts)
    editor.settings = settings(lang="fr", severity={"GOV002": "error"})
    same(editor.lint(texts), fresh(texts, catalogue, lang="fr", severity={"GOV002": "error"}))


def test_a_lint_that_failed_half_way_is_not_kept(catalogue, monkeypatch):
    texts = multi_file()
    editor = Editor(catalogue)
    editor.lint(texts)
    # What the rules after ACC003 find changes (CLD002: a SaaS tenancy to state; CLD005: not serverless)...
    edited = dict(texts)
    edited["applications/business.yaml"] = edited["applications/business.yaml"].replace(
        "delivery: serverless", "delivery: saas", 1
    )

    def broken(*arguments, **named):
        raise RuntimeError("a check that fails")

    # ... but the lint of that edit stops at ACC003, before them.
    monkeypatch.setitem(checks.CHECKS, "missing_devices", broken)
    with pytest.raises(RuntimeError):
        editor.lint(edited)
    monkeypatch.undo()
    after = editor.lint(edited)
    same(after, fresh(edited, catalogue))
    assert {"CLD002", "CLD005"} <= {d.code for d in after.diagnostics}


@given(mutants(), st.booleans())
def test_any_mutant_linted_after_its_example_gives_what_a_fresh_lint_gives(mutant, preview):
    from si_lint.rules.catalogue import load_catalogue

    catalogue = load_catalogue()
    name, texts = mutant
    readable = {}
    for file, text in texts.items():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # the editor does not lint a file it cannot read
            continue
        readable[file] = text
    original = {
        file: path.read_text(encoding="utf-8") for file, path in _example_files(name).items() if file in readable
    }
    editor = Editor(catalogue, preview=preview)
    editor.lint(original)
    same(editor.lint(readable), fresh(readable, catalogue, preview=preview))
    same(editor.lint(original), fresh(original, catalogue, preview=preview))


def _example_files(name: str) -> dict:
    from test_properties import EXAMPLES

    return EXAMPLES[name]


@given(st.lists(mutants(), min_size=2, max_size=4), st.booleans())
def test_a_run_of_edits_gives_at_each_step_what_a_fresh_lint_gives(steps, preview):
    """What the memo keeps goes through several lints: each one is compared to a lint from nothing."""
    from si_lint.rules.catalogue import load_catalogue

    catalogue = load_catalogue()
    editor = Editor(catalogue, preview=preview)
    for _, texts in steps:
        readable = {}
        for file, text in texts.items():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                continue
            readable[file] = text
        same(editor.lint(readable), fresh(readable, catalogue, preview=preview))
