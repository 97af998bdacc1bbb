/**
 * Draws the numbers page's per-day chart with uPlot from the JSON block the page carries.
 */
(function () {
  "use strict";

  function draw(holder) {
    const data = JSON.parse(document.getElementById(holder.dataset.chart).textContent);
    const times = data.days.map((day) => Date.parse(day + "T00:00:00Z") / 1000);
    const style = getComputedStyle(document.documentElement);
    const accent = style.getPropertyValue("--accent").trim() || "#0b5cad";
    const options = {
      width: Math.max(holder.clientWidth, 320),
      height: 240,
      series: [
        {},
        { label: holder.dataset.labelReports, stroke: accent, width: 2 },
        { label: holder.dataset.labelCases, stroke: "#c0392b", width: 2, dash: [6, 4] },
      ],
      axes: [{}, { size: 48 }],
      scales: { x: { time: true } },
    };
    return new window.uPlot(options, [times, data.reports, data.cases], holder);
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (!window.uPlot) return;
    document.querySelectorAll("[data-chart]").forEach(draw);
  });
})();
