// The registration block: the form described by the API, sent to the API as JSON,
// with the API's field-keyed errors shown next to their fields and in a focused summary.
import * as api from "./api.js";
import { day, h, hours } from "./dom.js";

/** @typedef {import("./types.js").EventDetail} EventDetail */
/** @typedef {import("./types.js").FormFieldOut} FormFieldOut */
/** @typedef {import("./types.js").WorkshopOut} WorkshopOut */

const INPUT_TYPES = { email: "email", url: "url", number: "number", date: "date", datetime: "datetime-local" };

function fieldId(name) {
  return `hl-f-${name}`;
}

function required(field) {
  return field.required ? h("span", { class: "hl-required" }, " (obligatoire)") : null;
}

function help(field) {
  return field.help_text ? h("p", { class: "hl-help", id: `${fieldId(field.name)}-help` }, field.help_text) : null;
}

/** @param {FormFieldOut} field */
function control(field) {
  const id = fieldId(field.name);
  const describedBy = field.help_text ? `${id}-help` : null;
  if (field.type === "checkbox") {
    return h("div", { class: "hl-field hl-checkbox", "data-field": field.name },
      h("input", { type: "checkbox", id, name: field.name, required: field.required, "aria-describedby": describedBy }),
      h("label", { for: id }, field.label, required(field)), help(field));
  }
  if (field.type === "radio" || field.type === "checkboxes") {
    const type = field.type === "radio" ? "radio" : "checkbox";
    return h("fieldset", { class: "hl-field hl-choices", "data-field": field.name, "aria-describedby": describedBy },
      h("legend", {}, field.label, required(field)), help(field),
      field.choices.map((choice, index) => h("div", { class: "hl-choice" },
        h("input", { type, id: index ? `${id}-${index}` : id, name: field.name, value: choice.value }),
        h("label", { for: index ? `${id}-${index}` : id }, choice.label))));
  }
  let input;
  if (field.type === "select" || field.type === "multiselect") {
    input = h("select", { multiple: field.type === "multiselect" },
      field.type === "select" ? h("option", { value: "" }, "—") : null,
      field.choices.map((choice) => h("option", { value: choice.value }, choice.label)));
  } else if (field.type === "textarea") {
    input = h("textarea", { rows: "4" });
  } else {
    input = h("input", { type: INPUT_TYPES[field.type] || "text" });
  }
  for (const [name, value] of Object.entries({ id, name: field.name, autocomplete: field.autocomplete || null, "aria-describedby": describedBy })) {
    if (value) input.setAttribute(name, value);
  }
  if (field.required) input.required = true;
  return h("div", { class: "hl-field", "data-field": field.name },
    h("label", { for: id }, field.label, required(field)), help(field), input);
}

/**
 * @param {WorkshopOut[]} workshops
 * @param {string} timeZone
 */
function workshopGroup(legend, workshops, timeZone, offset) {
  return h("fieldset", { class: "hl-group hl-choices", "data-field": "workshops" },
    h("legend", {}, legend),
    workshops.map((workshop, index) => {
      const id = index + offset ? `${fieldId("workshops")}-${index + offset}` : fieldId("workshops");
      const when = `${day(workshop.start, timeZone, { year: false })}, ${hours(workshop.start, workshop.end, timeZone)}`;
      const note = workshop.restricted ? ` (réservé à\u00a0: ${workshop.restricted_to.join(", ")})` :
        workshop.places_left !== null ? ` (${workshop.places_left} places)` : "";
      return h("div", { class: "hl-choice" },
        h("input", { type: "checkbox", id, name: "workshops", value: workshop.id }),
        h("label", { for: id }, `${workshop.title} — ${when}${note}`));
    }));
}

/** The answers of the form as the API's JSON body. */
function answers(form, schema) {
  const data = new FormData(form);
  const body = {};
  for (const field of schema.fields) {
    if (field.type === "checkbox") body[field.name] = data.has(field.name);
    else if (field.type === "checkboxes" || field.type === "multiselect") body[field.name] = data.getAll(field.name);
    else if (field.name === "audience") body.audience = data.get("audience") ? Number(data.get("audience")) : null;
    else if (field.type === "number") body[field.name] = data.get(field.name) === "" ? null : Number(data.get(field.name));
    else body[field.name] = data.get(field.name) ?? "";
  }
  return body;
}

function clearErrors(form) {
  form.querySelector(".hl-error-summary")?.remove();
  for (const message of form.querySelectorAll(".hl-field-error")) message.remove();
  for (const element of form.querySelectorAll("[aria-invalid]")) element.removeAttribute("aria-invalid");
}

