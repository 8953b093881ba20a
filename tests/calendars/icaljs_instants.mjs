// Read an iCalendar file on stdin with Mozilla's ical.js (the parser inside
// Thunderbird) and print each VEVENT's UID with its start and end as epoch
// milliseconds, as JSON. The calendar's own VTIMEZONEs are registered first,
// as a calendar client does with a subscribed feed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ICAL = require(process.argv[2]);

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: event.startDate.toJSDate().getTime(),
    end: event.endDate.toJSDate().getTime(),
    zone: event.startDate.zone ? event.startDate.zone.tzid : null,
  };
});
process.stdout.write(JSON.stringify(events));
