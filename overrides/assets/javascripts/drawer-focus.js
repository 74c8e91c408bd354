// On narrow screens the navigation drawer sits off screen until opened, yet its links still take
// keyboard focus. Open the drawer while focus is inside it and close it when focus leaves, so the
// focused link is always on screen (WCAG 2.4.7, 2.4.11).
const narrowScreen = matchMedia("(max-width: 76.234375em)");  // the theme's drawer breakpoint

document.addEventListener("focusin", function (event) {
  const drawer = document.getElementById("__drawer");
  const inside = event.target.closest(".md-sidebar--primary") !== null;
  if (narrowScreen.matches && drawer.checked !== inside) {
    drawer.checked = inside;
    drawer.dispatchEvent(new Event("change"));  // the theme follows the toggle through this event
  }
});
