// Build a Pyodide memory snapshot from the site's own copy of the Pyodide files, in Node.
//
//   node make-snapshot.mjs PYODIDE_DIR BUNDLE_ZIP OUTPUT_GZ
//
// The snapshot holds the interpreter after the same steps as engine-worker.mjs up to the rules: the code
// bundle unpacked and decision.aid.browser imported, with no rules loaded, so a rule edit keeps it. A
// later visit restores that instead of doing it again. The file system is not in the snapshot, so the
// worker still unpacks the bundle after restoring it, then loads the rules. Written gzip-compressed;
// the worker inflates it once, when it saves it for the next visit.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, bundleZip, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);

const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, _makeSnapshot: true });
pyodide.unpackArchive(new Uint8Array(readFileSync(bundleZip)), "zip", { extractDir: "/app" });
pyodide.runPython('import sys\nsys.path.insert(0, "/app")\nimport decision.aid.browser');
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot()));
