// Compile the decision bundle's modules to bytecode for Pyodide's own Python, in Node, from the
// site's own copy of the Pyodide files.
//
//   node make-bytecode.mjs PYODIDE_DIR SOURCES_ZIP OUTPUT_ZIP
//
// SOURCES_ZIP holds the modules under their names in the bundle (decision/...). OUTPUT_ZIP holds a
// .pyc file in each one's place (decision/aid/browser.py gives decision/aid/browser.pyc), compiled
// where the worker unpacks the bundle (/app), so tracebacks name the module's source file and line.
// The files are hash-based: they hold no time, so the same sources give the same bytes. Without
// column ranges (PYTHONNODEBUGRANGES) they are a quarter smaller.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [pyodideDir, sourcesZip, output] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${pyodideDir}/pyodide.mjs`).href);

const pyodide = await loadPyodide({ indexURL: `${pyodideDir}/`, env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.unpackArchive(new Uint8Array(readFileSync(sourcesZip)), "zip", { extractDir: "/app" });
pyodide.runPython(`
import pathlib, py_compile, zipfile
with zipfile.ZipFile("/bytecode.zip", "w") as archive:
    for source in sorted(pathlib.Path("/app").rglob("*.py")):
        compiled = source.with_suffix(".pyc")
        py_compile.compile(
            str(source), cfile=str(compiled), doraise=True,
            invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
        )
        archive.write(compiled, compiled.relative_to("/app").as_posix())
`);
writeFileSync(output, pyodide.FS.readFile("/bytecode.zip"));
