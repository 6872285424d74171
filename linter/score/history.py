"""The estate score over time: the estate linted as it stood at each commit that changed it.

Git is read with its own commands: `git rev-list` for the commits that changed
the estate's paths, `git ls-tree -r` for the files at each commit, and one
`git cat-file --batch` for their contents. Each file is parsed once per
version (the cache is keyed by git blob id), so the cost grows with what
changed, not with commits times files; every commit is then linted whole
(`engine.lint_documents`) and scored (`scoring`), with waivers judged at the
commit's date unless one date is fixed for all.
"""

from __future__ import annotations

import datetime
import gc
import os
import posixpath
import subprocess
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional, Union

from ..i18n.messages import Text
from ..load import inputs, loader
from ..rules import engine
from ..rules.diagnostic import InputError
from . import scorecard as scoring

if TYPE_CHECKING:
    from ..load.loader import Document
    from ..report.views import TrendPoint
    from ..rules.catalogue import Catalogue
    from ..rules.settings import Settings


def commit_date(time: str) -> datetime.date:
    """The day of git's ISO 8601 time; a year past 9999 (or before 1), which Python cannot hold, is its bound."""
    try:
        return datetime.date.fromisoformat(time[:10])
    except ValueError:
        return datetime.date.min if time.startswith(("0000", "-")) else datetime.date.max


@dataclass(frozen=True)
class Commit:
    sha: str
    date: datetime.date  # the committer's date, in the committer's time zone: when the change landed
    time: str  # ISO 8601, with its offset
    author: str
    subject: str


@dataclass(frozen=True)
class Point:
    """The estate at one commit: its score and its findings counted."""

    commit: Commit
    files: int  # estate files read at that commit
    score: Optional[float]
    waived_share: Optional[float]
    completeness: Optional[float]  # when the scoring model reports it
    findings: dict[str, int]  # severity -> findings in force
    waived: int
    families: dict[str, int]  # family -> findings in force
    categories: dict[str, Optional[float]]  # family -> score


