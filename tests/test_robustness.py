"""Issue 22, "any input, on every surface": each defect the robustness campaign found, reproduced.

One test (or a pair: fires / does not) per defect, named after the issue's item number.
The property tests in `test_properties.py` guard the classes these samples belong to.
"""

from __future__ import annotations

import time

import pytest
from conftest import findings

# --- 1. a list of 4,000 mappings under a `uniqueItems` list -------------------------------------------


def test_1_a_long_list_of_mappings_is_worded_in_linear_time(catalogue):
    items = "".join(f"      - {{k: {i}}}\n" for i in range(4000))
    text = f"version: 1\norganization: X\nproviders:\n  p:\n    name: P\n    type: public-cloud\n    offers:\n{items}"
    started = time.perf_counter()
    found = findings(text, catalogue, "EST003")
    assert time.perf_counter() - started < 5  # 25 s before the fix
    assert len(found) == 4000 and found[0][2:] == (8, 9)


def test_1_duplicates_are_still_found_with_json_equality(catalogue):
    text = (
        "version: 1\norganization: X\nproviders:\n  p:\n    name: P\n    type: public-cloud\n"
        "    offers: [iaas, iaas, paas]\n"
    )
    assert findings(text, catalogue, "EST003") == [("EST003", "p", 7, 5)]
    assert findings(text.replace("iaas, iaas", "iaas, saas"), catalogue, "EST003") == []


def test_1_json_key_tells_true_from_one_and_one_from_one_point_zero():
    from si_lint.validate.predicate import duplicates

    assert duplicates([1, True, {"a": [1]}, {"a": [1.0]}]) == [{"a": [1.0]}]
    assert duplicates([True, 1, 0, False]) == []


# --- history: 3, 5, 6 (a date past 9999, a blob a partial clone cannot fetch), 12 -------------------


def _git(repo, *args, env=None, date="2026-01-05T10:00:00+01:00", subject="change"):
    import os
    import subprocess

    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Ann",
        GIT_AUTHOR_EMAIL="ann@example.org",
        GIT_COMMITTER_NAME="Ann",
        GIT_COMMITTER_EMAIL="ann@example.org",
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        **(env or {}),
    )
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True).stdout


ESTATE = "version: 1\norganization: X\n"


