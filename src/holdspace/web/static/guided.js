// Guided steps: highlight each step at its time, measured from one start (performance.now).
(function () {
  "use strict";
  var box = document.querySelector(".guided");
  if (!box) return;
  var seconds = box.dataset.steps.split(",").map(Number);
  var items = box.querySelectorAll(".guided-steps li");
  var now = box.querySelector(".guided-now");
  var controls = box.querySelector(".guided-controls");
  var startButton = box.querySelector(".guided-start"), stopButton = box.querySelector(".guided-stop");
  var starts = [], t = 0, total, begun = null, timer = null, current = -1;
  seconds.forEach(function (s) { starts.push(t); t += s; });
  total = t;
  controls.hidden = false;

  function show(index) {
    if (index === current) return;
    if (current >= 0) items[current].classList.remove("current");
    current = index;
    if (index >= 0) {
      items[index].classList.add("current");
      now.textContent = "Step " + (index + 1) + " of " + items.length + ": " + items[index].firstChild.textContent.trim();
    }
  }

  function tick() {
    var elapsed = (performance.now() - begun) / 1000;
    if (elapsed >= total) return stop("That's the end. Take a moment before you move on.");
    var i = starts.length - 1;
    while (i > 0 && starts[i] > elapsed) i--;
    show(i);
    timer = setTimeout(tick, 250);
  }

  function stop(message) {
    clearTimeout(timer); timer = null;
    show(-1);
    now.textContent = message;
    startButton.disabled = false; stopButton.disabled = true;
  }

  startButton.addEventListener("click", function () {
    begun = performance.now(); startButton.disabled = true; stopButton.disabled = false; tick();
  });
  stopButton.addEventListener("click", function () { stop("Stopped. You can pick up wherever you like."); });
})();