class Git:
    """The repository holding the estate, read through git's commands."""

    def __init__(self, where: str) -> None:
        try:
            self.top = self._run(["rev-parse", "--show-toplevel"], cwd=where).strip()
        except InputError as error:
            if isinstance(error.message, Text) and error.message.key == "history.no_git":
                raise
            raise InputError(Text("history.not_a_repository", path=where)) from None
        self._batch: Optional[subprocess.Popen[bytes]] = None

    @classmethod
    def at(cls, top: str) -> Git:
        """The repository whose top folder is `top`, already found."""
        git = cls.__new__(cls)
        git.top, git._batch = top, None
        return git

    def _run(self, args: list[str], cwd: Optional[str] = None) -> str:
        try:
            done = subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd or self.top, capture_output=True)
        except FileNotFoundError:
            raise InputError(Text("history.no_git")) from None
        if done.returncode != 0:
            problem = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise InputError(
                Text(
                    "history.git_failed", command="git " + args[0], problem=problem[-1] if problem else done.returncode
                )
            )
        return done.stdout.decode("utf-8", "replace")

    def pathspec(self, path: str) -> str:
        """`path` (as given, from the current folder) relative to the top of the repository."""
        relative = os.path.relpath(os.path.realpath(path), os.path.realpath(self.top))
        if relative == os.pardir or relative.startswith(os.pardir + os.sep):
            raise InputError(Text("history.outside", path=path, top=self.top))
        return "" if relative == os.curdir else relative.replace(os.sep, "/")

    def commits(
        self, pathspecs: list[str], revisions: Optional[str], since: Optional[datetime.date], max_count: Optional[int]
    ) -> list[Commit]:
        """The commits that changed the paths, oldest first."""
        # Every field ends with a NUL, which no subject or name holds: a subject's U+2028, \v or \x1c
        # cannot split a record the way str.splitlines() did, nor forge a row (issue 22).
        args = ["rev-list", "--format=%x00%cI%x00%an%x00%s%x00"]
        if since is not None:
            args.append(f"--since={since.isoformat()}")
        if max_count is not None:
            args.append(f"--max-count={max_count}")
        # The range is the user's: after --end-of-options, `--output=FILE` is a revision git refuses.
        args += ["--end-of-options", revisions or "HEAD", "--", *(spec or "." for spec in pathspecs)]
        fields = self._run(args).split("\0")
        found = []
        for header, time, author, subject in zip(fields[0::4], fields[1::4], fields[2::4], fields[3::4]):
            found.append(Commit(header.split()[1], commit_date(time), time, author, subject))
        return found[::-1]

    def tree(self, sha: str, pathspecs: list[str]) -> list[tuple[str, str]]:
        """(path, blob id) of the files under the paths at commit `sha`."""
        listing = self._run(
            ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", sha, "--", *(s or "." for s in pathspecs)]
        )
        files = []
        for entry in listing.split("\0"):
            if not entry:
                continue
            info, path = entry.split("\t", 1)
            mode, kind, blob = info.split()
            if kind == "blob" and mode != "120000":  # a symbolic link is not a file of the estate
                files.append((path, blob))
        return files

    def blob(self, blob: str, where: str) -> bytes:
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"], cwd=self.top, stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        stdin, stdout = self._batch.stdin, self._batch.stdout
        assert stdin is not None and stdout is not None  # both are pipes
        stdin.write(blob.encode() + b"\n")
        stdin.flush()
        header = stdout.readline().split()
        if len(header) != 3:  # "<id> missing": a partial clone that cannot fetch the blob, or git gone
            raise InputError(Text("history.missing_blob", path=where))
        size = int(header[2])
        if size > inputs.MAX_BYTES:
            stdout.read(size + 1)
            raise InputError(Text("input.too_big", path=where, limit=inputs.MAX_BYTES // (1024 * 1024)))
        content = stdout.read(size)
        stdout.read(1)  # the newline after each object
        return content

    def close(self) -> None:
        if self._batch is not None:
            assert self._batch.stdin is not None  # a pipe
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


def select(files: list[tuple[str, str]], paths: list[str], pathspecs: list[str]) -> list[tuple[str, str]]:
    """(shown path, blob) of the estate files among `files`, in the order `loader.discover` reads a checkout.

    A path that names a file takes it whatever its name; a folder takes its
    *.yaml and *.yml files, sorted, outside hidden folders and config files.
    """
    chosen: dict[str, str] = {}
    for path, spec in zip(paths, pathspecs):
        exact = [(name, blob) for name, blob in files if name == spec]
        if exact:
            chosen.setdefault(os.path.normpath(path), exact[0][1])
            continue
        below = []
        for name, blob in files:
            relative = name if not spec else name[len(spec) + 1 :] if name.startswith(spec + "/") else None
            if relative is None or any(part.startswith(".") for part in relative.split("/")):
                continue
            base = posixpath.basename(relative)
            if posixpath.splitext(base)[1] in (".yaml", ".yml") and base not in loader.CONFIG_FILE_NAMES:
                below.append((str(os.path.join(path, *relative.split("/"))), blob))
        for shown, blob in sorted(below):
            chosen.setdefault(os.path.normpath(shown), blob)
    return list(chosen.items())


def history(
    paths: list[str],
    settings: Settings,
    catalogue: Catalogue,
    revisions: Optional[str] = None,
    since: Optional[datetime.date] = None,
    max_count: Optional[int] = None,
    today: Optional[datetime.date] = None,
    jobs: Optional[int] = None,
) -> list[Point]:
    """A Point per commit that changed the estate in `paths`, oldest first.

    The repository is the one that holds the first path (or the current
    folder, when that path is gone from the checkout). Waivers are judged at
    each commit's date, or at `today` for all. The commits are shared among
    `jobs` processes, one per core by default: each lints a run of
    consecutive commits, so that its cache of parsed files serves them all.
    """
    first = paths[0]
    where = first if os.path.isdir(first) else os.path.dirname(first) or "."
    git = Git(where if os.path.isdir(where) else ".")
    pathspecs = [git.pathspec(path) for path in paths]
    work = [
        (commit, select(git.tree(commit.sha, pathspecs), paths, pathspecs))
        for commit in git.commits(pathspecs, revisions, since, max_count)
    ]
    jobs = jobs or _cores(len(work))
    global _WORK
    _WORK = (git.top, work, settings, catalogue, today, jobs)
    try:
        done: list[Union[list[Point], tuple[Union[Text, str], Optional[str]]]]
        if jobs == 1:
            done = [_chunk(0)]
        else:
            import multiprocessing

            # fork: the workers find the catalogue and the work in memory, nothing to pickle on the way in
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                done = pool.map(_chunk, range(jobs))
    finally:
        _WORK = None
    points: list[Point] = []
    for part in done:
        if isinstance(part, tuple):  # an InputError, sent back as its words and place
            raise InputError(*part)
        points.extend(part)
    return points


# What the worker processes share with their parent, set before they fork: the repository's top, each commit with
# its (shown path, blob) files, the settings, the catalogue, the date waivers are judged at, and the number of jobs.
_WORK: Optional[
    tuple[str, list[tuple[Commit, list[tuple[str, str]]]], Settings, Catalogue, Optional[datetime.date], int]
] = None
PER_WORKER = 8  # fewer commits per process than this, and starting processes costs more than it saves


def _cores(commits: int) -> int:
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux") or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, commits // PER_WORKER))


def _chunk(index: int) -> Union[list[Point], tuple[Union[Text, str], Optional[str]]]:
    """Lint the `index`-th run of consecutive commits; an InputError comes back as (message, where)."""
    assert _WORK is not None, "set by history() before it runs the chunks"
    top, work, settings, catalogue, today, jobs = _WORK
    size = -(-len(work) // jobs)
    git = Git.at(top)
    documents: dict[tuple[str, str], Document] = {}  # (blob, shown path) -> Document: parsed once per version
    points: list[Point] = []
    was_enabled = gc.isenabled()
    gc.disable()  # the kept documents are large acyclic trees: scanning them again and again finds nothing
    try:
        for commit, chosen in work[index * size : (index + 1) * size]:
            read: list[Document] = []
            for shown, blob in chosen:
                key = (blob, shown)
                if key not in documents:
                    place = f"{commit.sha[:12]}:{shown}"
                    documents[key] = loader.load_bytes(git.blob(blob, place), shown)
                read.append(documents[key])
            points.append(_point(commit, read, replace(settings, today=today or commit.date), catalogue))
    except InputError as error:
        return error.message, error.where
    finally:
        git.close()
        if was_enabled:
            gc.enable()
    return points


def _point(commit: Commit, documents: list[Document], settings: Settings, catalogue: Catalogue) -> Point:
    result = engine.lint_documents(documents, settings, catalogue)
    scores = scoring.Scorecard(result).scores()
    summary = result.summary()
    families: dict[str, int] = {}
    for diagnostic in result.diagnostics:
        rule = catalogue.rules.get(diagnostic.code)
        family = rule.family if rule is not None else diagnostic.code[:3]
        families[family] = families.get(family, 0) + 1
    estate = scores["estate"]
    complete = (scores.get("completeness") or {}).get("estate") or {}  # when the scoring model reports it
    return Point(
        commit=commit,
        files=len(documents),
        score=estate["score"] if documents else None,
        waived_share=estate["waived_share"] if documents else None,
        completeness=complete.get("share") if documents else None,
        findings={"error": summary.errors, "warning": summary.warnings, "info": summary.infos},
        waived=summary.waived,
        families=dict(sorted(families.items())),
        categories={family: line["score"] for family, line in scores["categories"].items()},
    )


# --- reading a history back: the html report's trend ---------------------------------


def read_trend(path: str) -> list[TrendPoint]:
    """The points of a `si-lint history --format json` file, checked against its schema (InputError if not one)."""
    import json
    from importlib import resources

    import jsonschema

    from ..report.views import TrendPoint
    from ..validate.schema import wordings

    document = inputs.read_json(path, "history.not_json")  # bounded like every JSON si-lint reads
    schema = json.loads(resources.files("si_lint").joinpath("schemas/history.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(document))
    if error is not None:
        # worded as EST003 words the estate's, in the user's language (jsonschema's message is English only)
        steps, problem = next(iter(wordings(error)), (tuple(error.absolute_path), error.message))
        where = "/".join(str(step) for step in steps) or Text("schema.top_level")
        raise InputError(
            Text("history.not_a_history", problem=Text("diff.at", where=where, problem=problem)), where=path
        )
    return [
        TrendPoint(
            commit=c["commit"],
            date=c["date"],
            author=c["author"],
            subject=c.get("subject", ""),
            score=c["score"],
            completeness=c.get("completeness"),
            findings=c["findings"],
        )
        for c in document["commits"]
    ]