def _history_repo(tmp_path, *commits):
    """A repository whose estate.yaml takes each (bytes, subject, date) of `commits` in turn."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    for content, subject, date in commits:
        (repo / "estate.yaml").write_bytes(content)
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "--allow-empty-message", "-m", subject, date=date)
    return repo


def _history(repo, *args, monkeypatch):
    import json

    from click.testing import CliRunner
    from si_lint.cli.main import main

    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["history", "estate.yaml", "--format", "json", *args], catch_exceptions=False)
    return result.exit_code, (json.loads(result.stdout)["commits"] if result.exit_code == 0 else result.output)


def test_3_a_range_is_never_an_option_of_git(tmp_path, monkeypatch):
    repo = _history_repo(tmp_path, (ESTATE.encode(), "first", "2026-01-05T10:00:00+01:00"))
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    code, _ = _history(repo, f"--range=--output={victim}", monkeypatch=monkeypatch)
    assert code == 2 and victim.read_text(encoding="utf-8") == "keep me"
    assert _history(repo, "--range=HEAD", monkeypatch=monkeypatch)[0] == 0


SUBJECT_BREAKS = ["\u2028", "\u2029", "\u0085", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f"]


def test_5_no_subject_splits_or_forges_a_row(tmp_path, monkeypatch):
    forged = (
        "".join(f"a{c}b" for c in SUBJECT_BREAKS) + "\ncommit " + "0" * 40 + "\n1999-01-01T00:00:00+00:00\x1fEve\x1fx"
    )
    repo = _history_repo(
        tmp_path,
        (ESTATE.encode(), "plain", "2026-01-05T10:00:00+01:00"),
        (ESTATE.encode() + b"workforce: 3\n", forged, "2026-01-06T10:00:00+01:00"),
    )
    code, commits = _history(repo, monkeypatch=monkeypatch)
    assert code == 0
    assert [(c["author"], c["date"]) for c in commits] == [("Ann", "2026-01-05"), ("Ann", "2026-01-06")]
    assert commits[1]["subject"].startswith("".join(f"a{c}b" for c in SUBJECT_BREAKS))


def test_6_a_commit_dated_past_9999_is_a_row(tmp_path, monkeypatch):
    repo = _history_repo(tmp_path, (ESTATE.encode(), "far", "@253402300800 +0000"))
    code, commits = _history(repo, monkeypatch=monkeypatch)
    assert code == 0 and commits[0]["date"] == "9999-12-31" and commits[0]["time"].startswith("10000-")


def test_6_a_blob_git_has_not_got_is_exit_2_naming_the_file(tmp_path, monkeypatch):
    import os

    repo = _history_repo(tmp_path, (ESTATE.encode(), "first", "2026-01-05T10:00:00+01:00"))
    blob = _git(repo, "rev-parse", "HEAD:estate.yaml").decode().strip()
    os.remove(repo / ".git" / "objects" / blob[:2] / blob[2:])  # what a partial clone lacks
    code, output = _history(repo, monkeypatch=monkeypatch)
    assert code == 2 and "estate.yaml" in output and "partial clone" in output


def test_12_a_file_not_utf8_at_one_commit_is_a_finding_of_that_commit(tmp_path, monkeypatch):
    repo = _history_repo(
        tmp_path,
        (ESTATE.encode(), "first", "2026-01-05T10:00:00+01:00"),
        ("organization: Société\n".encode("latin-1"), "latin", "2026-01-06T10:00:00+01:00"),
        (ESTATE.encode(), "fixed", "2026-01-07T10:00:00+01:00"),
    )
    code, commits = _history(repo, monkeypatch=monkeypatch)
    assert code == 0 and [c["subject"] for c in commits] == ["first", "latin", "fixed"]
    assert [c["findings"]["error"] for c in commits] == [0, 1, 0]
    assert commits[1]["families"] == {"EST": 1}


# --- workbooks: 2 (the bomb guard unpacked whole sheets), 6 (a corrupt deflate stream) ------------------


def _workbook(sheet_xml: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return out.getvalue()


_GUARD = """
import resource, sys
from si_lint.importers.workbook import read_sheet
from si_lint.rules.diagnostic import InputError
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    read_sheet(data, "bomb.xlsx", None)
except InputError as error:
    print(error.message.key, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
"""


def _guard_run(tmp_path, cells: bytes):
    import subprocess
    import sys

    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_workbook(b"<sheetData><row>" + cells + b'<c r="XFD1048576"/></row></sheetData>'))
    done = subprocess.run([sys.executable, "-c", _GUARD, str(path)], capture_output=True, text=True, timeout=30)
    key, grown = done.stdout.split()
    return key, int(grown) * 1024


@pytest.mark.slow
def test_2_the_workbook_guard_reads_a_sheet_in_bounded_memory(tmp_path):
    key, grown = _guard_run(tmp_path, b'<c r="A1"/>' * 4_000_000)  # 44 MB of cells, then one far away
    assert key == "import.workbook.too_many_cells"
    assert grown < 64 * 1024 * 1024  # over 500 MB before: the sheet unpacked whole and every cell listed


@pytest.mark.slow
def test_2_a_sheet_naming_more_cells_than_the_limit_is_refused_before_they_are_read(tmp_path):
    import time

    started = time.perf_counter()
    key, grown = _guard_run(tmp_path, b'<c r="A1"/>' * 6_000_000)
    assert key == "import.workbook.too_many_references" and grown < 64 * 1024 * 1024
    assert time.perf_counter() - started < 10


def test_2_a_far_cell_split_across_two_chunks_is_still_seen():
    import pytest
    from si_lint.importers.workbook import CHUNK_BYTES, read_sheet
    from si_lint.rules.diagnostic import InputError

    before = b"<sheetData><row>" + b" " * (CHUNK_BYTES - 16 - 5)
    with pytest.raises(InputError) as refused:
        read_sheet(_workbook(before + b'<c r="XFD1048576"/></row></sheetData>'), "far.xlsx", None)
    assert refused.value.message.key == "import.workbook.too_many_cells"


def test_6_a_corrupt_deflate_stream_is_an_unreadable_workbook():
    import pytest
    from si_lint.importers.workbook import read_sheet
    from si_lint.rules.diagnostic import InputError

    data = bytearray(_workbook(b"<sheetData>" + b'<row><c r="A1"/></row>' * 1000 + b"</sheetData>"))
    start = 30 + len("xl/worksheets/sheet1.xml")  # the member's data, after its local header
    data[start] = 0xFF  # a deflate block of the reserved type
    with pytest.raises(InputError) as refused:
        read_sheet(bytes(data), "corrupt.xlsx", None)
    assert refused.value.message.key == "import.workbook.unreadable"


# --- 8. the pattern budget is the run's, not each value's, and holds on any thread ---------------------------


def _slow_rule_estate(folder, owners: int, letters: int, end: str = "!"):
    from test_any_input import with_condition

    (folder / "rules").mkdir()
    (folder / "rules" / "ACME001.yaml").write_text(
        with_condition("{required: [name], properties: {name: {pattern: '^(a|aa)+$'}}}"), encoding="utf-8"
    )
    apps = "".join(f"  a{i}: {{usage: business, name: {'a' * letters}{end}}}\n" for i in range(owners))
    path = folder / "estate.yaml"
    path.write_text("version: 1\napplications:\n" + apps, encoding="utf-8")
    return path


def _check(path, *args):
    from click.testing import CliRunner
    from si_lint.cli.main import main

    return CliRunner().invoke(main, ["check", str(path), *args], catch_exceptions=False)


@pytest.mark.slow
def test_8_sixty_slowish_values_use_up_one_budget(tmp_path):
    path = _slow_rule_estate(tmp_path, 60, 26)  # 0.3 s each: 18 s with a limit per value
    started = time.process_time()  # the budget's clock: the wall's runs slower on a loaded machine
    result = _check(path, "--rules-dir", tmp_path / "rules")
    assert time.process_time() - started < 6
    assert result.exit_code == 2 and "ACME001: the pattern '^(a|aa)+$' used up the 2 s" in result.stderr


def test_8_quick_values_stay_within_the_budget(tmp_path):
    path = _slow_rule_estate(tmp_path, 60, 26, end="")  # each matches at once: the rule fires on every one
    result = _check(path, "--rules-dir", tmp_path / "rules", "--select", "ACME")
    assert result.exit_code == 1 and result.stdout.count("ACME001") == 60


@pytest.mark.slow
def test_8_the_budget_holds_on_a_thread_other_than_the_main_one(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    path = _slow_rule_estate(tmp_path, 1, 60)  # minutes unbounded; a signal cannot stop it on this thread
    started = time.process_time()
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(_check, path, "--rules-dir", tmp_path / "rules").result(timeout=60)
    assert result.exit_code == 2 and time.process_time() - started < 6


# --- 10. hover shows a user's value as itself, never as Markdown ------------------------------------------


def _hover(tmp_path, name: str, markdown: bool = True) -> str:
    import json

    from si_lint.lsp import features, text
    from si_lint.lsp.workspace import WorkspaceEstate

    path = tmp_path / "estate.yaml"
    path.write_text(
        f"version: 1\nproviders:\n  p:\n    name: {json.dumps(name)}\n    type: public-cloud\n"
        "applications:\n  a:\n    usage: business\n    provider: p\n",
        encoding="utf-8",
    )
    folder = WorkspaceEstate(str(tmp_path), "en")
    folder.configure()
    folder.lint({})
    lines = text.split_lines(path.read_text(encoding="utf-8"))
    return features.hover(folder, str(path), lines, 8, 15, markdown)  # on `p` after `provider:`


def test_10_hover_escapes_links_html_and_emphasis_of_a_name(tmp_path):
    shown = _hover(tmp_path, "[click](https://evil.example) <img src=x onerror=alert(1)> *b*\n# h")
    first = shown.split("\n")[0]
    assert first == (
        "**p** · provider · estate.yaml:3 · \\[click\\](https\\://evil.example) "
        "&lt;img src=x onerror=alert(1)> \\*b\\* # h"
    )
    assert "<img" not in shown and "](" not in shown.replace("\\](", "")


def test_10_a_plain_name_and_plain_text_hover_are_unchanged(tmp_path):
    assert _hover(tmp_path, "Google Cloud").split("\n")[0] == "**p** · provider · estate.yaml:3 · Google Cloud"
    assert "· [click](x) <b>" in _hover(tmp_path, "[click](x) <b>", markdown=False)


# --- 11. the HTML report's script draws a card whatever the application's id --------------------------------

_DOM = r"""
class El {
  constructor() { this.children = []; this.dataset = {}; this.hidden = false; this.attributes = {}; }
  get childElementCount() { return this.children.length; }
  get firstElementChild() { return this.children[0]; }
  appendChild(child) {
    if (!(child instanceof El)) { throw new TypeError('not a node: ' + typeof child); }
    if (child.fragment) { this.children.push(...child.children); child.children = []; }
    else { this.children.push(child); }
    return child;
  }
  addEventListener() {}
  setAttribute(key, value) { this.attributes[key] = value; }
  scrollIntoView() {}
  set textContent(value) { this.children = []; this.text = value; }
  get textContent() { return this.text; }
  set innerHTML(markup) { const child = new El(); child.html = markup; this.children = [child]; }
}
const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const elements = {};
for (const name of ['heat-rows', 'cards', 'more', 'controls', 'card-data', 'q', 'cat', 'sev', 'sort', 'shown']) {
  elements[name] = new El();
}
elements['card-data'].text = input.data;
elements['more'].dataset = {one: '{n} more', other: '{n} more'};
elements['q'].value = ''; elements['cat'].value = ''; elements['sev'].value = ''; elements['sort'].value = 'id';
for (const id of input.ids) { const row = new El(); row.dataset = {id: id}; elements['heat-rows'].children.push(row); }
const root = new El();
global.document = {
  getElementById: (name) => elements[name], createElement: () => new El(),
  createDocumentFragment: () => { const part = new El(); part.fragment = true; return part; },
  addEventListener() {}, documentElement: root,
};
global.window = {addEventListener() {}};
global.location = {hash: ''};
eval(input.script);
console.log(JSON.stringify({ready: root.attributes['data-ready'] || null,
                            cards: elements['cards'].children.map((card) => card.html)}));
"""


def _run_report_script(page: str) -> dict:
    import json
    import re
    import shutil
    import subprocess

    from conftest import skip_or_fail

    if shutil.which("node") is None:
        skip_or_fail("node runs the report's script")
    data = re.search(r'<script type="application/json" id="card-data">(.*?)</script>', page, re.S).group(1)
    script = re.findall(r"<script>(.*?)</script>", page, re.S)[-1]
    ids = [pair[0] for pair in json.loads(data)]
    done = subprocess.run(
        ["node", "-e", _DOM],
        input=json.dumps({"data": data, "script": script, "ids": ids}),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _html_page(tmp_path, ids) -> str:
    from click.testing import CliRunner
    from si_lint.cli.main import main

    apps = "".join(f"  {i}: {{usage: business, name: {i.title()}}}\n" for i in ids)
    path = tmp_path / "estate.yaml"
    path.write_text("version: 1\norganization: X\napplications:\n" + apps, encoding="utf-8")
    output = tmp_path / "report.html"
    CliRunner().invoke(main, ["check", str(path), "--format", "html", "--output", str(output)])
    return output.read_text(encoding="utf-8")


def test_11_an_application_named_constructor_gets_its_card(tmp_path):
    drawn = _run_report_script(_html_page(tmp_path, ["constructor", "crm"]))
    assert drawn["ready"] == "true" and len(drawn["cards"]) == 2 and 'id="app-constructor"' in drawn["cards"][0]


def test_11_ordinary_ids_get_their_cards(tmp_path):
    drawn = _run_report_script(_html_page(tmp_path, ["crm", "erp"]))
    assert drawn["ready"] == "true" and len(drawn["cards"]) == 2


# --- the server's minor ones, over raw stdio: what a typed client cannot send -----------------------------------


def _server(tmp_path, *messages, raw: bytes = b"", timeout: float = 30):
    """The server's output and exit code for these JSON-RPC messages (then end of input), under a 1 GB cap."""
    import json
    import resource
    import subprocess
    import sys

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3))

    data = (
        b"".join(
            b"Content-Length: %d\r\n\r\n%s" % (len(body), body) for body in (json.dumps(m).encode() for m in messages)
        )
        + raw
    )
    done = subprocess.run(
        [sys.executable, "-m", "si_lint", "server"],
        input=data,
        capture_output=True,
        timeout=timeout,
        preexec_fn=cap,
        cwd=tmp_path,
    )
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def _hover_at(uri: str, character: int) -> dict:
    return {
        "jsonrpc": "2.0",
        "id": 7,
        "method": "textDocument/hover",
        "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": character}},
    }


INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}


def test_minor_a_position_past_lsp_range_gets_an_error_reply(tmp_path):
    uri = (tmp_path / "estate.yaml").as_uri()
    _, out, _ = _server(tmp_path, INITIALIZE, _hover_at(uri, 2**32))
    assert '"id": 7' in out and '"code": -32602' in out  # before: no reply, the editor waits for ever


def test_minor_a_position_in_range_gets_its_reply(tmp_path):
    uri = (tmp_path / "estate.yaml").as_uri()
    _, out, _ = _server(tmp_path, INITIALIZE, _hover_at(uri, 3))
    assert '"id": 7' in out and '"result": null' in out


def test_minor_a_content_length_of_10_to_the_11_is_refused_in_words(tmp_path):
    code, _, err = _server(tmp_path, INITIALIZE, raw=b"Content-Length: 100000000000\r\n\r\n{}")
    assert code == 2
    assert "a message of 100,000,000,000 bytes, more than the 512 MB the server reads" in err


# --- minor: the CSV formula guard looks past the cell's start ------------------------------------------------


def _excel_cells(text: str, delimiter: str) -> list:
    """The cells an Excel splitting on `delimiter` sees (quotes honoured), header row left out."""
    import csv
    import io

    return [
        cell for row in list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter))[1:] for cell in row
    ]


