"""The estates an editor holds: for each workspace folder, its settings, files, loaded documents and findings.

A `WorkspaceEstate` is one estate, linted as the CLI lints it from that folder (config
discovered there, custom rules, options). It keeps one loaded `Document` per
file and reloads a file only when its text changed, then runs the engine over
all of them with the memo of the last lint (`engine.Memo`): an edit re-reads one
file, and findings are computed again only where what they read changed.
Editor buffers count over the files on disk. Nothing here knows LSP.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from ..i18n.messages import Text, render
from ..load import loader
from ..load.inputs import read_text
from ..rules import engine
from ..rules.catalogue import Catalogue, Rule, load_catalogue
from ..rules.diagnostic import Diagnostic, InputError
from ..rules.settings import Settings
from . import text as lsp_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..model.products import Product


def estate_files(root: str, paths: tuple[str, ...], skip: tuple[str, ...] = ()) -> list[str]:
    """The files of the estate (absolute paths), as a bare `si-lint` in `root` reads them: the config's
    `paths` (absolute), else every estate file below `root`. A dangling link, a link loop or a FIFO is kept:
    reading it fails, and that is said on it (`Unreadable`) while the others are linted."""
    targets = [os.path.join(root, path) for path in paths] or [root]
    try:
        return [os.path.abspath(path) for path in loader.estate_paths(targets, skip)]
    except InputError:  # no estate file yet, or a configured path not there yet
        return []


@dataclasses.dataclass
class Unreadable:
    """A file of the estate that cannot be read at all (not UTF-8, too big): the CLI's exit 2, in place."""

    message: str
    line: int
    column: int


# path -> (findings in force, waived findings)
Findings = dict[str, tuple[list[Diagnostic], list[Diagnostic]]]


