"""What a page is made from, as one hash per page: when it changes, the page is read and rendered again."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from build_tools.aids.site import anchors_in
from build_tools.directives import has_directives
from build_tools.rules.model import Rules, files_digest, fingerprint
from decision.project.wording import FOLDER as WORDING_FOLDER


@dataclass(frozen=True)
class Inputs:
    site: str  # what every page is made from: the configuration, the templates, the snippets, the page list
    rules: str  # what a page with a [[directive]] is also made from: the model, the wording, every anchor

    def of_page(self, markdown: str) -> str:
        parts = [self.site, markdown, self.rules if has_directives(markdown) else ""]
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def site_inputs(config: MkDocsConfig, files: Files, markdown: dict[str, str], rules: Rules) -> Inputs:
    """`markdown`: each page's Markdown, by src_uri."""
    pages = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
    page_list = "\n".join(f"{file.src_uri} {file.url}" for file in pages)
    snippets = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])
    root = Path(config.config_file_path).parent
    places = [Path(config.config_file_path), *(root / folder for folder in snippets)]
    if config.theme.custom_dir:
        places.append(Path(config.theme.custom_dir))
    # A directive links to the page that anchors each clause, so a moved anchor changes it.
    anchors = "\n".join(f"{uri} {sorted(anchors_in(text))}" for uri, text in markdown.items())
    return Inputs(
        site=files_digest(places, extra=page_list),
        rules=files_digest([WORDING_FOLDER], extra=fingerprint(rules.project) + "\n" + anchors),
    )