def test_minor_a_formula_after_another_delimiter_is_quoted():
    from si_lint.report.spreadsheet import csv_text

    text = csv_text(["owner", "n"], [["a;=1+1", 3], ["b\t@SUM(A1)", 4], ["c, -2", 5]], ",")
    for excel in (";", "\t", ","):
        assert not any(cell.startswith(("=", "@", "-")) for cell in _excel_cells(text, excel)), excel


def test_minor_plain_cells_are_written_as_the_csv_module_writes_them():
    import csv
    import io

    from si_lint.report.spreadsheet import csv_text

    rows = [["a;b", 1, None, 2.5], ['say "hi"', "x,y", "line\nbreak", ""]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([["h1", "h2", "h3", "h4"], *rows])
    assert csv_text(["h1", "h2", "h3", "h4"], rows, ",") == "\ufeff" + buffer.getvalue()


# --- minor: a missing column names some of the header, not 16,384 headers on one line -------------------------


def _missing_column(tmp_path, columns: int) -> str:
    from click.testing import CliRunner
    from si_lint.cli.main import main

    inventory = tmp_path / "inv.csv"
    header = ["Name"] + [f"h{i}" for i in range(1, columns)]
    inventory.write_text(",".join(header) + "\n" + ",".join(["A"] * columns) + "\n", encoding="utf-8")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  Name: name\n  Zzzzzzzzzzzzzzzz: delivery\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", "csv", str(inventory), "--mapping", str(mapping)])
    assert result.exit_code == 2
    return result.stderr


def test_minor_a_missing_column_lists_twenty_headers_and_counts_the_rest(tmp_path):
    said = _missing_column(tmp_path, 16384)
    assert "'h19' and 16,364 more" in said and "'h20'" not in said and len(said) < 1000


def test_minor_a_missing_column_lists_a_short_header_whole(tmp_path):
    assert _missing_column(tmp_path, 3).endswith("the header has: 'Name', 'h1', 'h2'\n")