class WorkspaceEstate:
    """One estate: a workspace folder, or a lone file opened outside every folder (`root` None)."""

    def __init__(self, root: Optional[str], env_lang: str, lone_file: Optional[str] = None) -> None:
        self.root = root
        self.env_lang = env_lang
        self.lone_file = lone_file
        self.settings = Settings(lang=env_lang)
        self.catalogue: Optional[Catalogue] = None
        self.products: Optional[dict[str, Product]] = None  # None: the built-in catalogue, until configured
        self.config_error: Optional[str] = None
        self.paths: tuple[str, ...] = ()  # the config's `paths`, absolute, once configured
        self.files: list[str] = []
        self._disk: dict[str, str | Unreadable] = {}  # path -> text, or Unreadable
        self._loaded: dict[str, tuple[str, loader.Document]] = {}  # path -> (text, Document)
        self._paths: dict[str, str] = {}  # name in findings -> path
        self._rule_files: dict[str, Optional[str]] = {}  # code -> its rule file
        self.result: Optional[engine.Result] = None
        self.texts: dict[str, str] = {}  # path -> the text the last result was computed on
        self.unreadable: dict[str, Unreadable] = {}  # path -> Unreadable, in the last result
        self.memo = engine.Memo()  # the words of the last lint's findings: most stay as they were

    # --- settings and files ---------------------------------------------------------

    def configure(self) -> None:
        """Settings as `si-lint` run from the folder finds them; a bad config is reported and the
        defaults are used, so that the editor keeps showing findings."""
        from ..project import Project

        self.config_error = None
        self._rule_files = {}
        try:
            # As `si-lint` run in the folder: the config discovered from there, its folders absolute.
            project = Project.from_root(Path(self.folder), env_lang=self.env_lang)
            self.settings, self.catalogue, self.products = project.settings, project.catalogue, project.products
            self.paths = project.effective.paths
        except InputError as error:
            self.config_error = error.render(self.env_lang)
            self.settings, self.catalogue, self.products = Settings(lang=self.env_lang), load_catalogue(), None
            self.paths = ()
        self.refresh_files()

    @property
    def folder(self) -> str:
        """The folder the estate is resolved from: the workspace folder, or the lone file's folder."""
        return self.root or os.path.dirname(self._lone_file())

    def _lone_file(self) -> str:
        assert self.lone_file is not None, "an estate without a folder is a lone file's"
        return self.lone_file

    def refresh_files(self) -> None:
        if self.root is None:
            self.files = [self._lone_file()]
        else:
            self.files = estate_files(self.root, self.paths, self.settings.rules_dirs + self.settings.products_dirs)
        kept = set(self.files)
        for cache in (self._disk, self._loaded):
            for path in [path for path in cache if path not in kept]:
                del cache[path]

    def forget_disk(self, path: str) -> None:
        """The file changed on disk (saved, edited elsewhere, closed): read it again next time."""
        self._disk.pop(path, None)

    def owns(self, path: str) -> bool:
        return path in self.files

    def contains(self, path: str) -> bool:
        """Whether `path` lies in this folder (an estate file or not)."""
        if self.root is None:
            return path == self.lone_file
        return path == self.root or path.startswith(self.root.rstrip(os.sep) + os.sep)

    def name(self, path: str) -> str:
        """The file's name in findings: relative to the folder, as `si-lint .` run there prints it."""
        if self.root is None:
            return os.path.basename(path)
        return os.path.relpath(path, self.root)

    def path(self, name: str) -> str:
        if self.root is None:
            return self._lone_file()
        found = self._paths.get(name)
        if found is None:
            found = self._paths[name] = os.path.normpath(os.path.join(self.root, name))
        return found

    # --- linting --------------------------------------------------------------------------

    def text(self, path: str, buffers: Mapping[str, str]) -> str | Unreadable:
        """The text of a file: its editor buffer when open, else the file on disk (or Unreadable)."""
        if path in buffers:
            surrogate = lsp_text.lone_surrogate(buffers[path])
            if surrogate is not None:  # what no file can hold: said where it is, as a file not UTF-8 is
                code, line, column = surrogate
                return Unreadable(render(self.settings.lang, Text("input.lone_surrogate", code=code)), line, column)
            return buffers[path]
        text = self._disk.get(path)
        if text is None:
            try:
                text = read_text(path)
            except InputError as error:
                place = error.place
                line, column = (place.line or 1, place.column or 1) if place is not None else (1, 1)
                text = Unreadable(render(self.settings.lang, error.message), line, column)
            self._disk[path] = text
        return text

    def document(self, path: str, text: str) -> loader.Document:
        """The loaded document of this text, parsed again only when the text changed."""
        cached = self._loaded.get(path)
        if cached is not None and (cached[0] is text or cached[0] == text):
            return cached[1]
        document = loader.load_text(text, self.name(path))
        self._loaded[path] = (text, document)
        return document

    def lint(self, buffers: Mapping[str, str]) -> Findings:
        """Lint the estate with these buffers over the disk; returns path -> findings (waived ones too)."""
        texts: dict[str, str] = {}
        documents: list[loader.Document] = []
        unreadable: dict[str, Unreadable] = {}
        for path in list(self.files):  # the file list may be refreshed meanwhile
            text = self.text(path, buffers)
            if isinstance(text, Unreadable):
                unreadable[path] = text
                continue
            texts[path] = text
            documents.append(self.document(path, text))
        catalogue = self.current_catalogue()
        settings = dataclasses.replace(self.settings, today=datetime.date.today())
        result = engine.lint_documents(documents, settings, catalogue, self.products, memo=self.memo)
        self.result, self.texts, self.unreadable = result, texts, unreadable
        return self.findings()

    def findings(self) -> Findings:
        """path -> (findings in force, waived findings) of the last lint, for every file of the estate."""
        found: Findings = {path: ([], []) for path in self.files}
        if self.result is None:
            return found
        for kind, diagnostics in enumerate((self.result.diagnostics, self.result.waived)):
            for diagnostic in diagnostics:
                path = self.path(diagnostic.file)
                found.setdefault(path, ([], []))[kind].append(diagnostic)
        return found

    def current_catalogue(self) -> Catalogue:
        """The configured rules, or the built-in ones until configured."""
        return self.catalogue or load_catalogue()

    def rule(self, code: str) -> Optional[Rule]:
        return self.current_catalogue().rules.get(code)

    def rule_file(self, rule: Rule) -> Optional[str]:
        """The rule file on disk: the rule's own documentation, texts and examples side by side."""
        if rule.code not in self._rule_files:
            self._rule_files[rule.code] = self._find_rule_file(rule)
        return self._rule_files[rule.code]

    def _find_rule_file(self, rule: Rule) -> Optional[str]:
        if rule.builtin:
            from importlib import resources

            located = resources.files("si_lint.rules.builtin").joinpath(Path(rule.origin).name)
            return str(located) if Path(str(located)).is_file() else None
        origin = Path(rule.origin)
        if not origin.is_absolute():  # custom rules are read from the folder the config was resolved in
            origin = Path(self.folder) / origin
        return str(origin)