/** Show the API's `{"field": ["message"]}` next to each field and in a summary that takes focus. */
function showErrors(form, schema, fields) {
  clearErrors(form);
  const labels = Object.fromEntries(schema.fields.map((field) => [field.name, field.label]));
  labels.consent = "Consentement";
  const items = [];
  for (const [name, messages] of Object.entries(fields)) {
    const holder = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const text = messages.join(" ");
    if (!holder) {
      items.push(h("li", {}, text));
      continue;
    }
    const errorId = `${fieldId(name)}-error`;
    const named = `${labels[name] || name}\u00a0: ${text}`;
    holder.insertBefore(h("p", { class: "hl-field-error", id: errorId }, named), holder.querySelector("input, select, textarea, .hl-choice"));
    for (const input of holder.querySelectorAll("input, select, textarea")) {
      input.setAttribute("aria-invalid", "true");
      const before = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", before ? `${errorId} ${before}` : errorId);
    }
    const target = holder.querySelector("input, select, textarea");
    items.push(h("li", {}, h("a", {
      href: `#${target.id}`,
      // The router owns the URL's fragment: move focus without changing it.
      onclick: (click) => { click.preventDefault(); target.focus(); },
    }, named)));
  }
  const summary = h("div", { class: "hl-error-summary", tabindex: "-1", role: "alert", "aria-labelledby": "hl-error-title" },
    h("h3", { id: "hl-error-title" }, items.length > 1 ? `Le formulaire contient ${items.length}\u00a0erreurs\u00a0:` : "Le formulaire contient 1\u00a0erreur\u00a0:"),
    h("ul", {}, items));
  form.prepend(summary);
  summary.focus();
}

function newKey() {
  return window.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** @param {EventDetail} event */
async function formBlock(event) {
  const schema = await api.registrationForm(event.id);
  const fields = schema.fields.filter((field) => field.name !== "workshops");
  const person = fields.filter((field) => ["first_name", "last_name", "email", "organisation", "function", "audience"].includes(field.name));
  const questions = fields.filter((field) => !person.includes(field) && field.name !== "consent");
  const consent = fields.find((field) => field.name === "consent");
  const open = schema.workshops.filter((workshop) => !workshop.restricted);
  const restricted = schema.workshops.filter((workshop) => workshop.restricted);
  const form = h("form", { class: "hl-form", novalidate: true },
    h("p", { class: "hl-help" }, "Les champs marqués «\u00a0(obligatoire)\u00a0» doivent être remplis."),
    h("fieldset", { class: "hl-group" }, h("legend", {}, "Vous"), person.map(control)),
    open.length ? workshopGroup("Ateliers", open, event.timezone, 0) : null,
    restricted.length ? workshopGroup("Sessions réservées à certains publics", restricted, event.timezone, open.length) : null,
    questions.length ? h("fieldset", { class: "hl-group" }, h("legend", {}, "Questions des organisateurs"), questions.map(control)) : null,
    consent ? control(consent) : null,
    h("button", { type: "submit", class: "hl-button" }, schema.state.waitlist_open ? "Rejoindre la liste d'attente" : "S'inscrire"));
  let key = newKey();
  form.addEventListener("submit", async (submitEvent) => {
    submitEvent.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      const result = await api.register(event.id, answers(form, schema), key);
      const done = h("div", { class: "hl-confirmation", role: "status", tabindex: "-1" },
        h("p", {}, result.message || result.status_label));
      form.replaceWith(done);
      done.focus();
    } catch (error) {
      if (!(error instanceof api.ApiError)) throw error;
      // Only a retry of the same body may reuse the key; corrected answers are a new request.
      if (error.status !== 503) key = newKey();
      showErrors(form, schema, error.fields);
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

/** @param {EventDetail} event */
export async function render(event) {
  const state = event.registration;
  const section = h("section", { "aria-labelledby": "hl-registration" }, h("h2", { id: "hl-registration" }, "Inscription"));
  if (state.mode === "none") return null;
  if (state.mode === "external" && state.is_open) {
    section.append(h("p", {}, h("a", { href: state.external_url, class: "hl-button" }, state.external_label || "S'inscrire")));
  } else if (!state.is_open) {
    section.append(h("p", {}, state.closed_message || "Les inscriptions sont closes."));
  } else {
    if (state.places_left !== null) section.append(h("p", {}, `${state.places_left} places restantes.`));
    section.append(await formBlock(event));
  }
  return section;
}
