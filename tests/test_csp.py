"""Content-Security-Policy: each built page allows by hash exactly the inline scripts it holds, and nothing
else inline; a page without the policy stops the build."""

import base64
import hashlib
import re
from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from build_tools.csp.plugin import CspPlugin

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.DOTALL)
# What script-src allows besides hashes: the site's own files, and Pyodide compiling WebAssembly.
SOURCES = {"'self'", "'wasm-unsafe-eval'"}


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _inline_hashes(html: str) -> set[str]:
    """Hashes of the inline scripts the browser runs; the theme's JSON settings block is never run."""
    scripts = SCRIPT.findall(html)
    return {_sha256(text) for attrs, text in scripts if "src=" not in attrs and "json" not in attrs}


def _script_src(policy: str) -> list[str]:
    directives = [directive.split() for directive in policy.split(";")]
    return next(words[1:] for words in directives if words[:1] == ["script-src"])


def test_every_inline_script_is_allowed_by_its_own_page_and_nothing_else_inline(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    policies = set()
    for path in pages:
        html = path.read_text(encoding="utf-8")
        found = POLICY.findall(html)
        assert len(found) == 1, f"{path}: {len(found)} policies"
        assert html.index(found[0]) < html.index("<script"), f"{path}: a script comes before the policy"
        sources = set(_script_src(found[0]))
        hashes = {source for source in sources if source.startswith("'sha256-")}
        assert sources - hashes == SOURCES, f"{path}: {sorted(sources - hashes)}"
        assert hashes == _inline_hashes(html), path
        # The theme's storage helpers and saved colour scheme run inline, before the first paint.
        assert len(hashes) == 2, f"{path}: {len(hashes)} inline scripts"
        policies.add(found[0])
    assert len(pages) > 50 and (built_site / "404.html") in pages
    # Instant navigation keeps the first page's policy, so the policy must not differ from page to page.
    assert len(policies) == 1, sorted(policies)


def test_the_storage_scope_is_the_site_root(built_site: Path) -> None:
    html = (built_site / "kent" / "alerts" / "index.html").read_text(encoding="utf-8")
    assert '<script>__md_scope=new URL("/",location),' in html  # extra.scope in mkdocs.yml


PAGE = '<html><head>{meta}<script>__md_scope="/"</script></head><body><script>{body}</script></body></html>'
META = '<meta http-equiv="Content-Security-Policy" content="{policy}">'


def _post(html: str, name: str = "404.html") -> str:
    return CspPlugin().on_post_template(html, template_name=name, config=MkDocsConfig())


def test_the_plugin_adds_each_inline_script_hash_to_script_src_only() -> None:
    meta = META.format(policy="default-src 'self'; script-src 'self'; style-src 'self'")
    html = _post(PAGE.format(meta=meta, body="go()"))
    hashes = " ".join(sorted([_sha256('__md_scope="/"'), _sha256("go()")]))
    assert POLICY.findall(html) == [f"default-src 'self'; script-src 'self' {hashes}; style-src 'self'"]


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("", "has 0 Content-Security-Policy meta tags"),
        (META.format(policy="default-src 'self'"), "its Content-Security-Policy has no script-src directive"),
    ],
)
def test_a_page_whose_policy_cannot_allow_its_scripts_stops_the_build(meta: str, message: str) -> None:
    with pytest.raises(PluginError, match=rf"^procedures-csp: 404\.html: {message}"):
        _post(PAGE.format(meta=meta, body="go()"))


def test_a_script_before_the_policy_stops_the_build() -> None:
    html = "<html><head><script>early()</script>" + META.format(policy="script-src 'self'") + "</head></html>"
    with pytest.raises(PluginError, match=r"^procedures-csp: 404\.html: has an inline script before its"):
        _post(html)


def test_other_templates_pass_unchanged() -> None:
    sitemap = "<urlset><url><loc>http://127.0.0.1/</loc></url></urlset>"
    assert _post(sitemap, "sitemap.xml") == sitemap
