"""The Pyodide files the browser needs to boot, copied from node_modules only when their sha256 match.

The committed manifest build_tools/pyodide/files.json holds the pinned version and one sha256 per
file. After changing the pin in package.json and running `npm install`, regenerate it with
`python -m build_tools.pyodide.boot_files` and review the diff.
"""

import hashlib
import json
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

MANIFEST = Path(__file__).resolve().parent / "files.json"
# Exactly what loadPyodide() fetches when no package is loaded.
BOOT_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def package_dir(project_root: Path) -> Path:
    return project_root / "node_modules" / "pyodide"


def sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def read_manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def copy_boot_files(source: Path, target: Path) -> dict:
    """Copy every boot file from `source` to `target`; PluginError names any missing or changed file."""
    manifest = read_manifest()
    installed = _installed_version(source)
    if installed != manifest["version"]:
        raise PluginError(
            f"procedures-aids: {source}: pyodide {installed} is installed but "
            f"build_tools/pyodide/files.json is for {manifest['version']}; run `npm ci`, "
            "or after changing the pin `python -m build_tools.pyodide.boot_files`"
        )
    target.mkdir(parents=True, exist_ok=True)
    for name, expected in manifest["files"].items():
        path = source / name
        if not path.is_file():
            raise PluginError(
                f"procedures-aids: {path}: missing; run `npm ci` to install pyodide {manifest['version']}"
            )
        actual = sha256(path)
        if actual != expected:
            raise PluginError(
                f"procedures-aids: {path}: sha256 is {actual} "
                f"but build_tools/pyodide/files.json expects {expected}"
            )
        shutil.copyfile(path, target / name)
    return manifest


def _installed_version(source: Path) -> str:
    package_json = source / "package.json"
    if not package_json.is_file():
        raise PluginError(f"procedures-aids: {package_json}: missing; run `npm ci` to install pyodide")
    return json.loads(package_json.read_text(encoding="utf-8"))["version"]


def installed_manifest(project_root: Path) -> dict:
    """The manifest of the installed package, which must be the exact version package.json pins."""
    pin = json.loads((project_root / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    source = package_dir(project_root)
    installed = _installed_version(source)
    if pin != installed:
        raise PluginError(
            "procedures-aids: package.json: pyodide must be pinned to the installed version "
            f"exactly ({installed}), not {pin!r}; run `npm install`"
        )
    return {
        "package": "pyodide",
        "version": pin,
        "files": {name: sha256(source / name) for name in BOOT_FILES},
    }


def main() -> int:
    try:
        manifest = installed_manifest(Path(__file__).resolve().parents[2])
    except PluginError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST.name} for pyodide {manifest['version']} ({len(manifest['files'])} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
