/* Search highlighting cuts Arabic words: the search finds «تحالف» inside «للتحالف», and a <mark>
 * around the stem alone breaks the joining of the letters at its edges in most browsers. This widens
 * every highlight (in the search results and on the page reached from them) to the whole word, so
 * a word is shaped as one piece. */
(function () {
  "use strict";
  var LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]/;
  var HEAD = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]+$/;
  var TAIL = /^[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200C\u200D]+/;

  function widen(mark) {
    if (mark.dataset.tlWide) { return; }
    mark.dataset.tlWide = "1";
    var text = mark.textContent;
    if (!text || !LETTER.test(text)) { return; }
    var before = mark.previousSibling, after = mark.nextSibling, m;
    if (before && before.nodeType === 3 && LETTER.test(text.charAt(0)) && (m = HEAD.exec(before.data))) {
      before.data = before.data.slice(0, m.index);
      mark.insertBefore(document.createTextNode(m[0]), mark.firstChild);
    }
    if (after && after.nodeType === 3 && LETTER.test(text.charAt(text.length - 1)) && (m = TAIL.exec(after.data))) {
      after.data = after.data.slice(m[0].length);
      mark.appendChild(document.createTextNode(m[0]));
    }
  }

  function scan(root) {
    if (root.nodeType !== 1) { return; }
    if (root.tagName === "MARK") { widen(root); }
    Array.prototype.forEach.call(root.getElementsByTagName("mark"), widen);
  }

  function start() {
    scan(document.body);
    new MutationObserver(function (records) {
      records.forEach(function (r) {
        if (!r.addedNodes.length || (r.target.closest && r.target.closest(".js-plotly-plot, svg"))) { return; }
        Array.prototype.forEach.call(r.addedNodes, scan);
      });
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
