"""One estate to lint, resolved once from an explicit root folder: settings, rules, products, what to read.

The command line builds a Project from the folder it is run in, the language
server from each workspace folder; below them nothing reads the current
folder. The config file is discovered from the root up, and every folder it
names (rules, products, the estate's paths) is absolute, so a Project means
the same whatever the process's current folder is.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .config import Effective, resolve
from .model.products import Product, load_products
from .rules.catalogue import Catalogue
from .rules.settings import Settings


@dataclass(frozen=True)
class Project:
    root: Path  # absolute: where the config is looked for, and what file names in findings are relative to
    effective: Effective  # the settings, the catalogue they were checked against, where each value came from
    products: dict[str, Product]  # the built-in product catalogue, with the company's own entries over it

    @classmethod
    def from_root(
        cls,
        root: Path,
        flags: Optional[dict] = None,
        config_path: Optional[Path] = None,
        env_lang: str = "en",
        today: Optional[datetime.date] = None,
    ) -> Project:
        """The project of `root` (absolute), with the flags given over its config file (InputError if bad)."""
        effective = resolve(flags or {}, config_path, env_lang, today or datetime.date.today(), root)
        return cls(root, effective, load_products(effective.settings.products_dirs))

    @property
    def settings(self) -> Settings:
        return self.effective.settings

    @property
    def catalogue(self) -> Catalogue:
        return self.effective.catalogue

    def targets(self, given: Sequence[str] = ()) -> list[str]:
        """What a run reads: the paths given, else the config's `paths`, else the root; named relative to the root.

        Paths given on the command line are kept as written: findings name files the way the user wrote them.
        """
        if given:
            return list(given)
        return [self.name(path) for path in self.effective.paths] or [self.name(str(self.root))]

    def name(self, path: str) -> str:
        """A file's name in findings: relative to the root, as `si-lint` run there prints it."""
        return Path(os.path.relpath(path, self.root)).as_posix()
