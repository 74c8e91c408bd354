// Run the engine's cases inside Pyodide, from the same npm package, code bundle and rules file the
// site ships.
//
//   node run-engine-cases.mjs BUNDLE_ZIP RULES_JSON CASES_JSON TODAY
//
// Prints {python, decision_file, loaded_packages, results} as JSON on stdout.
import { readFileSync } from "node:fs";
import { loadPyodide } from "../../node_modules/pyodide/pyodide.mjs";

const [bundleZip, rulesFile, casesFile, today] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(readFileSync(bundleZip)), "zip", { extractDir: "/app" });
pyodide.FS.mkdirTree("/cases");
pyodide.FS.writeFile("/cases/engine_cases.py", readFileSync(new URL("engine_cases.py", import.meta.url)));
pyodide.globals.set("cases_json", readFileSync(casesFile, "utf8"));
pyodide.globals.set("rules_json", readFileSync(rulesFile, "utf8"));
pyodide.globals.set("today", today);
const output = pyodide.runPython(`
import json, sys
sys.path[:0] = ["/app", "/cases"]
import decision, engine_cases
json.dumps({
    "python": sys.version.split()[0],
    "decision_file": decision.__file__,
    "results": json.loads(engine_cases.main(cases_json, rules_json, today)),
})
`);
const report = JSON.parse(output);
report.loaded_packages = Object.keys(pyodide.loadedPackages);
console.log(JSON.stringify(report));
