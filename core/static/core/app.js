// On wide screens the main menu and the list filters stand open; on phones they are collapsible.
(function () {
  var wide = window.matchMedia("(min-width: 60rem)");
  function sync() {
    document.querySelectorAll("details.menu, details.filters").forEach(function (el) {
      if (wide.matches) el.open = true;
      else if (el.classList.contains("menu")) el.open = false;
    });
  }
  sync();
  wide.addEventListener("change", sync);
})();
