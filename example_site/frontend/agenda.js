// The agenda: filters kept in the URL (#/?theme=…), cards, pagination.
import * as api from "./api.js";
import { announce, day, h, hours } from "./dom.js";

/** @typedef {import("./types.js").EventSummary} EventSummary */
/** @typedef {import("./types.js").Registration} Registration */
/** @typedef {import("./types.js").TermList} TermList */

const PAGE_SIZE = 10;
const LABELS = {
  when: "Quand", theme: "Thème", format: "Format", audience: "Public", region: "Région",
  starts_after: "À partir du", ends_before: "Jusqu'au", q: "Mots", offset: "Page",
};
const FILTERS = Object.keys(LABELS).filter((name) => name !== "offset");
let termsCache = null;

function loadTerms() {
  termsCache ??= Promise.all(["themes", "formats", "audiences"].map((kind) => api.terms(kind)));
  return termsCache;
}

/** @param {TermList} terms */
function select(name, label, anyLabel, terms, value) {
  return h("div", { class: "hl-field" },
    h("label", { for: `hl-filter-${name}` }, label),
    h("select", { id: `hl-filter-${name}`, name },
      h("option", { value: "" }, anyLabel),
      terms.results.map((term) => h("option", { value: term.slug, selected: term.slug === value }, term.name))));
}

function input(name, label, type, value) {
  return h("div", { class: "hl-field" },
    h("label", { for: `hl-filter-${name}` }, label),
    h("input", { id: `hl-filter-${name}`, name, type, value: value || "" }));
}

function filtersForm(query, themes, formats, audiences) {
  const when = query.get("when") || "upcoming";
  const form = h("form", { class: "hl-filters", role: "search", "aria-label": "Filtrer les rencontres" },
    h("fieldset", { class: "hl-when" },
      h("legend", {}, "Quand"),
      [["upcoming", "À venir"], ["past", "Passées"]].map(([value, label]) =>
        h("label", {}, h("input", { type: "radio", name: "when", value, checked: when === value }), ` ${label}`))),
    select("theme", "Thème", "Tous les thèmes", themes, query.get("theme")),
    select("format", "Format", "Tous les formats", formats, query.get("format")),
    select("audience", "Public", "Tous les publics", audiences, query.get("audience")),
    input("region", "Région", "text", query.get("region")),
    input("starts_after", "À partir du", "date", query.get("starts_after")),
    input("ends_before", "Jusqu'au", "date", query.get("ends_before")),
    input("q", "Mots", "search", query.get("q")),
    h("div", { class: "hl-actions" },
      h("button", { type: "submit", class: "hl-button" }, "Filtrer"),
      h("a", { href: "#/" }, "Effacer les filtres")));
  form.addEventListener("submit", (submitEvent) => {
    submitEvent.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) params.set(name, value);
    window.location.hash = `#/?${params}`;
  });
  return form;
}

/** @param {EventSummary} event */
function place(event) {
  if (event.attendance_mode === "online") return "En ligne";
  const city = event.venue ? event.venue.city : "";
  return event.attendance_mode === "mixed" ? [city, "et en ligne"].filter(Boolean).join(" ") : city;
}

/** @param {Registration} registration */
function registrationState(registration) {
  if (registration.mode === "none") return "";
  if (!registration.is_open) return registration.closed_message || "Inscriptions closes";
  if (registration.waitlist_open) return "Complet : liste d'attente ouverte";
  if (registration.places_left !== null) return `Inscriptions ouvertes : ${registration.places_left} places restantes`;
  return "Inscriptions ouvertes";
}

/** @param {EventSummary} event */
function card(event) {
  const flags = [event.status !== "scheduled" ? event.status_label : null, event.temporal_status === "past" ? "Passée" : null]
    .filter(Boolean);
  return h("li", {},
    h("article", { class: "hl-card" },
      h("h2", {}, h("a", { href: `#/events/${event.id}` }, event.title)),
      flags.length ? h("p", { class: "hl-flag" }, flags.join(" · ")) : null,
      h("p", {}, h("time", { datetime: event.start },
        `${day(event.start, event.timezone)}${event.all_day ? "" : `, ${hours(event.start, event.end, event.timezone)}`}`)),
      place(event) ? h("p", {}, place(event)) : null,
      event.format ? h("p", { class: "hl-format" }, event.format.name) : null,
      event.themes.length ? h("ul", { class: "hl-tags", "aria-label": "Thèmes" }, event.themes.map((theme) => h("li", {}, theme.name))) : null,
      registrationState(event.registration) ? h("p", {}, registrationState(event.registration)) : null));
}

function pageLink(query, offset, label, rel) {
  const params = new URLSearchParams(query);
  params.set("offset", String(offset));
  return h("a", { href: `#/?${params}`, rel }, label);
}

/** The API's 400 answer, `{"theme": ["…"]}`, named by the filters' labels. */
function filterErrors(error) {
  return h("div", { class: "hl-errors", role: "alert" },
    h("p", {}, "Ces filtres ne conviennent pas\u00a0:"),
    h("ul", {}, Object.entries(error.fields).map(([name, messages]) =>
      h("li", {}, `${LABELS[name] || name}\u00a0: ${messages.join(" ")}`))));
}

/** The agenda view for the filters in `query`; returns its root element. */
export async function render(query) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE), offset: query.get("offset") || "0" });
  for (const name of FILTERS) if (query.get(name)) params.set(name, query.get(name));
  if (!params.get("when")) params.set("when", "upcoming");
  const [[themes, formats, audiences], list] = await Promise.all([
    loadTerms(),
    api.events(params).catch((error) => error),
  ]);
  // Folded on a phone, so that the results come first; open on wider screens.
  const wide = window.matchMedia("(min-width: 48rem)").matches;
  const root = h("div", { class: "hl-agenda" },
    h("h1", { tabindex: "-1" }, "Agenda des rencontres"),
    h("details", { class: "hl-filters-box", open: wide },
      h("summary", {}, "Filtrer les rencontres"),
      filtersForm(query, themes, formats, audiences)));
  if (list instanceof api.ApiError) {
    root.append(filterErrors(list));
    return root;
  }
  const counted = list.count === 0 ? "Aucune rencontre ne correspond à ces filtres." :
    `${list.count} rencontre${list.count > 1 ? "s" : ""}`;
  root.append(h("p", { class: "hl-count" }, counted));
  announce(counted);
  if (list.results.length) root.append(h("ul", { class: "hl-cards" }, list.results.map(card)));
  const offset = Number(params.get("offset"));
  if (list.previous || list.next) {
    root.append(h("nav", { class: "hl-pages", "aria-label": "Pages de résultats" },
      list.previous ? pageLink(query, Math.max(0, offset - PAGE_SIZE), "Page précédente", "prev") : null,
      list.next ? pageLink(query, offset + PAGE_SIZE, "Page suivante", "next") : null));
  }
  return root;
}
