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

  // The Call screen's chat panel: the question goes to the same route as the form, asking for server-sent events, and
  // the answer is written into the panel as it arrives. Without this script the form waits for the whole answer.
  var chatForm = document.getElementById("chat-form");
  var chatLines = document.getElementById("chat-lines");
  if (chatForm && chatLines && window.fetch && window.TextDecoder) {
    var addLine = function (kind, who, text) {
      var item = document.createElement("li");
      item.className = kind;
      var head = document.createElement("div");
      head.className = "who";
      head.textContent = who;
      var body = document.createElement("p");
      body.textContent = text;
      item.appendChild(head);
      item.appendChild(body);
      chatLines.appendChild(item);
      return { head: head, body: body };
    };
    chatForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = chatForm.elements.question.value.trim();
      if (!question) { return; }
      var button = chatForm.querySelector("button");
      button.disabled = true;
      addLine("question", chatLines.dataset.you, question);
      var answer = addLine("answer", chatLines.dataset.answer, "");
      var meta = document.createElement("span");
      meta.className = "muted";
      answer.head.appendChild(document.createTextNode(" "));
      answer.head.appendChild(meta);
      var handle = function (name, data) {
        if (name === "start") { chatForm.elements.conversation_id.value = data.conversation_id; }
        if (name === "chunk") { answer.body.textContent += data.text; }
        if (name === "error") { meta.textContent = chatLines.dataset.failed + ": " + data.error.message; }
        if (name === "end" && data.status === "complete") {
          meta.textContent = data.local ? chatLines.dataset.local
            : data.provider + " · " + data.model + (data.usage.cost_usd > 0 ? " · $" + data.usage.cost_usd.toFixed(4) : "");
        }
      };
      fetch(chatForm.action, { method: "POST", headers: { Accept: "text/event-stream" }, body: new URLSearchParams(new FormData(chatForm)) })
        .then(function (response) {
          if (!response.ok || !response.body) {
            return response.json().then(function (problem) { meta.textContent = problem.error.message; });
          }
          chatForm.elements.question.value = "";
          var reader = response.body.getReader();
          var decoder = new TextDecoder();
          var pending = "";
          var read = function () {
            return reader.read().then(function (part) {
              pending += decoder.decode(part.value || new Uint8Array(), { stream: !part.done });
              var events = pending.split("\n\n");
              pending = events.pop();
              events.forEach(function (block) {
                var name = "", data = "";
                block.split("\n").forEach(function (line) {
                  if (line.indexOf("event: ") === 0) { name = line.slice(7); }
                  if (line.indexOf("data: ") === 0) { data += line.slice(6); }
                });
                if (name && data) { handle(name, JSON.parse(data)); }
              });
              if (!part.done) { return read(); }
            });
          };
          return read();
        })
        .catch(function (error) { meta.textContent = String(error); })
        .then(function () { button.disabled = false; });
    });
  }
})();
