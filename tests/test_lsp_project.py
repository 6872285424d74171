"""The language server lints a workspace as `si-lint` run in it does, wherever the editor started the server.

Editors start the server from anywhere (here: `/`); the workspace's config and the folders it names are
read from the workspace, never from the server's current folder.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("pytest_lsp", reason="pytest-lsp needs Python 3.10")

import pytest_lsp
from lsp_client import codes, published, start
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

FROM_ROOT = ClientServerConfig(server_command=["sh", "-c", f"cd / && exec {sys.executable} -m si_lint server"])

ESTATE = """\
version: 1
providers:
  gcp: {type: public-cloud, offers: [saas, paas]}
applications:
  payroll:
    usage: business
    owner: hr
    product: our-payroll
    provider: gcp
"""
# The company's own catalogue entry: a desktop product, which ACC001 and CLD001 then find.
PRODUCT = """\
id: our-payroll
name: Our payroll
vendor: Acme
description: The payroll program the company installs on each desktop.
facts:
  delivery: desktop
  access: {browser: false}
sources:
  - url: https://example.com/payroll
    title: Payroll
    facts: [delivery, access]
    checked: 2026-12-01
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("lsp-project")
    (root / ".git").mkdir()
    (root / "catalogue").mkdir()
    (root / "catalogue" / "our-payroll.yaml").write_text(PRODUCT, encoding="utf-8")
    (root / ".si-lint.yaml").write_text("products-dir: catalogue\n", encoding="utf-8")
    (root / "estate.yaml").write_text(ESTATE, encoding="utf-8")
    return root


@pytest_lsp.fixture(config=FROM_ROOT, scope="module")
async def client(lsp_client: LanguageClient, workspace):
    await start(lsp_client, [workspace])
    yield
    await lsp_client.shutdown_session()


def cli_codes(workspace) -> list:
    """(code, line, column) of what `si-lint` run in the workspace finds, from its text output."""
    run = subprocess.run(
        [sys.executable, "-m", "si_lint", "--format", "json"],
        cwd=workspace,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1, run.stderr + run.stdout
    import json

    return sorted((d["code"], d["line"], d["column"]) for d in json.loads(run.stdout)["diagnostics"])


async def test_the_server_started_elsewhere_reads_the_workspace_s_products_dir(client: LanguageClient, workspace):
    expected = cli_codes(workspace)
    assert ("CLD001", 8, 5) in expected  # the desktop product's facts were taken: the comparison means something
    shown = await published(client, workspace / "estate.yaml")
    assert codes(shown) == expected
