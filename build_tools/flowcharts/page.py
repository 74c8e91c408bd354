"""The HTML around the charts on a page: each figure, the key to the shapes, the timeline table."""

from html import escape

from build_tools.flowcharts.d2 import CONNECTOR_STYLE
from build_tools.flowcharts.diagram import QUESTION_STYLE, URGENCY_STYLES
from build_tools.flowcharts.svg import FONT_PLACEHOLDER, SECONDARY_COLOUR, FinishedSvg
from decision.aid.wording import say
from decision.project.wording import Wording

SWATCH_OPEN = '<svg class="flowchart-swatch" width="48" height="28" viewBox="0 0 48 28" aria-hidden="true">'


def figure_html(svg: FinishedSvg, fonts_url: str, wording: Wording) -> str:
    """One chart, fitted to the content width on screen, with a checkbox to show it at full size in a
    region that scrolls (by keyboard too). A checkbox needs no JavaScript; print CSS fits the chart
    to the page and hides the checkbox."""
    markup = svg.markup.replace(FONT_PLACEHOLDER, fonts_url)
    control = f"{svg.element_id}-full-size"
    return (
        '<figure class="flowchart-figure" data-search-exclude>'
        f'<input type="checkbox" class="flowchart-enlarge" id="{control}">'
        f'<label for="{control}">{escape(wording("enlarge"))}</label>'
        f'<div class="flowchart-scroll" tabindex="0" role="region" aria-label="{escape(_svg_title(svg))}">'
        f"{markup}</div></figure>"
    )


def key_html(wording: Wording) -> str:
    """The key to the shapes, each row with a small drawing in the chart's own style."""
    rows = [
        (_swatch(QUESTION_STYLE), wording("key_question")),
        (_arrow_swatch(), wording("key_arrow")),
        *(
            (
                _swatch(URGENCY_STYLES[urgency]),
                wording("key_outcome", tag=tag, border=wording["border"][urgency]),
            )
            for urgency, tag in say("urgency").items()
        ),
        (_swatch(CONNECTOR_STYLE), wording("key_connector")),
        (_arrow_swatch(dashed=True), wording("key_dashed_arrow")),
        (_swatch(URGENCY_STYLES["within-working-days"]), wording("key_group")),
        (_small_type_swatch(), wording("key_small_type")),
    ]
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in wording["key_columns"])
    body = "".join(f"<tr><td>{swatch}</td><td>{escape(text)}</td></tr>" for swatch, text in rows)
    return (
        f'<h2 id="flowchart-key" class="flowchart-key-heading">{escape(wording("key_heading"))}</h2>'
        f'<table class="flowchart-key"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def timeline_table_html(rows: list[tuple[str, str, str, str]], caption: str, columns: tuple[str, ...]) -> str:
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f'<table class="timeline-table"><caption>{escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _svg_title(svg: FinishedSvg) -> str:
    start = svg.markup.index(">", svg.markup.index("<title")) + 1
    return svg.markup[start : svg.markup.index("</title>")]


def _swatch(style: dict[str, str]) -> str:
    """A 48 x 28 drawing of a box in the given D2 style (values are D2-quoted: '"#FFF"')."""
    fill, stroke = style["fill"].strip('"'), style["stroke"].strip('"')
    width = min(int(style.get("stroke-width", "2")), 4)
    dash = f' stroke-dasharray="{style["stroke-dash"]},3"' if "stroke-dash" in style else ""
    radius = ' rx="8"' if "border-radius" in style else ""
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}'
    shape = f'<rect x="3" y="3" width="42" height="22"{radius} {paint}/>'
    if style.get("double-border") == "true":
        shape += (
            f'<rect x="7" y="7" width="34" height="14" fill="none" stroke="{stroke}" stroke-width="1.5"/>'
        )
    return f"{SWATCH_OPEN}{shape}</svg>"


def _arrow_swatch(dashed: bool = False) -> str:
    dash = ' stroke-dasharray="5,3"' if dashed else ""
    return (
        f"{SWATCH_OPEN}"
        f'<path d="M4 14 H40" stroke="#333333" stroke-width="2"{dash}/>'
        '<polygon points="38,9 46,14 38,19" fill="#333333"/></svg>'
    )


def _small_type_swatch() -> str:
    text = f'<text x="24" y="18" font-size="10" fill="{SECONDARY_COLOUR}" text-anchor="middle">Clauses</text>'
    return f"{SWATCH_OPEN}{text}</svg>"
