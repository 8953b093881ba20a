// The router: #/ is the agenda (its filters in the query), #/events/42 an event,
// #/preview?token=… the draft an editor previews from the admin.
import * as agenda from "./agenda.js";
import { h } from "./dom.js";
import * as eventView from "./event.js";

const main = document.getElementById("main");
let first = true;

async function route() {
  const hash = window.location.hash;
  // Other fragments (the skip link's #main) are in-page links, not views.
  if (hash && !hash.startsWith("#/")) {
    if (!first) return;
  }
  const path = hash.startsWith("#/") ? hash.slice(1) : "/";
  const [pathname, search = ""] = path.split("?");
  const match = pathname.match(/^\/events\/(\d+)$/);
  main.setAttribute("aria-busy", "true");
  let view;
  try {
    const params = new URLSearchParams(search);
    if (pathname === "/preview") view = await eventView.renderPreview(params.get("token"));
    else view = match ? await eventView.render(match[1]) : await agenda.render(params);
  } catch (error) {
    view = h("div", { role: "alert" }, h("h1", { tabindex: "-1" }, "L'API ne répond pas"), h("p", {}, String(error.message)));
  }
  main.replaceChildren(view);
  main.removeAttribute("aria-busy");
  const heading = main.querySelector("h1");
  document.title = `${heading.textContent} — démonstration sans tête`;
  // A new view moves focus to its title, as a page load would put the reader at the top.
  if (!first) heading.focus();
  first = false;
}

window.addEventListener("hashchange", route);
route();
