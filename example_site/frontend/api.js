// The typed API of wagtail-rencontres, and nothing else: every read and write of the demo.
/** @typedef {import("./types.js").EventList} EventList */
/** @typedef {import("./types.js").EventDetail} EventDetail */
/** @typedef {import("./types.js").TermList} TermList */
/** @typedef {import("./types.js").RegistrationFormOut} RegistrationFormOut */
/** @typedef {import("./types.js").RegistrationOut} RegistrationOut */

const API = document.querySelector('meta[name="rencontres-api"]').content.replace(/\/$/, "");
const LOCALE = document.documentElement.lang;

/** An error answer of the API: `fields` holds its field-keyed messages. */
export class ApiError extends Error {
  constructor(status, fields) {
    super(`API ${status}`);
    this.status = status;
    this.fields = fields;
  }
}

async function read(path, params = new URLSearchParams()) {
  const response = await fetch(`${API}${path}?${params}`, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

/** @returns {Promise<EventList>} */
export function events(params) {
  // Lists take the page's language; an object answers in its own.
  return read("/events", new URLSearchParams({ ...Object.fromEntries(params), locale: LOCALE }));
}

/** @returns {Promise<EventDetail>} */
export function event(id) {
  return read(`/events/${encodeURIComponent(id)}`);
}

/**
 * The draft an editor previews, named by the admin's signed, short-lived token.
 * @returns {Promise<EventDetail>}
 */
export function preview(token) {
  return read("/events/preview", new URLSearchParams({ token }));
}

/** @returns {Promise<TermList>} themes, formats or audiences */
export function terms(kind) {
  return read(`/${kind}`, new URLSearchParams({ limit: "100", locale: LOCALE }));
}

/** @returns {Promise<RegistrationFormOut>} */
export function registrationForm(id) {
  return read(`/events/${encodeURIComponent(id)}/registration/form`);
}

/**
 * Send a registration; the same key on a retry never registers twice.
 * @returns {Promise<RegistrationOut>}
 */
export async function register(id, answers, key) {
  const response = await fetch(`${API}/events/${encodeURIComponent(id)}/registrations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "Idempotency-Key": key },
    body: JSON.stringify(answers),
  });
  const body = await response.json();
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}
