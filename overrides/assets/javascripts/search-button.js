// On narrow screens the search box is hidden until the header's search icon opens it, so the icon
// takes the keyboard focus in its place (site.css keeps the hidden box out of the Tab order). The
// theme presses a focused label when Enter is pressed.
const searchButton = document.querySelector('.md-header label[for="__search"]');
searchButton.tabIndex = 0;
searchButton.setAttribute("aria-label", document.querySelector(".md-search__input").getAttribute("aria-label"));
