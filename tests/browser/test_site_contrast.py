"""The site stylesheet's colours and page styles. Buttons' text is at least 4.5:1 against the button at
rest, under the pointer and with keyboard focus, in the light and the dark scheme (WCAG 1.4.3), and
keyboard focus shows a ring (WCAG 2.4.7). The alert template's form is styled from the stylesheet."""

import re

import pytest
from browsing import open_page, recorded_context
from playwright.sync_api import Browser, Locator, Page

pytestmark = pytest.mark.browser

PAGE = "surrey/alert-policy/"
KINDS = ["md-button", "md-button md-button--primary"]
# Guidance pages, the decision aids and the deadline calculator all use the theme's buttons, and every
# page loads the aids' and the calculator's styles, so a button is checked inside each of them.
PLACES = ["", "aid", "calc"]

ADD_BUTTONS = """([kinds, places]) => {
  const content = document.querySelector(".md-content .md-typeset");
  for (const place of places) {
    const box = content.insertBefore(document.createElement("div"), content.firstChild);
    box.className = place;
    for (const kind of kinds) {
      const button = box.appendChild(document.createElement("button"));
      button.type = "button";
      button.className = `${kind} contrast-probe`;
      button.textContent = place ? `${kind} in .${place}` : kind;
    }
  }
}"""

# The button's colours once the theme's colour transition has run, and the first painted background
# behind it.
COLOURS = """(button) => {
  document.getAnimations().forEach((animation) => animation.finish());
  const style = getComputedStyle(button);
  let page = "rgba(0, 0, 0, 0)";
  for (let el = button.parentElement; el && /, 0\\)$/.test(page); el = el.parentElement) {
    page = getComputedStyle(el).backgroundColor;
  }
  return {text: style.color, fill: style.backgroundColor, page, outline: style.outlineColor,
          outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
}"""


def rgb(css: str) -> tuple[float, float, float, float]:
    """An `rgb(...)` or `rgba(...)` computed colour as red, green, blue (0-255) and alpha."""
    match = re.fullmatch(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)", css)
    assert match, f"not an rgb() colour: {css}"
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha or 1)


Colour = tuple[float, float, float]
BLACK: Colour = (0, 0, 0)


def over(colour: str, backdrop: Colour) -> Colour:
    """What shows of `colour` painted over `backdrop`."""
    *front, alpha = rgb(colour)
    red, green, blue = (alpha * f + (1 - alpha) * b for f, b in zip(front, backdrop, strict=True))
    return red, green, blue


def luminance(colour: Colour) -> float:
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: Colour, other: Colour) -> float:
    lighter, darker = sorted((luminance(one), luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_of_known_colours() -> None:
    assert round(contrast(over("rgb(255, 255, 255)", BLACK), BLACK), 2) == 21.0
    assert round(contrast((255, 255, 255), over("rgb(82, 108, 254)", BLACK)), 2) == 4.26  # #526cfe
    assert over("rgba(255, 255, 255, 0.5)", BLACK) == (127.5, 127.5, 127.5)


def _button_problems(page: Page, button: Locator, state: str) -> list[str]:
    page.mouse.move(0, 0)
    page.evaluate("document.activeElement.blur()")
    if state == "under the pointer":
        button.hover()
    elif state == "with keyboard focus":
        button.focus()
    colours = button.evaluate(COLOURS)
    page_colour = over(colours["page"], BLACK)  # the page's own background is opaque
    fill = over(colours["fill"], page_colour)
    ratio = contrast(over(colours["text"], fill), fill)
    name = f"{button.inner_text()} {state}"
    problems = [f"{name}: text {ratio:.2f}:1 ({colours['text']} on {colours['fill']})"] if ratio < 4.5 else []
    if state == "with keyboard focus":
        ring = contrast(over(colours["outline"], page_colour), page_colour)
        if colours["outlineStyle"] == "none" or colours["outlineWidth"] < 2 or ring < 3:
            problems.append(f"{name}: no focus ring that stands out ({colours})")
    return problems


@pytest.mark.parametrize("scheme, theme_scheme", [("light", "default"), ("dark", "slate")])
def test_buttons_are_readable_in_every_state(
    browser: Browser, site_url: str, scheme: str, theme_scheme: str
) -> None:
    problems = []
    with recorded_context(browser, "1280px", scheme) as (context, _):
        # The buttons are what is checked; the decision aid on the page need not start its engine.
        context.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body="not needed"))
        page = open_page(context, site_url + PAGE)
        assert page.evaluate("document.body.dataset.mdColorScheme") == theme_scheme
        page.evaluate(ADD_BUTTONS, [KINDS, PLACES])
        buttons = page.locator(".contrast-probe")
        assert buttons.count() == len(KINDS) * len(PLACES)
        for button in buttons.all():
            for state in ["at rest", "under the pointer", "with keyboard focus"]:
                problems += _button_problems(page, button, state)
    assert problems == [], "\n".join(problems)


# The alert template's form, drawn by the site's stylesheet: the page has no <style> of its own, which a
# Content-Security-Policy without 'unsafe-inline' styles would block.
FORM_STYLE = """() => {
  const style = (selector) => getComputedStyle(document.querySelector(selector));
  return {
    inlineStyles: document.querySelectorAll("style").length,
    cellBorder: style("table.alert-form td.write").borderTopStyle,
    tallCell: document.querySelector("table.alert-form td.write-tall").offsetHeight,
    note: style(".alert-form-screen-only").display,
    part2: style("h2.alert-form-new-page").breakBefore,
  };
}"""


def test_alert_template_form_is_styled_by_the_site_stylesheet(browser: Browser, site_url: str) -> None:
    with recorded_context(browser, "1280px") as (context, _):
        page = open_page(context, site_url + "surrey/alert-template/")
        screen = page.evaluate(FORM_STYLE)
        page.emulate_media(media="print")
        printed = page.evaluate(FORM_STYLE)
    assert screen["inlineStyles"] == 0, "the alert template has its own <style>"
    assert screen["cellBorder"] == "solid" and screen["tallCell"] > 100, screen  # boxes to write in
    assert screen["note"] == "block" and printed["note"] == "none", (screen, printed)
    assert printed["part2"] == "page", printed
