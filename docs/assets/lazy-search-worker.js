/* From file://, Material's search "worker" is an iframe on the main thread (iframe-worker shim), and
 * building the index of a large site there freezes the page for seconds right after it loads. This
 * wrapper starts it only when the reader goes to the search box (or the address asks for a search),
 * so the timeline is usable at once. Served over http(s) nothing changes: real workers are used. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || !window.IFrameWorker) { return; }
  var Real = window.IFrameWorker;

  function LazyWorker(url) {
    var self = this;
    this.url = url;
    this.queue = [];
    this.listeners = [];
    this.worker = null;
    this.onmessage = null;
    this.onerror = null;
    var start = function () { self.start(); };
    document.addEventListener("focusin", function (e) {
      if (e.target && e.target.classList && e.target.classList.contains("md-search__input")) { start(); }
    });
    if (/[?&]q=/.test(location.search)) { setTimeout(start, 0); }
  }
  LazyWorker.prototype.start = function () {
    if (this.worker) { return; }
    var self = this;
    var w = this.worker = new Real(this.url);
    w.onmessage = function (e) { if (self.onmessage) { self.onmessage(e); } };
    w.onerror = function (e) { if (self.onerror) { self.onerror(e); } };
    this.listeners.forEach(function (l) { w.addEventListener(l[0], l[1], l[2]); });
    this.queue.forEach(function (m) { w.postMessage(m); });
    this.queue = [];
  };
  LazyWorker.prototype.postMessage = function (m) {
    if (this.worker) { this.worker.postMessage(m); } else { this.queue.push(m); }
  };
  LazyWorker.prototype.addEventListener = function (type, fn, opts) {
    if (this.worker) { this.worker.addEventListener(type, fn, opts); } else { this.listeners.push([type, fn, opts]); }
  };
  LazyWorker.prototype.removeEventListener = function (type, fn, opts) {
    this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== fn; });
    if (this.worker) { this.worker.removeEventListener(type, fn, opts); }
  };
  LazyWorker.prototype.dispatchEvent = function (e) { return this.worker ? this.worker.dispatchEvent(e) : true; };
  LazyWorker.prototype.terminate = function () { if (this.worker) { this.worker.terminate(); } };
  window.Worker = LazyWorker;
})();
