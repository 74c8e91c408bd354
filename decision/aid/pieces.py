"""Small pieces of the aid's HTML that the question, outcome and text version share.

Ids, headings, buttons, error messages, date boxes and clause links. Links are relative to the page
the aid sits on (`Site.base` leads to the site root), so they work wherever the site is served.
"""

from collections.abc import Iterable, Mapping
from html import escape

from decision.aid.view import Fault, Site
from decision.aid.wording import say
from decision.trees.engine import format_date
from decision.trees.tree import Tree


class Ids:
    """Element ids on the page: all start `aid-<tree>-`, so they never meet the clause anchors."""

    def __init__(self, tree: Tree) -> None:
        self.prefix = f"aid-{tree.id}-"

    def of(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def node(self, node_id: str) -> str:
        return f"{self.prefix}node-{node_id}"


def heading(level: int, id_: str | None, html: str, focusable: bool = False) -> str:
    """A heading; `focusable` ones take the focus after each step, so screen readers announce them."""
    attributes = (f' id="{id_}"' if id_ else "") + (' tabindex="-1"' if focusable else "")
    return f'<h{level} class="aid-heading"{attributes}>{html}</h{level}>'


def button(text: str, primary: bool, attributes: str) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return f'<button {attributes} class="{kind} aid-button">{escape(text)}</button>'


def back_link(back: str | None) -> str:
    if back is None:
        return ""
    return f'<a href="{escape(back)}" class="aid-back aid-no-print" data-aid-nav>{escape(say("back"))}</a>'


def aria_invalid(invalid: bool) -> str:
    return ' aria-invalid="true"' if invalid else ""


def group_open(error: bool, described: list[str]) -> str:
    described_by = f' aria-describedby="{" ".join(described)}"' if described else ""
    group = "aid-group aid-group--error" if error else "aid-group"
    return f'<div class="{group}"><fieldset class="aid-fieldset"{described_by}>'


def error_summary(ids: Ids, level: int, faults: list[Fault]) -> str:
    items = "".join(
        f'<li><a href="#{ids.of(fault.field)}">{escape(fault.message)}</a></li>'
        if fault.field
        else f"<li>{escape(fault.message)}</li>"
        for fault in faults
    )
    title = f'<h{level} class="aid-error-summary__title" id="{ids.of("error-title")}">'
    return (
        f'<div class="aid-error-summary" id="{ids.of("error-summary")}" tabindex="-1" '
        f'aria-labelledby="{ids.of("error-title")}"><div role="alert">{title}{escape(say("error_title"))}'
        f'</h{level}><ul class="aid-error-summary__list">{items}</ul></div></div>'
    )


def error_message(id_: str, message: str) -> str:
    prefix = f'<span class="aid-visually-hidden">{escape(say("error_prefix"))} </span>'
    return f'<p class="aid-error-message" id="{id_}">{prefix}{escape(message)}</p>'


def guidance(site: Site, cites: list[str], label: str) -> str:
    if not cites:
        return ""
    return f'<p class="aid-guidance">{escape(label)} {cite_links(site, cites)}</p>'


def cites_inline(site: Site, cites: Iterable[str]) -> str:
    cites = list(cites)
    return f'<span class="aid-cites">({cite_links(site, cites)})</span>' if cites else ""


def cite_links(site: Site, cites: list[str]) -> str:
    return ", ".join(f'<a href="{escape(site.clause_href(cite))}">{escape(cite)}</a>' for cite in cites)


def date_inputs(ids: Ids, prefix: str, value: object, invalid: bool) -> str:
    """Day, month and year boxes, named `<prefix>day` and so on; `value` is ISO or the typed parts."""
    parts = date_parts(value)
    items = []
    for part, width in (("day", 2), ("month", 2), ("year", 4)):
        input_id = ids.of(f"{prefix}{part}")
        items.append(
            f'<div class="aid-date__item"><label class="aid-date__label" for="{input_id}">'
            f'{escape(say(part))}</label><input class="aid-date__input aid-width-{width}" id="{input_id}" '
            f'name="{prefix}{part}" type="text" inputmode="numeric" autocomplete="off" '
            f'value="{escape(parts[part])}"{aria_invalid(invalid)}></div>'
        )
    return f'<div class="aid-date">{"".join(items)}</div>'


def date_parts(value: object) -> dict[str, str]:
    if isinstance(value, Mapping):
        return {part: str(value.get(part, "")) for part in ("day", "month", "year")}
    if isinstance(value, str) and len(value) >= 10:
        year, month, day = value[:10].split("-")
        return {"day": day.lstrip("0"), "month": month.lstrip("0"), "year": year}
    return {"day": "", "month": "", "year": ""}


def who_does(site: Site, who: str, does: str, cites: Iterable[str], extra: str = "") -> str:
    return f'<span class="aid-who">{escape(who)}:</span> {escape(does)}{extra} {cites_inline(site, cites)}'


def clock_text(site: Site, clock: str) -> str:
    name, counting = site.clocks[clock]
    return say("clock", name=name, counting=counting)


def hand_off(site: Site, tree_id: str | None) -> str:
    if tree_id is None:
        return ""
    title = escape(say("use_aid", title=site.tree_titles[tree_id]))
    return f' <a href="{escape(site.base + site.aid_pages[tree_id])}">{title}</a>'


def not_modelled_list(site: Site, tree: Tree) -> str:
    items = "".join(
        f"<li>{escape(item.text)} {cites_inline(site, item.cites)}</li>" for item in tree.not_modelled
    )
    return f"<ul>{items}</ul>"


def version_text(version: Mapping[str, str]) -> str:
    """The rules version in words: its hash and the date the rules were last checked (docs/sources.md)."""
    return say("version", hash=version["hash"], date=format_date(version["date"]))


def moment_text(value: str) -> str:
    day = format_date(value[:10])
    return f"{value[11:16]}, {day}" if len(value) >= 16 else day
