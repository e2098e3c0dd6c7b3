// Filters and search for the claimcheck report. Plain ES5, no network, no eval:
// everything it reads is already in the DOM as text or data-* attributes.
(function () {
  "use strict";

  function openTarget() {
    // A link to a claim inside a closed <details> must open it, or the jump lands nowhere.
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    var details = el.closest("details");
    if (details) details.open = true;
    el.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var expand = document.getElementById("expand-all");
  if (expand) {
    expand.addEventListener("click", function () {
      var all = document.querySelectorAll("details.article");
      var open = expand.textContent === "Expand all";
      for (var i = 0; i < all.length; i++) all[i].open = open;
      expand.textContent = open ? "Collapse all" : "Expand all";
    });
  }
  // Printing shows every article in full.
  window.addEventListener("beforeprint", function () {
    var all = document.querySelectorAll("details");
    for (var i = 0; i < all.length; i++) all[i].open = true;
  });

  var form = document.getElementById("filters");
  if (!form) return;
  var cards = document.querySelectorAll("article.card");
  var count = document.getElementById("shown-count");
  var noMatch = document.getElementById("no-match");
  var articleSelect = document.getElementById("article-filter");
  var search = document.getElementById("search");

  function checkedValues(name) {
    var out = {};
    var boxes = form.querySelectorAll("input[name='" + name + "']:checked");
    for (var i = 0; i < boxes.length; i++) out[boxes[i].value] = true;
    return out;
  }

  function normalise(s) {
    return s.toLowerCase().replace(/\s+/g, " ").trim();
  }

  function apply() {
    var severities = checkedValues("severity");
    var kinds = checkedValues("kind");
    var article = articleSelect.value;
    var query = normalise(search.value);
    var shown = 0;
    for (var i = 0; i < cards.length; i++) {
      var card = cards[i];
      var findings = card.querySelectorAll("li.finding");
      var anyFinding = false;
      for (var j = 0; j < findings.length; j++) {
        var f = findings[j];
        var ok = severities[f.getAttribute("data-severity")] === true && kinds[f.getAttribute("data-kind")] === true;
        f.hidden = !ok;
        if (ok) anyFinding = true;
      }
      var articles = card.getAttribute("data-articles").split(" ");
      var okArticle = !article || articles.indexOf(article) >= 0;
      var okText = !query || normalise(card.textContent).indexOf(query) >= 0;
      var show = anyFinding && okArticle && okText;
      card.hidden = !show;
      if (show) shown++;
    }
    count.textContent = shown + " of " + cards.length + " groups shown";
    noMatch.hidden = shown > 0;
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
})();
