"""Lines of D2 source: boxes, arrows and free text, with every label quoted safely."""

from build_tools.flowcharts.labels import BoxText

TEXT_COLOUR = '"#111111"'
CONNECTOR_STYLE = {
    "fill": '"#FFFFFF"',
    "stroke": '"#1A237E"',
    "stroke-width": "2",
    "stroke-dash": "3",
    "border-radius": "20",
    "font-size": "16",
}
ARROW_STYLE = {"stroke": '"#333333"', "stroke-width": "2", "font-color": '"#1F1F1F"', "font-size": "16"}


def box(key: str, text: BoxText, shape: str, style: dict[str, str]) -> str:
    return f"{key}: {quoted(label(text))} {{shape: {shape}; style: {{{_style(style)}}}}}"


def arrow(source: str, target: str, text: BoxText | None, style: dict[str, str] = ARROW_STYLE) -> str:
    shown = f" {quoted(label(text))}" if text else ""
    return f"{source} -> {target}:{shown} {{style: {{{_style(style)}}}}}"


def free_text(key: str, text: str, near: str, size: int, bold: bool) -> str:
    """Text with no box, pinned to an edge of the chart (`near`: top-center, bottom-center, ...)."""
    style = {"font-size": str(size), "bold": str(bold).lower(), "font-color": TEXT_COLOUR}
    return f"{key}: {quoted(text)} {{shape: text; near: {near}; style: {{{_style(style)}}}}}"


def label(text: BoxText) -> str:
    return "\n".join(text.lines + text.small)


def quoted(text: str) -> str:
    """A D2 double-quoted string; `$` is escaped so D2 never reads `${...}` as a substitution."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("$", "\\$").replace("\n", "\\n")
    return f'"{escaped}"'


def _style(style: dict[str, str]) -> str:
    return "; ".join(f"{key}: {value}" for key, value in style.items())


def letter(index: int) -> str:
    """A, B, ... Z, then AA, AB, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
