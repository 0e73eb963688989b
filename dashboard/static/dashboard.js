// CallAudit dashboard: small progressive enhancements. Every page works without this script.
(function () {
  "use strict";

  // A call page of an unfinished call: poll its JSON, show the stage, reload once it is done or failed.
  var status = document.getElementById("call-status");
  if (status && status.dataset.poll) {
    var stage = document.getElementById("call-stage");
    var poll = function () {
      fetch(status.dataset.poll, { headers: { Accept: "application/json" } })
        .then(function (response) {
          // The JSON API needs a Bearer key when keys are set: then the page (signed in by its cookie) reloads instead.
          if (!response.ok) { window.setTimeout(function () { window.location.reload(); }, 3000); return null; }
          return response.json().then(function (call) {
            if (call.status === "done" || call.status === "failed") { window.location.reload(); return; }
            if (stage) { stage.textContent = call.stage.replace(/_/g, " "); }
            window.setTimeout(poll, 1000);
          });
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 1000);
  }

  // Criteria: a click highlights the criterion's quote in the transcript (the link's anchor scrolls to it), and so
  // does opening the page at a quote's anchor (#q-<key>).
  var highlight = function (key) {
    document.querySelectorAll("mark.evidence.active, a.criterion.active").forEach(function (element) {
      element.classList.remove("active");
    });
    document.querySelectorAll("a.criterion").forEach(function (link) {
      if (link.dataset.criterion === key) { link.classList.add("active"); }
    });
    document.querySelectorAll("mark.evidence").forEach(function (mark) {
      if ((mark.dataset.criteria || "").split(" ").indexOf(key) >= 0) { mark.classList.add("active"); }
    });
  };
  document.querySelectorAll("a.criterion").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (link.getAttribute("aria-disabled")) { event.preventDefault(); return; }
      highlight(link.dataset.criterion);
    });
  });
  if (window.location.hash.indexOf("#q-") === 0) { highlight(window.location.hash.slice(3)); }

  // The recording: a segment's time seeks the player there.
  var player = document.getElementById("call-audio");
  document.querySelectorAll("button.time").forEach(function (button) {
    button.addEventListener("click", function () {
      if (!player) { return; }
      player.currentTime = parseFloat(button.dataset.seek);
      player.play();
    });
  });

  // The API explorer.
  var swagger = document.getElementById("swagger-ui");
  if (swagger && window.SwaggerUIBundle) {
    window.SwaggerUIBundle({ url: swagger.dataset.spec, dom_id: "#swagger-ui", tryItOutEnabled: true, deepLinking: true });
  }
})();
