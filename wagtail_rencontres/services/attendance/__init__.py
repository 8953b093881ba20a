"""Attendance domain, one module per concern.

- :mod:`.checkin`: the days of an event, who may be checked in, checking in
  and out (one record per registrant, event and day, whoever taps first),
  walk-in registrations within capacity;
- :mod:`.codes`: the signed code of a registrant's QR code;
- :mod:`.hours`: hours attended, from the programme and the days attended;
- :mod:`.certificates`: attendance certificates as PDF.
"""
