// What the decision aids (aid.mjs), the deadline calculator (calculator.mjs) and a training page's
// comparison (training.mjs) share: setting up on each page, the engine, the state in the address,
// the form's fields and putting HTML in place. Nothing here knows about rules or dates: Python in the
// engine worker (decision/aid/) checks what was typed and writes every sentence the reader sees.
//
// The state lives only in the URL fragment (after #), which browsers never send to a server. A
// fragment without "=" is a plain anchor on the page (a clause such as #kn-s16c), not state.

// Runs `setUp` on each page: the theme's page-load event covers its instant navigation too.
export function onEachPage(setUp) {
  if (window.document$) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
}

// The engine (engine.mjs beside this file), imported only by a page that needs it, started once.
export function startEngine() {
  return import("./engine.mjs").then((engine) => engine.startEngine());
}

// The state in the address, or "" for none (or a plain anchor).
export function stateFragment() {
  const hash = location.hash.slice(1);
  return hash.includes("=") ? hash : "";
}

// Calls `change` with the state after Back or Forward; a move to a plain anchor is left alone.
export function onHistory(change) {
  window.addEventListener("popstate", () => {
    const hash = location.hash.slice(1);
    if (!hash || hash.includes("=")) change(stateFragment());
  });
}

// Each field of a form by name, as Python reads it: text as typed, a radio's choice, a list of the
// boxes ticked, a list's option.
export function formFields(form) {
  const values = {};
  for (const input of form.querySelectorAll("input, select")) {
    if (input.type === "checkbox") {
      values[input.name] ??= [];
      if (input.checked) values[input.name].push(input.value);
    } else if (input.type === "radio") {
      values[input.name] ??= "";
      if (input.checked) values[input.name] = input.value;
    } else {
      values[input.name] = input.value;
    }
  }
  return values;
}

// A link in an error summary goes to its field without touching the address, which holds the state.
// True when the click was one.
export function followedErrorLink(root, event) {
  const link = event.target.closest(".aid-error-summary a");
  if (!link || !root.contains(link)) return false;
  event.preventDefault();
  event.stopPropagation(); // not for the theme's instant navigation: the page stays the same
  root.querySelector(link.getAttribute("href"))?.focus();
  return true;
}

// Puts the HTML Python drew in place; empty HTML hides the container.
export function putHtml(container, html) {
  container.innerHTML = html;
  container.hidden = !html;
}

// Moves the focus to the first element found: an error summary first, so it is read out.
export function focusFirst(root, selectors) {
  for (const selector of selectors) {
    const target = root.querySelector(selector);
    if (target) {
      target.focus();
      return;
    }
  }
}

// The status line: a sentence from the page's data attributes (`key`), or `text`, or nothing.
export function say(root, status, key, text) {
  status.textContent = text ?? (key ? root.dataset[key] : "");
}

// The status line when the engine cannot start: the page's sentence, with the reason in it.
export function sayFailed(root, status, reason) {
  status.classList.add("aid-status--error");
  say(root, status, null, root.dataset.statusFailed.replace("{reason}", String(reason).replace(/\.$/, "")));
}

// An element with attributes and children (text or elements).
export function element(tag, attributes, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
