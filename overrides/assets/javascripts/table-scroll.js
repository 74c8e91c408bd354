// A table wider than the screen scrolls sideways inside its wrapper; a keyboard user can only scroll
// it if the wrapper takes focus (WCAG 2.1.1), so scrolling wrappers become focusable regions. Each
// region needs its own name, or a page with several tables has several regions nobody can tell apart.
const HEADINGS = "h1, h2, h3, h4, h5, h6";

// A heading's words without the theme's permalink marker.
function headingText(heading) {
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}

// Each table wrapper's name: "Table: " and the table's caption, or else the heading it sits under,
// numbered where a heading has more than one table, so that no two tables on a page share a name.
function tableNames() {
  const topics = new Map();
  let heading = "";
  for (const el of document.querySelectorAll(`.md-content :is(${HEADINGS}, .md-typeset__scrollwrap)`)) {
    if (el.matches(HEADINGS)) {
      heading = headingText(el);
    } else {
      const caption = el.querySelector("caption");
      topics.set(el, caption ? caption.textContent.trim() : heading);
    }
  }
  const totals = new Map();
  for (const topic of topics.values()) totals.set(topic, (totals.get(topic) || 0) + 1);
  const counted = new Map();
  const names = new Map();
  for (const [wrap, topic] of topics) {
    const number = (counted.get(topic) || 0) + 1;
    counted.set(topic, number);
    const total = totals.get(topic);
    names.set(wrap, total > 1 ? `Table: ${topic} (${number} of ${total})` : `Table: ${topic}`);
  }
  return names;
}

function markScrollingTables() {
  for (const [wrap, name] of tableNames()) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", name);
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}

// document$ is the theme's signal for every page shown, including pages loaded by instant navigation.
document$.subscribe(markScrollingTables);
window.addEventListener("resize", markScrollingTables);
