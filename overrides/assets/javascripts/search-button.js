// On narrow screens the search box is hidden until the header's search icon opens it, so the icon
// takes the keyboard focus in its place (site.css keeps the hidden box out of the Tab order), named by
// hidden text. The theme presses a focused label when Enter is pressed; once search is open, the box
// takes the focus.
const searchButton = document.querySelector('.md-header label.md-header__button[for="__search"]');
const searchBox = document.querySelector(".md-search__input");
const searchName = searchButton.appendChild(document.createElement("span"));
searchName.className = "site-visually-hidden";
searchName.textContent = searchBox.getAttribute("aria-label");
searchButton.tabIndex = 0;
searchButton.addEventListener("click", () => setTimeout(() => searchBox.focus()));
