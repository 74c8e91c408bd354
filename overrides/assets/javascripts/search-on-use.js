// On a page that starts the decision engine, the theme's search would download its index as the page
// loads and build it in a worker while the engine boots, the two sharing the processor. There it waits
// until the search box is first used (or the address asks for a search or a highlight). The theme
// asks for the index with XMLHttpRequest as soon as its script runs: this runs just before it.
const searchIndexRequests = [];
const { open: openRequest, send: sendRequest } = XMLHttpRequest.prototype;
let searchUsed = /[?&][qh]=/.test(location.search);

XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  this.forSearchIndex = String(url).endsWith("/search/search_index.json");
  return openRequest.call(this, method, url, ...rest);
};
XMLHttpRequest.prototype.send = function (...body) {
  if (searchUsed || !this.forSearchIndex) return sendRequest.apply(this, body);
  searchIndexRequests.push(() => {
    if (this.readyState === XMLHttpRequest.OPENED) sendRequest.apply(this, body); // not cancelled since
  });
};
document.addEventListener("focusin", ({ target }) => {
  if (searchUsed || !target.matches(".md-search__input")) return;
  searchUsed = true;
  for (const send of searchIndexRequests.splice(0)) send();
});
