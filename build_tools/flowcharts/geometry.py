"""Read a D2 SVG's geometry and say where the drawing is hard to follow: an arrow through a box, or two
labels on top of each other. D2's layout engines do not promise either never happens.

Boxes are the shapes D2 draws for each key (for free text such as the title, an estimate of the
text's extent); labels are the rectangles D2 cuts out of its arrows' mask (one per arrow label)
and the boxes themselves, whose words sit inside them.
"""

import itertools
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from build_tools.flowcharts.svg import d2_key

SVG = "{http://www.w3.org/2000/svg}"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")
_COMMAND = re.compile(r"([MLCSQZ])([^MLCSQZ]*)", re.IGNORECASE)
EDGE_KEY = re.compile(r"^\((.+) -(?:&gt;|>) (.+)\)\[\d+\]$")
TOLERANCE = 1.0  # px: shapes that only touch, or round to the same pixel, do not count


@dataclass(frozen=True)
class Box:
    name: str
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: "Box") -> bool:
        return (
            self.left < other.right - TOLERANCE
            and other.left < self.right - TOLERANCE
            and self.top < other.bottom - TOLERANCE
            and other.top < self.bottom - TOLERANCE
        )

    def crossed_by(self, start: tuple[float, float], end: tuple[float, float]) -> bool:
        """Whether the segment passes through the inside of the box (Liang-Barsky clipping)."""
        left, top = self.left + TOLERANCE, self.top + TOLERANCE
        right, bottom = self.right - TOLERANCE, self.bottom - TOLERANCE
        if left >= right or top >= bottom:
            return False
        (x0, y0), (x1, y1) = start, end
        dx, dy = x1 - x0, y1 - y0
        low, high = 0.0, 1.0
        for p, q in ((-dx, x0 - left), (dx, right - x0), (-dy, y0 - top), (dy, bottom - y0)):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            if p < 0:
                low = max(low, t)
            else:
                high = min(high, t)
        return low < high


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    points: tuple[tuple[float, float], ...]  # the path as straight pieces (curves sampled)
    label: Box | None


@dataclass(frozen=True)
class Drawing:
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


def read_drawing(svg: str) -> Drawing:
    root = ET.fromstring(svg)
    masks = [
        _rect_box("label", rect)
        for mask in root.iter(f"{SVG}mask")
        for rect in mask.iter(f"{SVG}rect")
        if rect.get("fill") == "black"
    ]
    boxes, edges = [], []
    for group in root.iter(f"{SVG}g"):
        key = d2_key(group.get("class", ""))
        if key is None:
            continue
        edge = EDGE_KEY.match(key)
        if edge:
            path = group.find(f"{SVG}path[@class='connection']")
            text = group.find(f"{SVG}text")
            label = None
            if text is not None:
                x, y = float(text.get("x", "0")), float(text.get("y", "0"))
                mask = next((b for b in masks if b.left <= x <= b.right and b.top <= y <= b.bottom), None)
                if mask is not None:
                    name = f"the label of {edge.group(1)} -> {edge.group(2)}"
                    label = Box(name, mask.left, mask.top, mask.right, mask.bottom)
            points = _path_points(path.get("d", "")) if path is not None else ()
            edges.append(Edge(edge.group(1), edge.group(2), points, label))
            continue
        shape = group.find(f"{SVG}g[@class='shape']")
        text = group.find(f"{SVG}text")
        if shape is not None and len(shape):
            boxes.append(_shape_box(key, shape))
        elif shape is not None and text is not None:  # free text (title, footer) has an empty shape
            boxes.append(_text_box(key, text))
    return Drawing(tuple(boxes), tuple(edges))


def layout_problems(svg: str) -> list[str]:
    """Each arrow that runs through a box or a label not its own, and each pair of overlapping labels."""
    drawing = read_drawing(svg)
    problems = []
    for edge in drawing.edges:
        others = [box for box in drawing.boxes if box.name not in (edge.source, edge.target)]
        others += [e.label for e in drawing.edges if e.label is not None and e is not edge]
        for box in others:
            if any(box.crossed_by(a, b) for a, b in itertools.pairwise(edge.points)):
                problems.append(f"arrow {edge.source} -> {edge.target} crosses {box.name}")
    labels = [*drawing.boxes, *(edge.label for edge in drawing.edges if edge.label is not None)]
    for index, first in enumerate(labels):
        problems += [
            f"{first.name} overlaps {second.name}" for second in labels[index + 1 :] if first.overlaps(second)
        ]
    return problems


def _text_box(name: str, text: ET.Element) -> Box:
    """A generous box round centred free text: D2 draws no shape for it, so its size is estimated."""
    match = re.search(r"font-size:\s*([\d.]+)px", text.get("style", ""))
    size = float(match.group(1)) if match else 16.0
    lines = [" ".join(line.itertext()) for line in text.iter(f"{SVG}tspan")] or ["".join(text.itertext())]
    half = max(len(line) for line in lines) * size * 0.6 / 2
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    return Box(name, x - half, y - size, x + half, y + size * (1.2 * len(lines) - 0.9))


def _rect_box(name: str, rect: ET.Element) -> Box:
    x, y = float(rect.get("x", "0")), float(rect.get("y", "0"))
    return Box(name, x, y, x + float(rect.get("width", "0")), y + float(rect.get("height", "0")))


def _shape_box(name: str, shape: ET.Element) -> Box:
    """The smallest box round what the shape draws (a hexagon's path, a double border's rects, an oval)."""
    xs, ys = [], []
    for element in shape:
        if element.tag == f"{SVG}rect":
            box = _rect_box(name, element)
            xs += [box.left, box.right]
            ys += [box.top, box.bottom]
        elif element.tag == f"{SVG}ellipse":
            cx, cy = float(element.get("cx", "0")), float(element.get("cy", "0"))
            rx, ry = float(element.get("rx", "0")), float(element.get("ry", "0"))
            xs += [cx - rx, cx + rx]
            ys += [cy - ry, cy + ry]
        elif element.tag == f"{SVG}path":
            for x, y in _path_points(element.get("d", "")):
                xs.append(x)
                ys.append(y)
    return Box(name, min(xs), min(ys), max(xs), max(ys))


def _path_points(d: str) -> tuple[tuple[float, float], ...]:
    """The points along an SVG path of absolute M, L, C, S and Q commands; curves sampled in 8 steps."""
    points: list[tuple[float, float]] = []
    for command, args in _COMMAND.findall(d):
        numbers = [float(n) for n in _NUMBER.findall(args)]
        pairs = list(zip(numbers[::2], numbers[1::2], strict=True))
        if command.upper() in "ML":
            points += pairs
        elif command.upper() in "CSQ" and points:
            size = {"C": 3, "S": 2, "Q": 2}[command.upper()]
            for start in range(0, len(pairs), size):
                controls = [points[-1], *pairs[start : start + size]]
                points += [_bezier(controls, step / 8) for step in range(1, 9)]
    return tuple(points)


def _bezier(controls: list[tuple[float, float]], t: float) -> tuple[float, float]:
    while len(controls) > 1:
        controls = [
            (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in itertools.pairwise(controls)
        ]
    return controls[0]
