// Counts each running SLA clock down to its due instant every second. Paused and stopped clocks carry no
// data-due, so they stand still. The server's clock rules: each time htmx brings a panel with the server's
// data-now, the offset to this browser's clock is taken again.
(function () {
  var skew = 0;
  var served = null;

  function span(ms) {
    var s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600),
        m = Math.floor(s % 3600 / 60), parts = [];
    if (d) parts.push(d + ' d');
    if (d || h) parts.push(h + ' h');
    if (d || h || m) parts.push(m + ' min');
    parts.push(s % 60 + ' s');
    return parts.join(' ');
  }

  function tick() {
    var now = document.querySelector('[data-now]');
    if (now && now !== served) {
      served = now;
      skew = Date.parse(now.getAttribute('data-now')) - Date.now();
    }
    var at = Date.now() + skew;
    document.querySelectorAll('[data-due]').forEach(function (el) {
      var left = Date.parse(el.getAttribute('data-due')) - at;
      el.textContent = left >= 0 ? 'in ' + span(left) : 'overdue by ' + span(left);
      el.classList.toggle('overdue', left < 0);
    });
  }

  document.addEventListener('DOMContentLoaded', tick);
  document.addEventListener('htmx:afterSettle', tick);
  setInterval(tick, 1000);
})();
