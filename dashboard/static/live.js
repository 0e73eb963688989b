// The Live call screen: asks the dashboard for a short-lived token, opens GET /v1/live with it, streams the microphone
// as 16-bit PCM at 24 kHz in 20 ms frames (live-worklet.js), and shows the transcript as the events come.
(function () {
  "use strict";
  var form = document.getElementById("live-form");
  if (!form) { return; }
  var text = form.dataset;
  var status = document.getElementById("live-status");
  var start = document.getElementById("live-start");
  var stop = document.getElementById("live-stop");
  var meter = document.getElementById("live-meter");
  var clock = document.getElementById("live-clock");
  var transcript = document.getElementById("live-transcript");
  var partial = document.getElementById("live-partial");
  var session = null;

  var say = function (message, failed) {
    status.textContent = message;
    status.classList.toggle("error", Boolean(failed));
  };
  var time = function (seconds) {
    var whole = Math.floor(seconds || 0);
    return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
  };
  var addTurn = function (turn) {
    var item = document.createElement("li");
    var at = document.createElement("span");
    at.className = "time";
    at.textContent = time(turn.start);
    item.appendChild(at);
    item.appendChild(document.createTextNode(turn.text));
    transcript.appendChild(item);
    partial.textContent = "";
  };
  var release = function () {
    if (!session) { return; }
    window.clearInterval(session.timer);
    session.stream.getTracks().forEach(function (track) { track.stop(); });
    session.context.close();
    start.disabled = false;
    stop.disabled = true;
    meter.style.width = "0";
    session = null;
  };
  var handle = function (event) {
    if (event.type === "session.started") {
      say(text.streaming);
      if (event.transcription === "realtime") { partial.textContent = text.waiting; }
    } else if (event.type === "transcript.delta") {
      partial.textContent = (partial.textContent === text.waiting ? "" : partial.textContent) + event.text;
    } else if (event.type === "transcript.turn") {
      addTurn(event);
    } else if (event.type === "error" || event.type === "transcription.interrupted") {
      say(event.message, true);
    } else if (event.type === "call.queued") {
      status.textContent = text.queued + " ";
      status.classList.remove("error");
      var link = document.createElement("a");
      link.href = "/calls/" + event.call_id;
      link.textContent = text.open;
      status.appendChild(link);
    }
  };

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (session) { return; }
    if (!navigator.mediaDevices || !window.AudioWorkletNode) { say(text.noMicrophone, true); return; }
    start.disabled = true;
    transcript.textContent = "";
    partial.textContent = "";
    say(text.connecting);
    var fields = new FormData(form);
    var context = new AudioContext({ sampleRate: 24000 });
    Promise.all([
      navigator.mediaDevices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } }),
      fetch(form.action, { method: "POST", body: new URLSearchParams(fields) }).then(function (response) {
        return response.json().then(function (body) {
          if (!response.ok) { throw new Error(body.error ? body.error.message : response.statusText); }
          return body;
        });
      }),
      context.audioWorklet.addModule("/ui/live-worklet.js"),
    ]).then(function (ready) {
      var stream = ready[0];
      var query = new URLSearchParams({ token: ready[1].token, format: "pcm16", sample_rate: String(context.sampleRate) });
      ["manager_id", "mode", "language"].forEach(function (name) {
        if (fields.get(name)) { query.set(name, fields.get(name)); }
      });
      var scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
      var socket = new WebSocket(scheme + "//" + window.location.host + "/v1/live?" + query.toString());
      socket.binaryType = "arraybuffer";
      var frames = new AudioWorkletNode(context, "pcm-frames");
      context.createMediaStreamSource(stream).connect(frames);
      var began = Date.now();
      session = { stream: stream, context: context, socket: socket,
                  timer: window.setInterval(function () { clock.textContent = time((Date.now() - began) / 1000); }, 500) };
      frames.port.onmessage = function (message) {
        meter.style.width = Math.min(100, Math.round(message.data.peak * 140)) + "%";
        if (socket.readyState === WebSocket.OPEN) { socket.send(message.data.pcm); }
      };
      socket.onopen = function () { stop.disabled = false; };
      socket.onmessage = function (message) { handle(JSON.parse(message.data)); };
      socket.onclose = function () { release(); };
      socket.onerror = function () { say(text.noMicrophone, true); };
    }).catch(function (error) {
      context.close();
      start.disabled = false;
      say(error && error.name === "NotAllowedError" ? text.noMicrophone : String(error.message || error), true);
    });
  });

  stop.addEventListener("click", function () {
    if (!session) { return; }
    stop.disabled = true;
    session.stream.getTracks().forEach(function (track) { track.stop(); });
    say(text.finishing);
    session.socket.send(JSON.stringify({ type: "end" }));
  });
  say(text.idle);
}());
