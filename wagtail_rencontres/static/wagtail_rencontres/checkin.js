// Check-in page enhancements; the page works without them (plain forms).
// 1. Search as you type: the list is fetched again from the server, filtered there.
// 2. Camera scanning of QR codes where the browser has BarcodeDetector.
(function () {
  "use strict";
  const root = document.querySelector(".rencontres-checkin[data-checkin-list-url]");
  if (!root) return;
  const search = root.querySelector("[data-checkin-search]");
  const results = root.querySelector("[data-checkin-results]");
  let timer = null;
  let latest = 0;
  if (search && results && window.fetch) {
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(async function () {
        const ticket = ++latest;
        const params = new URLSearchParams(new FormData(search.form));
        params.set("partial", "list");
        const response = await fetch(root.dataset.checkinListUrl + "?" + params, {
          credentials: "same-origin",
        });
        if (response.ok && ticket === latest) results.innerHTML = await response.text();
      }, 250);
    });
  }
  const scan = root.querySelector("[data-checkin-scan]");
  const video = root.querySelector("[data-checkin-video]");
  if (!scan || !video || !("BarcodeDetector" in window) || !navigator.mediaDevices) return;
  scan.hidden = false;
  scan.addEventListener("click", async function () {
    const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    video.srcObject = stream;
    video.hidden = false;
    await video.play();
    const form = scan.form;
    (async function look() {
      const codes = await detector.detect(video).catch(() => []);
      if (codes.length) {
        stream.getTracks().forEach((track) => track.stop());
        form.elements.code.value = codes[0].rawValue;
        form.requestSubmit(form.querySelector("button[name=action]"));
        return;
      }
      requestAnimationFrame(look);
    })();
  });
})();
