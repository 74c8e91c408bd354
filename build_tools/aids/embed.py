"""The HTML an `[[aid TREE]]` directive becomes: first question, status line and text version."""

from html import escape

from decision.browser import Bundle
from decision.render import question_html, say, text_version_html

# Sentences the page's script shows before Python has loaded, so they cannot come from the worker.
STATUS_WORDING = ("status_loading", "status_loading_link", "status_queued", "status_failed")


def aid_html(bundle: Bundle, tree_id: str, base: str, level: int) -> str:
    tree = bundle.trees[tree_id]
    site = bundle.site(base, level)
    question = tree.questions[tree.start]
    wording = "".join(f' data-{key.replace("_", "-")}="{escape(say(key))}"' for key in STATUS_WORDING)
    return (
        f'<div class="aid" data-tree="{tree.id}" data-base="{escape(base)}" data-level="{level}"{wording}>'
        '<p class="aid-status" role="status" aria-live="polite"></p>'
        f'<div class="aid-step" data-status="question" data-question="{question.id}">'
        f"{question_html(site, tree, question, no_js_notice=True)}</div>"
        f"{text_version_html(site, tree)}</div>"
    )
