"""What the browser loads of the decision package: the code bundle, and the rules file beside it.

The code bundle is one zip unpacked into Pyodide's file system (paths as `import decision` sees them):

    decision/*.py                      the package's shared modules (errors, problems)
    decision/{trees,deadlines,aid}/*   run-time modules and the JSON they read (SHIPPED_PACKAGES)
    decision/wording/*.json            the wording the browser shows (the YAML wording is build-time)
    decision/data/*                    bank holidays and the Europe/London zone (build_tools.calendar_data);
                                       they change only with the pinned `holidays` and `tzdata`, like code

The rules file is one JSON object, handed to `decision.aid.browser.load` once Pyodide is up:

    rulebook   every tree, compiled (build_tools.rules.model: Rules.rulebook)
    clocks     decision/clocks.yaml as plain JSON, checked by deadlines.clock_book
    aid_site   where the pages are, from the aids plugin: {clause_pages, aid_pages}

Editing a rule changes only the rules file, so the code bundle, its bytecode and the Pyodide snapshot
made from it stay the same. Both are byte-for-byte the same for the same inputs, so their hashes name them.
"""

import io
import json
import zipfile
from collections.abc import Mapping
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_tools.rules.model import RulesProblem, load_rules
from decision.project.rulebook import Project

# The folders the browser reads: the subpackages it runs and the wording it shows; decision/project/ and
# decision/cli/ are build-time and command line.
SHIPPED_PACKAGES = ("trees", "deadlines", "aid", "wording")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same inputs give the same bytes


def shipped_files(project_root: Path) -> list[Path]:
    """The package's own modules (not __main__) and every .py and .json file in SHIPPED_PACKAGES."""
    decision = project_root / "decision"
    top = [path for path in sorted(decision.glob("*.py")) if path.name != "__main__.py"]
    inside = [
        path
        for package in SHIPPED_PACKAGES
        for path in sorted((decision / package).glob("*"))
        if path.suffix in {".py", ".json"}
    ]
    return top + inside


def bundle_files(project_root: Path) -> dict[str, bytes]:
    """Zip member name -> contents of the code bundle (the modules as source)."""
    decision = project_root / "decision"
    files = {
        f"decision/{path.relative_to(decision).as_posix()}": path.read_bytes()
        for path in shipped_files(project_root)
    }
    data_files = sorted(path for path in (decision / "data").glob("*") if path.is_file())
    if not data_files:
        raise PluginError(
            f"procedures-aids: {decision / 'data'}: no calendar data; "
            "run `python -m build_tools.calendar_data`"
        )
    return files | {f"decision/data/{path.name}": path.read_bytes() for path in data_files}


def bundle_bytes(project_root: Path) -> bytes:
    return zip_bytes(bundle_files(project_root))


def rules_bytes(project_root: Path, aid_site: Mapping) -> bytes:
    """The rules file: the compiled rules and clocks, and the aids plugin's page map `aid_site`."""
    try:
        rules = load_rules(Project(root=project_root))  # the build's own, unless a file changed since
    except RulesProblem as error:
        raise PluginError(f"procedures-aids: the rule files have problems:\n{error}") from None
    pages = {name: dict(sorted(urls.items())) for name, urls in sorted(aid_site.items())}  # same order
    document = {"rulebook": rules.rulebook, "clocks": rules.clocks, "aid_site": pages}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    """A zip of these members, the same bytes for the same members."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in sorted(files.items()):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()
