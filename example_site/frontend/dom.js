// Small DOM helpers: elements are built with text nodes, never from HTML strings,
// so that nothing the API returns is ever parsed as markup.

/**
 * `h("a", {href: "#/"}, "Agenda")`: an element with attributes and children.
 * Attributes set to `false`, `null` or `undefined` are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const NBSP = "\u00a0";

function parts(iso, timeZone, options) {
  const formatter = new Intl.DateTimeFormat("fr-FR", { timeZone, ...options });
  return Object.fromEntries(formatter.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
}

/** “mercredi 28 janvier 2026”, in the event's own time zone, kept on one line. */
export function day(iso, timeZone, { year = true } = {}) {
  const p = parts(iso, timeZone, { weekday: "long", day: "numeric", month: "long", year: year ? "numeric" : undefined });
  return [p.weekday, p.day, p.month, year ? p.year : null].filter(Boolean).join(NBSP);
}

/** “14 h 00”, the French way, with non-breaking spaces. */
export function clock(iso, timeZone) {
  const p = parts(iso, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${Number(p.hour)}${NBSP}h${NBSP}${p.minute}`;
}

/** “14 h 00 – 16 h 00”, or the start alone. */
export function hours(start, end, timeZone) {
  return end ? `${clock(start, timeZone)}${NBSP}– ${clock(end, timeZone)}` : clock(start, timeZone);
}

/** Say `message` through the page's polite live region. */
export function announce(message) {
  const region = document.getElementById("hl-announcer");
  region.textContent = "";
  // A fresh text a moment later, so that the same message twice is read twice.
  window.setTimeout(() => { region.textContent = message; }, 50);
}
