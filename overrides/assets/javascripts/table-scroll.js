// A table wider than the screen scrolls sideways inside its wrapper; a keyboard user can only scroll
// it if the wrapper takes focus (WCAG 2.1.1), so scrolling wrappers become named, focusable regions.
function markScrollingTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways");
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
