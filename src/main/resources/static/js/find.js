// The find box of the navigation: htmx brings the matches as a list of links as the agent types. Arrow keys move
// from the box into the list and along it, Enter in the box opens the first match (or, with none shown, the find
// page), Escape goes back to the box.
(function () {
  function links() {
    return Array.prototype.slice.call(document.querySelectorAll('#find-results a'));
  }

  document.addEventListener('keydown', function (event) {
    var box = document.getElementById('find-q');
    if (!box) return;
    var inBox = event.target === box;
    var list = links();
    var at = list.indexOf(event.target);
    if (!inBox && at < 0) return;
    if (event.key === 'ArrowDown' && list.length) {
      event.preventDefault();
      list[inBox ? 0 : Math.min(at + 1, list.length - 1)].focus();
    } else if (event.key === 'ArrowUp' && !inBox) {
      event.preventDefault();
      if (at === 0) box.focus(); else list[at - 1].focus();
    } else if (event.key === 'Escape') {
      box.focus();
    } else if (event.key === 'Enter' && inBox && list.length) {
      event.preventDefault();
      window.location.assign(list[0].href);
    }
  });
})();
