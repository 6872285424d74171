"""Benchmark `si-lint server` as an editor drives it: over stdio, through a real LSP client (pygls).

    python benchmarks/lsp.py                  # 1,000 and 10,000 applications, each over 100 files
    python benchmarks/lsp.py 1000 --edits 40  # chosen sizes and number of edits

For each size it writes a generated estate (benchmarks/generate.py) split over
100 files, starts the server on that folder, and measures:
  first     from `initialized` to the findings of every file published
  edit      from a change in one file (an application's `browser` flipped, which adds or
            clears its ACC001) to the new findings of that file published: median and worst
  cpu       the server's processor time for one edit, median: what an edit costs on a machine
            that nothing else uses (the reference machine is shared; wall times vary with its load)
  peak      the server's peak memory (VmHWM), at the end
Targets (issue 12): edit median <= 150 ms at 1,000 applications and <= 1 s at 10,000; peak < 300 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_estate  # noqa: E402

FILES = 100


def split_estate(applications: int, files: int) -> dict:
    """The generated estate as `files` files of applications, their stores and flows, plus shared.yaml
    (providers, infrastructure, the lake): file name -> text."""
    per = max(1, -(-applications // files))
    sections: dict = {}  # file name -> section -> lines
    section, block = None, []

    def flush() -> None:
        if section is None or not block:
            return
        owner = re.match(r"^  (?:- \{from: )?app-(\d+)", next(line for line in block if not line.startswith("  #")))
        name = f"part-{int(owner.group(1)) // per:03d}.yaml" if owner else "shared.yaml"
        sections.setdefault(name, {}).setdefault(section, []).extend(block)

    header = []
    for line in generate_estate(applications).splitlines():
        top = re.match(r"^(\w+):", line)
        if top:
            flush()
            block = []
            section = top.group(1) if top.group(1) not in ("version", "organization") else None
            if section is None:
                header.append(line)
            continue
        if section is None or not line.strip():
            continue
        starts = re.match(r"^  [^ #]", line)
        if starts and block and not all(item.startswith("  #") for item in block):
            flush()
            block = []
        block.append(line)
    flush()
    texts = {}
    for name, parts in sections.items():
        lines = header[:] if name == "shared.yaml" else ["version: 1"]
        for part, body in parts.items():
            lines += [part + ":"] + body
        texts[name] = "\n".join(lines) + "\n"
    return texts


class Bench:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.client = LanguageClient("si-lint-benchmark", "1")
        self.published: dict = {}  # uri -> (version, time received)
        self.event = asyncio.Event()

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published[params.uri] = (params.version, time.perf_counter())
            self.event.set()

    async def wait(self, condition, timeout: float = 120) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            self.event.clear()
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise SystemExit("the server did not publish in time")
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self.event.wait(), remaining)


async def measure(applications: int, edits: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        texts = split_estate(applications, FILES)
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        bench = Bench(folder)
        await bench.client.start_io(sys.executable, "-m", "si_lint", "server")
        await bench.client.initialize_async(
            types.InitializeParams(
                capabilities=types.ClientCapabilities(),
                workspace_folders=[types.WorkspaceFolder(uri=folder.as_uri(), name="estate")],
            )
        )
        start = time.perf_counter()
        bench.client.initialized(types.InitializedParams())
        await bench.wait(lambda: len(bench.published) == len(texts))
        first = time.perf_counter() - start

        name = "part-050.yaml"
        path = folder / name
        uri = path.as_uri()
        text = texts[name]
        line = text.split("\n").index(next(row for row in text.split("\n") if row.startswith("      browser:")))
        bench.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
            )
        )
        await asyncio.sleep(1)  # opening changes no finding: nothing is published for it
        current = text.split("\n")[line][len("      browser: ") :]
        times, cpu = [], []
        pid = bench.client._server.pid
        for version in range(2, edits + 2):
            new = "false" if current == "true" else "true"
            sent, used = time.perf_counter(), _cpu_seconds(pid)
            bench.client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[
                        types.TextDocumentContentChangePartial(
                            range=types.Range(
                                start=types.Position(line=line, character=15),
                                end=types.Position(line=line, character=15 + len(current)),
                            ),
                            text=new,
                        )
                    ],
                )
            )
            await bench.wait(lambda version=version: bench.published.get(uri, (None,))[0] == version)
            times.append(bench.published[uri][1] - sent)
            cpu.append(_cpu_seconds(pid) - used)
            current = new
            await asyncio.sleep(0.05)  # a person types slower than this
        peak = _peak_mb(pid)
        await bench.client.shutdown_async(None)
        bench.client.exit(None)
        await bench.client.stop()
        return {
            "applications": applications,
            "files": len(texts),
            "first": first,
            "median": statistics.median(times),
            "worst": max(times),
            "cpu": statistics.median(cpu),
            "peak": peak,
        }


def _cpu_seconds(pid: int) -> float:
    """User and system time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--edits", type=int, default=30)
    arguments = parser.parse_args()
    print("| applications | files | first findings | edit, median | edit, worst | edit, server cpu | peak memory |")
    print("|---|---|---|---|---|---|---|")
    for size in arguments.sizes:
        r = asyncio.run(measure(size, arguments.edits))
        print(
            f"| {r['applications']:,} | {r['files']} | {r['first']:.2f} s | {r['median'] * 1000:.0f} ms | "
            f"{r['worst'] * 1000:.0f} ms | {r['cpu'] * 1000:.0f} ms | {r['peak']:.0f} MB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
