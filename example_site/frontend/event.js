// One event: practical information, the programme by day, speakers, registration.
import * as api from "./api.js";
import { day, h, hours } from "./dom.js";
import * as registrationBlock from "./registration.js";

/** @typedef {import("./types.js").EventDetail} EventDetail */
/** @typedef {import("./types.js").Session} Session */
/** @typedef {import("./types.js").Speaker} Speaker */

/** @param {EventDetail} event */
function practical(event) {
  const venue = event.venue;
  return h("section", { "aria-labelledby": "hl-practical" },
    h("h2", { id: "hl-practical" }, "Informations pratiques"),
    h("dl", {},
      h("dt", {}, "Quand"),
      h("dd", {}, h("time", { datetime: event.start },
        `${day(event.start, event.timezone)}${event.all_day ? "" : `, ${hours(event.start, event.end, event.timezone)}`}`)),
      h("dt", {}, "Où"),
      h("dd", {}, event.attendance_mode === "online" || !venue ? "En ligne" :
        [venue.name, venue.street_address, `${venue.postcode} ${venue.city}`.trim()].filter(Boolean).join(", ")),
      event.format ? [h("dt", {}, "Format"), h("dd", {}, event.format.name)] : null));
}

/**
 * @param {Session} session
 * @param {Map<number, Speaker>} speakers
 */
function sessionItem(session, speakers, timeZone) {
  const people = session.speakers.map((reference) => {
    const speaker = speakers.get(reference.id);
    if (!speaker) return null;
    const details = [reference.role, speaker.job_title, speaker.organisation ? speaker.organisation.name : ""].filter(Boolean);
    return h("li", {}, speaker.full_name, details.length ? `, ${details.join(", ")}` : "");
  }).filter(Boolean);
  const format = session.format_label && session.format_label !== session.title ? session.format_label : null;
  return h("li", { class: "hl-session" },
    h("p", { class: "hl-session-time" }, hours(session.start, session.end, timeZone)),
    h("div", {},
      h("h4", {}, session.title),
      format ? h("p", { class: "hl-format" }, format) : null,
      session.restricted ? h("p", { class: "hl-flag" }, `Réservée à\u00a0: ${session.restricted_to.join(", ")}`) : null,
      session.room ? h("p", {}, `Salle\u00a0: ${session.room}`) : null,
      session.remote ? h("p", {}, "À distance") : null,
      people.length ? h("ul", { class: "hl-speakers", "aria-label": "Intervenants" }, people) : null));
}

/** @param {EventDetail} event */
function programme(event) {
  const section = h("section", { "aria-labelledby": "hl-programme" }, h("h2", { id: "hl-programme" }, "Programme"));
  if (event.programme_to_come) section.append(h("p", {}, "Le programme détaillé est à venir."));
  if (!event.programme || !event.programme.days.length) return section;
  const speakers = new Map(event.programme.speakers.map((speaker) => [speaker.id, speaker]));
  for (const programmeDay of event.programme.days) {
    const first = programmeDay.sessions[0];
    const title = first ? day(first.start, event.timezone) : programmeDay.date;
    section.append(
      h("h3", {}, programmeDay.title ? `${title} : ${programmeDay.title}` : title),
      h("ol", { class: "hl-timeline" }, programmeDay.sessions.map((session) => sessionItem(session, speakers, event.timezone))));
  }
  if (event.programme.speakers.length) {
    section.append(h("h3", {}, "Intervenantes et intervenants"),
      h("ul", { class: "hl-people" }, event.programme.speakers.map((speaker) =>
        h("li", {}, h("strong", {}, speaker.full_name),
          [speaker.job_title, speaker.organisation ? speaker.organisation.name : ""].filter(Boolean).map((line) => h("span", {}, line))))));
  }
  return section;
}

/**
 * The event's article; a preview shows the draft with a banner and no registration.
 * @param {EventDetail} event
 */
async function article(event, { draft = false } = {}) {
  const flags = [event.status !== "scheduled" ? event.status_label : null, event.temporal_status === "past" ? "Cette rencontre est passée." : null]
    .filter(Boolean);
  return h("article", { class: "hl-event" },
    draft ? h("p", { class: "hl-banner hl-preview", role: "note" }, "Aperçu du brouillon : cette version n'est pas publiée.") : null,
    h("p", {}, h("a", { href: "#/" }, "Retour à l'agenda")),
    h("h1", { tabindex: "-1" }, event.title),
    event.subtitle ? h("p", { class: "hl-subtitle" }, event.subtitle) : null,
    flags.length ? h("p", { class: "hl-banner" }, flags.join(" ")) : null,
    practical(event),
    programme(event),
    draft ? null : await registrationBlock.render(event));
}

/** The event view; returns its root element, or a “not found” message. */
export async function render(id) {
  let event;
  try {
    event = await api.event(id);
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    return h("div", {}, h("h1", { tabindex: "-1" }, "Rencontre introuvable"),
      h("p", {}, h("a", { href: "#/" }, "Retour à l'agenda")));
  }
  return article(event);
}

/** The preview of a draft (`#/preview?token=…`), or why it cannot be shown. */
export async function renderPreview(token) {
  let event;
  try {
    event = await api.preview(token || "");
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    // The API says 404 alike to a forged, expired or missing token: one message for all.
    return h("div", { role: "alert" }, h("h1", { tabindex: "-1" }, "Aperçu indisponible"),
      h("p", {}, "Ce lien d'aperçu n'est pas valide ou a expiré. Rouvrez l'aperçu depuis l'administration."),
      h("p", {}, h("a", { href: "#/" }, "Retour à l'agenda")));
  }
  return article(event, { draft: true });
}
