// Starts `si-lint server` for the YAML files of the workspace: the server decides which files
// belong to an estate, lints them as the command line does, and answers hover, definition,
// references, completion and quick fixes.
const path = require("path");
const { workspace } = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function command() {
  const configured = workspace.getConfiguration("si-lint").get("path") || "si-lint";
  // A relative path such as .venv/bin/si-lint is relative to the first workspace folder.
  const folder = workspace.workspaceFolders && workspace.workspaceFolders[0];
  if (folder && configured.includes(path.sep) && !path.isAbsolute(configured)) {
    return path.join(folder.uri.fsPath, configured);
  }
  return configured;
}

function activate() {
  client = new LanguageClient(
    "si-lint",
    "si-lint",
    { command: command(), args: ["server"] },
    { documentSelector: [{ scheme: "file", language: "yaml" }] },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
