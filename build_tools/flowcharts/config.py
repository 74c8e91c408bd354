"""Settings of the `procedures-flowcharts` plugin."""

from mkdocs.config import base
from mkdocs.config import config_options as c


class FlowchartsConfig(base.Config):
    # Where D2's drawings are kept between builds, relative to mkdocs.yml; keyed by a hash of their input.
    cache_dir = c.Type(str, default="build/flowcharts-cache")
    # Each tree's flowchart page and aid page, docs-relative; {tree} is the tree id.
    flowchart_page = c.Type(str, default="flowcharts/{tree}.md")
    aid_page = c.Type(str, default="aids/{tree}.md")
    # The deadline calculator page, docs-relative, linked from every timeline chart.
    calculator_page = c.Type(str, default="deadlines.md")
    # Where the stylesheet and the charts' font files go in the site.
    assets = c.Type(str, default="assets/flowcharts")
