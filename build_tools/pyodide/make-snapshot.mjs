// Build a Pyodide memory snapshot from the site's own copy of the Pyodide files, in Node.
//
//   node make-snapshot.mjs PYODIDE_DIR BUNDLE_ZIP OUTPUT_GZ
//
// The snapshot holds the interpreter with every standard-library module the worker's start-up and
// the decision package import, but not the package itself: decision code and rules change far more
// often than Pyodide, and the worker loads them fresh from the bundle anyway. A first interpreter
// finds those modules; a second, clean one imports just them and is snapshotted, so no freed
// memory of the package bloats the file. It is written gzip-compressed (the browser inflates it
// with DecompressionStream). Prints the sorted module list as JSON on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, bundleZip, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);
const indexURL = `${pyodideDir}/`;

const finder = await loadPyodide({ indexURL });
finder.runPython("import sys; before = set(sys.modules)");
// The same steps as engine-worker.mjs.
finder.unpackArchive(new Uint8Array(readFileSync(bundleZip)), "zip", { extractDir: "/app" });
const modules = finder.runPython(`
import importlib, json, pkgutil
sys.path.insert(0, "/app")
import decision
for module in pkgutil.iter_modules(decision.__path__):
    importlib.import_module("decision." + module.name)
json.dumps(sorted(name for name in set(sys.modules) - before if name.split(".")[0] != "decision"))
`);

const pyodide = await loadPyodide({ indexURL, _makeSnapshot: true });
pyodide.globals.set("modules", modules);
pyodide.runPython("import importlib, json\nfor name in json.loads(modules): importlib.import_module(name)");
pyodide.globals.delete("modules");
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot()));
console.log(modules);
