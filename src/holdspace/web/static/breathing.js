// The breathing pacer: the server computes the pattern; this draws it. Every frame asks where the
// session should be from one start time (performance.now, monotonic), so it never drifts.
(function () {
  "use strict";
  var pacer = document.querySelector(".pacer");
  if (!pacer) return;
  var d = pacer.dataset.durations.split(",").map(Number);
  var cycles = Number(pacer.dataset.cycles);
  var names = ["in", "hold", "out", "rest"];
  var words = { in: "Breathe in", hold: "Hold", out: "Breathe out", rest: "Hold" };
  var cycleLength = d[0] + d[1] + d[2] + d[3];
  var total = cycleLength * cycles;
  var circle = pacer.querySelector(".pacer-circle");
  var phaseText = pacer.querySelector(".pacer-phase");
  var countText = pacer.querySelector(".pacer-count");
  var progress = pacer.querySelector(".pacer-progress");
  var startButton = pacer.querySelector(".pacer-start");
  var stopButton = pacer.querySelector(".pacer-stop");
  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  var start = null, frame = null, shown = null;
  pacer.hidden = false;

  function at(elapsed) {
    var c = Math.min(Math.floor(elapsed / cycleLength), cycles - 1);
    var within = elapsed - c * cycleLength, offset = 0;
    for (var i = 0; i < 4; i++) {
      if (d[i] && within < offset + d[i]) return { cycle: c, index: i, into: within - offset, length: d[i] };
      offset += d[i];
    }
    return { cycle: c, index: 3, into: d[3], length: d[3] };
  }

  function scaleFor(p) {
    var f = p.length ? p.into / p.length : 1;
    return [0.55 + 0.45 * f, 1, 1 - 0.45 * f, 0.55][p.index];
  }

  function tick(now) {
    var elapsed = (now - start) / 1000;
    if (elapsed >= total) return finish(true);
    var p = at(elapsed);
    var key = p.cycle + ":" + p.index;
    if (key !== shown) {
      shown = key;
      phaseText.textContent = words[names[p.index]];
      progress.textContent = "Breath " + (p.cycle + 1) + " of " + cycles;
      pacer.dataset.phase = names[p.index];
    }
    countText.textContent = String(Math.ceil(p.length - p.into));
    if (!reduced.matches) circle.style.transform = "scale(" + scaleFor(p).toFixed(4) + ")";
    frame = requestAnimationFrame(tick);
  }

  function finish(done) {
    if (frame) cancelAnimationFrame(frame);
    frame = null; start = null; shown = null;
    startButton.disabled = false; stopButton.disabled = true;
    countText.textContent = "";
    phaseText.textContent = done ? "Done. Notice how you feel now." : "Stopped. Any time spent breathing slowly counts.";
    circle.style.transform = "";
    delete pacer.dataset.phase;
  }

  startButton.addEventListener("click", function () {
    startButton.disabled = true; stopButton.disabled = false;
    start = performance.now();
    frame = requestAnimationFrame(tick);
  });
  stopButton.addEventListener("click", function () { finish(false); });
})();
