"""A built page's inline scripts, and its Content-Security-Policy meta tag allowing exactly those by hash."""

import base64
import functools
import hashlib
import re
from html.parser import HTMLParser

CSP_META = re.compile(
    r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*/?>', re.IGNORECASE
)


class PolicyError(Exception):
    """The page's policy cannot allow its inline scripts; the message says why."""


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run, exactly as the page holds it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        # A JSON block (the theme's __config) is data the browser never runs, so CSP does not check it.
        if tag == "script" and "src" not in found and "json" not in (found.get("type") or "").lower():
            self._text = []

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)  # a script's text is raw: the parser never unescapes it

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


def inline_scripts(html: str) -> list[str]:
    parser = _InlineScripts()
    parser.feed(html)
    parser.close()
    return parser.scripts


def script_hash(script: str) -> str:
    """The CSP source expression that allows this script text and no other."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def with_script_hashes(policy: str, hashes: list[str]) -> str:
    """The policy with `hashes` added to its script-src directive."""
    directives = policy.split(";")
    for number, directive in enumerate(directives):
        if directive.split()[:1] == ["script-src"]:
            directives[number] = " ".join([directive.rstrip(), *hashes])
            return ";".join(directives)
    raise PolicyError(f"its Content-Security-Policy has no script-src directive: {policy!r}")


@functools.lru_cache(maxsize=256)  # mkdocs serve rebuilds every page: an unchanged page is not parsed again
def allow_inline_scripts(html: str) -> str:
    """The page with its CSP meta tag allowing, by sha256, each inline script after it."""
    metas = list(CSP_META.finditer(html))
    if len(metas) != 1:
        raise PolicyError(f"has {len(metas)} Content-Security-Policy meta tags where it needs exactly one")
    meta = metas[0]
    # A meta tag's policy only covers what the browser parses after it.
    if inline_scripts(html[: meta.start()]):
        raise PolicyError("has an inline script before its Content-Security-Policy meta tag")
    hashes = sorted({script_hash(script) for script in inline_scripts(html[meta.end() :])})
    if not hashes:
        return html
    return html[: meta.start(1)] + with_script_hashes(meta.group(1), hashes) + html[meta.end(1) :]
