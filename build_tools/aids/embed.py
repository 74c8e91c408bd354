"""The HTML an `[[aid TREE]]` directive becomes: first question, status line and text version.

Search: the form is never indexed, and the text version only on the tree's own aid page, so the
search index does not carry a copy of every tree for each page that embeds it.
"""

import re
from html import escape

from mkdocs.exceptions import PluginError

from decision.aid.browser import Bundle
from decision.aid.question_html import question_html
from decision.aid.text_version import text_version_html
from decision.aid.wording import say

# Sentences the page's script shows before Python has loaded, so they cannot come from the worker.
STATUS_WORDING = ("status_loading", "status_loading_link", "status_queued", "status_failed")
SEARCH_EXCLUDE = "data-search-exclude"  # mkdocs-material's search skips an element with it
_FIRST_TAG = re.compile(r"^<([a-z0-9]+)\b")
_HEADING = re.compile(r"<(h[1-6])\b")


def aid_html(bundle: Bundle, tree_id: str, base: str, level: int, own_page: bool) -> str:
    """The aid; `own_page` is true on the tree's own aid page, the one page that indexes its text version."""
    tree = bundle.trees[tree_id]
    site = bundle.site(base, level)
    question = tree.questions[tree.start]
    wording = "".join(f' data-{key.replace("_", "-")}="{escape(say(key))}"' for key in STATUS_WORDING)
    text = text_version_html(site, tree)
    # Without JavaScript aid.css hides the form, which cannot work: the page leads with this notice and
    # the text version.
    notice = f'<noscript><p class="aid-no-js">{escape(say("no_js"))}</p></noscript>'
    return (
        f'<div class="aid" data-tree="{tree.id}" data-base="{escape(base)}" data-level="{level}"{wording}>'
        f'{unsearched(notice, tree_id)}<p class="aid-status" role="status" aria-live="polite"></p>'
        f'<div class="aid-step" data-status="question" data-question="{question.id}">'
        f"{unsearched(question_html(site, tree, question), tree_id)}</div>"
        f"{text if own_page else unsearched(text, tree_id)}</div>"
    )


def unsearched(html: str, tree_id: str) -> str:
    """`html`, one element, kept out of the search index: it and each heading in it get the attribute.

    Material's search parser starts an index entry at every heading, even inside an excluded element,
    and matches elements by tag name, so an excluded element must not contain another of its own tag.
    """
    first = _FIRST_TAG.match(html)
    if first is None or re.search(rf"<{first.group(1)}[\s>]", html[first.end() :]):
        raise PluginError(
            f"procedures-aids: tree '{tree_id}': cannot keep this HTML out of search "
            f"(it must be one element holding no other of its tag): {html[:80]}"
        )
    rest = _HEADING.sub(rf"<\1 {SEARCH_EXCLUDE}", html[first.end() :])
    return f"{first.group(0)} {SEARCH_EXCLUDE}{rest}"
