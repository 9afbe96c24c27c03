/* timeline-builder: draws the figures of the site from the compact JSON the builder writes.
 *
 * Every figure is a <div data-figure="ID"> whose data sits in <script type="application/json" id="ID">
 * (or, for the full timeline, in window.TL_DATA from assets/generated/timeline-data.js). plotly.js is
 * loaded before this file: its basic bundle (assets/thirdparty/plotly-basic.min.js) on most pages, the
 * full one (assets/vendor/plotly.min.js) on the map; the timeline fetches the full one from the site
 * when a view needs WebGL. Nothing is fetched from anywhere else.
 */
(function () {
  "use strict";

  var DAY = 86400000;
  var AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
    "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
  var EN_MONTHS = ["January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"];
  var AR_DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"];
  var EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var GL_THRESHOLD = 1500;   // above this many marks, WebGL traces
  var MAX_LANES = 40;        // place/actor lanes; the rest go to "other"
  var MERGE_ABOVE = 300;     // above this many marks, one trace per kind of mark (not per type)
  var SUB_ROWS = 4;          // sub-rows of a lane for overlapping range bars

  // Isolates keep mixed Arabic/Latin text in order inside Plotly's SVG labels.
  var RLI = "\u2067", LRI = "\u2066", FSI = "\u2068", PDI = "\u2069";

  function registerLocale(P) {
    P.register({
      moduleType: "locale",
      name: "ar",
      dictionary: {
        "Zoom": "تكبير", "Pan": "تحريك", "Zoom in": "تكبير", "Zoom out": "تصغير",
        "Autoscale": "ملاءمة تلقائية", "Reset axes": "إعادة المحاور",
        "Download plot as a PNG": "تنزيل صورة", "Download plot": "تنزيل صورة",
        "Double-click to zoom back out": "انقر مرتين للتصغير"
      },
      format: {
        days: AR_DAYS, shortDays: AR_DAYS, months: AR_MONTHS, shortMonths: AR_MONTHS,
        date: "%d/%m/%Y", decimal: ".", thousands: ","
      }
    });
  }
  if (window.Plotly) { registerLocale(window.Plotly); }

  // Pages load plotly's basic bundle (scatter, bar: quick to read); WebGL traces need the full one,
  // fetched from the site when a view first has more marks than SVG handles well.
  var glOf = null, glYes = false;
  function hasWebGL() {
    if (glOf !== window.Plotly) {   // once per bundle: the schema takes a while to build
      glOf = window.Plotly;
      glYes = !!(glOf && glOf.PlotSchema && glOf.PlotSchema.get().traces.scattergl);
    }
    return glYes;
  }
  var fullBundle = null;
  function loadFullBundle(done) {
    if (!fullBundle) {
      fullBundle = [];
      var old = window.Plotly;
      var s = document.createElement("script");
      s.src = base() + "assets/vendor/plotly.min.js";
      s.onload = function () {
        registerLocale(window.Plotly);
        fullBundle.forEach(function (f) { f(old); });
        fullBundle = "loaded";
      };
      document.head.appendChild(s);
    }
    if (fullBundle === "loaded") { done(window.Plotly); } else { fullBundle.push(done); }
  }

  function base() {
    var el = document.getElementById("__config");
    var b = ".";
    try { b = JSON.parse(el.textContent).base || "."; } catch (e) { /* default */ }
    return b.replace(/\/$/, "") + "/";
  }
  var BASE = base();

  function isoDay(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  function dayWords(n, lang, weekday) {
    var d = new Date(n * DAY);
    var months = lang === "ar" ? AR_MONTHS : EN_MONTHS;
    var days = lang === "ar" ? AR_DAYS : EN_DAYS;
    var text = d.getUTCDate() + " " + months[d.getUTCMonth()] + " " + d.getUTCFullYear();
    return weekday ? days[d.getUTCDay()] + " " + text : text;
  }

  function spanWords(s, e, approx, D) {
    var ui = D.ui, text;
    if (s === e) {
      text = dayWords(s, D.lang, true);
    } else {
      var a = new Date(s * DAY), b = new Date(e * DAY);
      var sameMonth = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
      text = ui.between.replace("{a}", sameMonth ? String(a.getUTCDate()) : dayWords(s, D.lang, false))
        .replace("{b}", dayWords(e, D.lang, false));
    }
    return approx ? text + " (" + ui.approx + ")" : text;
  }

  function jitter(id) {
    var h = 2166136261;
    for (var i = 0; i < id.length; i++) { h ^= id.charCodeAt(i); h = Math.imul(h, 16777619); }
    return ((h >>> 0) % 1000) / 1000 * 0.6 - 0.3;
  }

  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function line(text, rtl) { return (rtl ? RLI : LRI) + text + PDI; }

  function hoverText(D, i) {
    var ev = D.ev, ui = D.ui, rtl = D.rtl;
    var places = ev.p[i].map(function (k) { return FSI + esc(D.places[k]) + PDI; }).join("، ");
    var when = spanWords(ev.s[i], ev.e[i], ev.a[i], D);
    if (ev.dw[i]) { when += " · «" + FSI + esc(ev.dw[i]) + PDI + "»"; }
    var lines = [
      "<b>" + line(esc(ev.ti[i]), rtl) + "</b>",
      line(when, rtl),
      line(ui.place + ": " + (places || ui.no_place), rtl),
      line(ui.source_count + ": " + ev.n[i], rtl)
    ];
    return lines.join("<br>");
  }

  function baseLayout(D, height) {
    return {
      height: height,
      margin: { l: D.rtl ? 10 : 140, r: D.rtl ? 140 : 10, t: 30, b: 40 },
      font: { family: getComputedStyle(document.body).fontFamily, size: 13 },
      paper_bgcolor: "rgba(0,0,0,0)",
      plot_bgcolor: "rgba(0,0,0,0)",
      hoverlabel: { align: D.rtl ? "right" : "left", font: { size: 14 } },
      showlegend: true,
      legend: { orientation: "h", x: D.rtl ? 1 : 0, xanchor: D.rtl ? "right" : "left", y: 1.02, yanchor: "bottom" },
      dragmode: "pan"
    };
  }

  function plotConfig(D) {
    return {
      locale: D.lang === "ar" ? "ar" : "en", displaylogo: false, responsive: true, scrollZoom: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "toImage"]
    };
  }

  function countBy(D, idx, key) {
    var counts = {};
    idx.forEach(function (i) { D.ev[key][i].forEach(function (k) { counts[k] = (counts[k] || 0) + 1; }); });
    return counts;
  }

  /* ---------- the timeline ---------- */

  function renderTimeline(el, D, withControls) {
    if (window.performance && performance.mark) { performance.mark("tl-start"); }
    var ev = D.ev, n = ev.id.length, ui = D.ui, rtl = D.rtl;
    // a large corpus opens on its last month: only the marks in and around the view are handed to
    // Plotly (SVG, quick), and panning or zooming past them draws the next stretch
    var state = { lanes: "type", type: -1, place: -1, actor: -1, range: n > GL_THRESHOLD ? "month" : "all",
      view: null };
    var win = null;            // [first, last] day of the marks drawn; null: all of them
    var hover = new Array(n);  // hover texts, made when a mark is first drawn
    function hov(i) { return hover[i] || (hover[i] = hoverText(D, i)); }
    var jit = new Array(n);
    function jt(i) { return jit[i] === undefined ? (jit[i] = jitter(ev.id[i])) : jit[i]; }
    var plot = document.createElement("div");
    plot.className = "tl-canvas";
    if (withControls) { el.appendChild(controls()); }
    el.appendChild(plot);

    function visible() {
      var out = [];
      for (var i = 0; i < n; i++) {
        if (state.type >= 0 && ev.t[i] !== state.type) { continue; }
        if (state.place >= 0 && ev.p[i].indexOf(state.place) < 0) { continue; }
        if (state.actor >= 0 && ev.ac[i].indexOf(state.actor) < 0) { continue; }
        out.push(i);
      }
      return out;
    }

    function lanes(idx) {
      // → {labels: [...], of: function(i) → [lane numbers]}
      if (state.lanes === "type") {
        var present = {};
        idx.forEach(function (i) { present[ev.t[i]] = true; });
        var order = [], map = {};
        D.types.forEach(function (t, k) { if (present[k]) { map[k] = order.length; order.push(t.label); } });
        return { labels: order, of: function (i) { return [map[ev.t[i]]]; } };
      }
      var key = state.lanes === "place" ? "p" : "ac";
      var names = state.lanes === "place" ? D.places : D.actors;
      var counts = countBy(D, idx, key);
      var top = Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a] || a - b; });
      var laneOf = {}, labels = [];
      top.slice(0, MAX_LANES).forEach(function (k) { laneOf[k] = labels.length; labels.push(names[k]); });
      var other = -1, none = -1;
      return {
        labels: labels,
        of: function (i) {
          var ks = ev[key][i];
          if (!ks.length) {
            if (none < 0) { none = labels.length; labels.push(state.lanes === "place" ? ui.no_place : ui.no_actor); }
            return [none];
          }
          var out = [];
          ks.forEach(function (k) {
            if (k in laneOf) { out.push(laneOf[k]); } else {
              if (other < 0) { other = labels.length; labels.push(ui.other); }
              if (out.indexOf(other) < 0) { out.push(other); }
            }
          });
          return out;
        }
      };
    }

    function draw() {
      var all = visible();
      var L = lanes(all);
      var maxDay = -Infinity, minDay = Infinity;
      all.forEach(function (i) {
        if (ev.e[i] > maxDay) { maxDay = ev.e[i]; }
        if (ev.s[i] < minDay) { minDay = ev.s[i]; }
      });
      var view = null;   // [lo, hi) in days
      if (state.view) {
        view = state.view;
      } else if (state.range !== "all" && isFinite(maxDay)) {
        var span = { week: 7, month: 31, year: 366 }[state.range];
        view = [maxDay + 1 - span, maxDay + 1];
      }
      win = null;
      var idx = all;
      if (view && all.length > GL_THRESHOLD) {
        var w = view[1] - view[0];
        win = [view[0] - w / 4, view[1] + w / 4];
        idx = all.filter(function (i) { return ev.e[i] >= win[0] && ev.s[i] < win[1]; });
      }
      var gl = idx.length > GL_THRESHOLD;
      if (gl && !hasWebGL()) {
        el.classList.add("tl-loading");
        loadFullBundle(function (old) {
          if (old && old !== window.Plotly && plot._fullLayout) { old.purge(plot); }
          el.classList.remove("tl-loading");
          draw();
          listen();
        });
        return;
      }
      // ranged and approximate events: each lane's bars go on sub-rows so that overlapping ones sit
      // apart (first free sub-row, in order of start)
      var slotOf = {};
      var ranged = idx.filter(function (i) { return ev.s[i] !== ev.e[i] || ev.a[i]; })
        .sort(function (a, b) { return ev.s[a] - ev.s[b] || ev.e[a] - ev.e[b]; });
      var ends = {};
      ranged.forEach(function (i) {
        L.of(i).forEach(function (lane) {
          var rows = ends[lane] || (ends[lane] = []);
          var k = 0;
          while (k < rows.length && rows[k] >= ev.s[i]) { k++; }
          if (k >= SUB_ROWS) { k = rows.indexOf(Math.min.apply(null, rows)); }
          rows[k] = ev.e[i];
          slotOf[i + ":" + lane] = k;
        });
      });
      var perType = D.types.map(function () {
        return { ex: { x: [], y: [], text: [], customdata: [] }, rm: { x: [], y: [], text: [], customdata: [] },
          bar: { x: [], y: [] } };
      });
      idx.forEach(function (i) {
        var g = perType[ev.t[i]];
        L.of(i).forEach(function (lane) {
          if (ev.s[i] === ev.e[i] && !ev.a[i]) {
            var y = lane + jt(i);
            g.ex.x.push(ev.s[i] * DAY + DAY / 2); g.ex.y.push(y); g.ex.text.push(hov(i)); g.ex.customdata.push(i);
          } else {
            var yb = lane - 0.36 + 0.72 * (slotOf[i + ":" + lane] + 0.5) / SUB_ROWS;
            g.bar.x.push(ev.s[i] * DAY, (ev.e[i] + 1) * DAY, null); g.bar.y.push(yb, yb, null);
            g.rm.x.push((ev.s[i] + ev.e[i] + 1) / 2 * DAY); g.rm.y.push(yb); g.rm.text.push(hov(i));
            g.rm.customdata.push(i);
          }
        });
      });
      var traces = [];
      var kind = gl ? "scattergl" : "scatter";
      var merged = gl || idx.length > MERGE_ABOVE;
      if (merged) {
        // many marks: one trace per kind of mark, coloured per point (a few large traces draw much
        // faster than three per type, in WebGL and in SVG); the legend comes from empty traces
        var one = { ex: { x: [], y: [], text: [], customdata: [], color: [] },
          rm: { x: [], y: [], text: [], customdata: [], color: [] } };
        D.types.forEach(function (t, k) {
          var g = perType[k];
          ["ex", "rm"].forEach(function (part) {
            Array.prototype.push.apply(one[part].x, g[part].x);
            Array.prototype.push.apply(one[part].y, g[part].y);
            Array.prototype.push.apply(one[part].text, g[part].text);
            Array.prototype.push.apply(one[part].customdata, g[part].customdata);
            for (var q = 0; q < g[part].x.length; q++) { one[part].color.push(t.color); }
          });
          if (g.bar.x.length) {   // range bars in the colour of their type, under the marks
            traces.unshift({ type: kind, mode: "lines", x: g.bar.x, y: g.bar.y, hoverinfo: "skip",
              showlegend: false, line: { color: t.color, width: 4 }, opacity: 0.45, meta: "bars" });
          }
          if (g.ex.x.length || g.rm.x.length) {
            traces.push({ type: "scatter", mode: "markers", name: t.label, x: [null], y: [null],
              marker: { color: t.color, size: 10 }, hoverinfo: "skip" });
          }
        });
        traces.push({ type: kind, mode: "markers", x: one.ex.x, y: one.ex.y, text: one.ex.text, showlegend: false,
          customdata: one.ex.customdata, hovertemplate: "%{text}<extra></extra>",
          marker: { color: one.ex.color, size: 9, line: gl ? undefined : { color: "#fff", width: 1 } },
          meta: "events" });
        traces.push({ type: kind, mode: "markers", x: one.rm.x, y: one.rm.y, text: one.rm.text, showlegend: false,
          customdata: one.rm.customdata, hovertemplate: "%{text}<extra></extra>",
          marker: { color: one.rm.color, size: 10, symbol: "diamond-open", line: { width: 2 } }, meta: "events" });
      } else {
        D.types.forEach(function (t, k) {
          var g = perType[k];
          if (g.bar.x.length) {
            traces.push({ type: kind, mode: "lines", x: g.bar.x, y: g.bar.y, hoverinfo: "skip", legendgroup: t.key,
              showlegend: false, line: { color: t.color, width: 4 }, opacity: 0.45, meta: "bars" });
          }
        });
        D.types.forEach(function (t, k) {
          var g = perType[k];
          if (g.ex.x.length) {
            traces.push({ type: kind, mode: "markers", name: t.label, legendgroup: t.key, x: g.ex.x, y: g.ex.y,
              text: g.ex.text, customdata: g.ex.customdata, hovertemplate: "%{text}<extra></extra>",
              marker: { color: t.color, size: 10, line: { color: "#fff", width: 1 } }, meta: "events" });
          }
          if (g.rm.x.length) {
            traces.push({ type: kind, mode: "markers", name: t.label + " (" + ui.approx + ")", legendgroup: t.key,
              showlegend: !g.ex.x.length, x: g.rm.x, y: g.rm.y,
              text: g.rm.text, customdata: g.rm.customdata, hovertemplate: "%{text}<extra></extra>",
              marker: { color: t.color, size: 9, symbol: "diamond-open", line: { width: 2 } },
              meta: "events" });
          }
        });
      }
      var height = Math.max(withControls ? 320 : 220, 90 + 40 * L.labels.length);
      var layout = baseLayout(D, height);
      // the legend under the axis: plotly's tool bar takes the top corner, where a legend would start
      layout.legend = { orientation: "h", x: rtl ? 1 : 0, xanchor: rtl ? "right" : "left", y: -0.1,
        yanchor: "top" };
      if (merged) { layout.legend.itemclick = false; layout.legend.itemdoubleclick = false; }
      layout.margin.t = 34;
      // room for the lane names (no automargin: it would make plotly draw everything twice)
      var longest = L.labels.reduce(function (a, t) { return Math.max(a, String(t).length); }, 0);
      layout.margin[rtl ? "r" : "l"] = Math.min(260, Math.max(80, 16 + 7.5 * longest));
      layout.xaxis = { type: "date", autorange: rtl ? "reversed" : true, showgrid: true, zeroline: false,
        ticklabelmode: "period" };
      if (view) {
        var r = [view[0] * DAY, view[1] * DAY];
        layout.xaxis.range = rtl ? [r[1], r[0]] : r;
        layout.xaxis.autorange = false;
      } else if (isFinite(maxDay)) {
        // everything, with a margin so the first and last marks are not cut in half; a short corpus
        // still shows about a week
        var pad = Math.max(1, (maxDay - minDay) * 0.03), mid = (minDay + maxDay + 1) / 2;
        var lo = Math.min(minDay - pad, mid - 4), hi = Math.max(maxDay + 1 + pad, mid + 4);
        layout.xaxis.range = rtl ? [hi * DAY, lo * DAY] : [lo * DAY, hi * DAY];
        layout.xaxis.autorange = false;
      }
      layout.yaxis = { tickvals: L.labels.map(function (_, k) { return k; }), ticktext: L.labels,
        range: [L.labels.length - 0.5, -0.5], side: rtl ? "right" : "left", zeroline: false, showgrid: false,
        fixedrange: true };
      if (window.performance && performance.mark) { performance.mark("tl-traces"); }
      Plotly.react(plot, traces, layout, plotConfig(D));
      if (window.performance && performance.mark) { performance.mark("tl-drawn"); }
      el.dataset.marks = String(traces.filter(function (t) { return t.meta === "events"; })
        .reduce(function (a, t) { return a + t.x.length; }, 0));
      el.dataset.total = String(all.length);
      el.dataset.webgl = gl ? "1" : "0";
    }

    function select(label, options, onChange) {
      var wrap = document.createElement("label");
      wrap.className = "tl-control";
      wrap.appendChild(document.createTextNode(label + " "));
      var sel = document.createElement("select");
      options.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0]; opt.textContent = o[1]; sel.appendChild(opt);
      });
      sel.addEventListener("change", function () { onChange(sel.value); draw(); });
      wrap.appendChild(sel);
      return wrap;
    }

    function ranked(key, names) {
      var all = [];
      for (var i = 0; i < n; i++) { all.push(i); }
      var counts = countBy(D, all, key);
      return Object.keys(counts).map(Number).sort(function (a, b) { return counts[b] - counts[a]; })
        .slice(0, 500).map(function (k) { return [String(k), names[k] + " (" + counts[k] + ")"]; });
    }

    function controls() {
      var bar = document.createElement("div");
      bar.className = "tl-controls";
      bar.appendChild(select(ui.lanes, [["type", ui.lanes_type], ["place", ui.lanes_place], ["actor", ui.lanes_actor]],
        function (v) { state.lanes = v; }));
      bar.appendChild(select(ui.type, [["-1", ui.all]].concat(D.types.map(function (t, k) { return [String(k), t.label]; })),
        function (v) { state.type = Number(v); }));
      bar.appendChild(select(ui.place, [["-1", ui.all]].concat(ranked("p", D.places)),
        function (v) { state.place = Number(v); }));
      bar.appendChild(select(ui.actor, [["-1", ui.all]].concat(ranked("ac", D.actors)),
        function (v) { state.actor = Number(v); }));
      var group = document.createElement("span");
      group.className = "tl-range";
      group.appendChild(document.createTextNode(ui.range + " "));
      [["week", ui.range_week], ["month", ui.range_month], ["year", ui.range_year], ["all", ui.range_all]]
        .forEach(function (r) {
          var b = document.createElement("button");
          b.type = "button"; b.className = "md-button tl-range-" + r[0]; b.textContent = r[1];
          b.addEventListener("click", function () { state.range = r[0]; state.view = null; draw(); });
          group.appendChild(b);
        });
      bar.appendChild(group);
      return bar;
    }

    function toDay(v) {
      if (typeof v === "number") { return v / DAY; }
      var text = String(v).replace(" ", "T");
      return Date.parse(text.length <= 10 ? text + "T00:00:00Z" : text + "Z") / DAY;
    }

    function listen() {
    plot.on("plotly_relayout", function (e) {
      // the reader panned or zoomed: draw the marks of the new stretch when it leaves the drawn one
      var a = e["xaxis.range[0]"], b = e["xaxis.range[1]"];
      if (a === undefined && e["xaxis.range"]) { a = e["xaxis.range"][0]; b = e["xaxis.range"][1]; }
      if (e["xaxis.autorange"] && win) { state.range = "all"; state.view = null; draw(); return; }
      if (a === undefined || !win) { return; }
      var lo = Math.min(toDay(a), toDay(b)), hi = Math.max(toDay(a), toDay(b));
      if (lo < win[0] || hi > win[1]) { state.view = [lo, hi]; draw(); }
    });
    plot.on("plotly_click", function (e) {
      if (!e.points || !e.points.length || e.points[0].customdata === undefined) { return; }
      var i = e.points[0].customdata;
      window.location.href = BASE + "day/" + D.days[ev.d[i]] + ".html#ev-" + ev.id[i];
    });
    }

    draw();
    if (plot.on) { listen(); }
    el.classList.add("tl-ready");
  }

  /* ---------- bar charts (a week by day, the corpus by week) ---------- */

  function renderBars(el, D) {
    var traces = D.series.map(function (s) {
      return { type: "bar", name: s.label, x: D.x, y: s.y, marker: { color: s.color },
        hovertemplate: (D.rtl ? RLI : "") + s.label + ": %{y}" + (D.rtl ? PDI : "") + "<extra></extra>" };
    });
    var layout = baseLayout(D, 260);
    layout.barmode = "stack";
    layout.margin = { l: 30, r: 30, t: 30, b: 40 };
    layout.xaxis = { type: "date", autorange: D.rtl ? "reversed" : true, fixedrange: true,
      tickformat: D.xunit === "day" ? "%A %d" : "%d %b %Y" };
    layout.yaxis = { fixedrange: true, side: D.rtl ? "right" : "left", rangemode: "tozero" };
    if (D.x.length === 1) {   // one bar: a date axis would zoom to hours; name the period instead
      layout.xaxis = { type: "category", fixedrange: true };
      var first = Date.parse(D.x[0]) / DAY;
      traces.forEach(function (t) { t.x = [D.xunit === "day" ? dayWords(first, D.lang, true)
        : D.ui.week_of.replace("{a}", dayWords(first, D.lang, false)).replace("{b}", dayWords(first + 6, D.lang, false))]; });
    }
    Plotly.react(el, traces, layout, plotConfig(D));
    if (D.links) {
      el.on("plotly_click", function (e) {
        if (e.points && e.points.length) { window.location.href = BASE + D.links[e.points[0].pointIndex]; }
      });
    }
    el.classList.add("tl-ready");
  }

  /* ---------- the map ---------- */

  function renderMap(el, D) {
    var pts = D.points;
    var lats = pts.map(function (p) { return p.lat; }), lons = pts.map(function (p) { return p.lon; });
    var trace = {
      type: "scattergeo", mode: "markers", lat: lats, lon: lons,
      text: pts.map(function (p) {
        return "<b>" + line(esc(p.name), D.rtl) + "</b><br>" + line(D.label + ": " + p.n, D.rtl);
      }),
      customdata: pts.map(function (p) { return p.url; }),
      hovertemplate: "%{text}<extra></extra>",
      marker: { size: pts.map(function (p) { return 8 + 6 * Math.sqrt(p.n); }), color: "#c62828", opacity: 0.75,
        line: { color: "#fff", width: 1 } }
    };
    var pad = function (lo, hi, m, min, max) { return [Math.max(min, lo - m), Math.min(max, hi + m)]; };
    var geo = { projection: { type: "mercator" }, showcountries: true, countrycolor: "#999", showland: true,
      landcolor: "#f3f1ea", showocean: true, oceancolor: "#dbe9f4", resolution: 110, showframe: false };
    if (pts.length) {
      geo.lataxis = { range: pad(Math.min.apply(null, lats), Math.max.apply(null, lats), 4, -80, 84) };
      geo.lonaxis = { range: pad(Math.min.apply(null, lons), Math.max.apply(null, lons), 6, -180, 180) };
    }
    var layout = baseLayout(D, 520);
    layout.showlegend = false;
    layout.margin = { l: 0, r: 0, t: 0, b: 0 };
    layout.geo = geo;
    var cfg = plotConfig(D);
    cfg.topojsonURL = BASE + "assets/thirdparty/";   // never used: world_110m.js registers the data
    Plotly.react(el, [trace], layout, cfg).then(function () { el.classList.add("tl-ready"); });
    el.on("plotly_click", function (e) {
      if (e.points && e.points.length) { window.location.href = BASE + e.points[0].customdata; }
    });
  }

  function render(el) {
    var D;
    if (el.dataset.figure === "global") {
      D = window.TL_DATA;
    } else {
      var src = document.getElementById(el.dataset.figure);
      D = src ? JSON.parse(src.textContent) : null;
    }
    if (!D || !window.Plotly) { return; }
    if (D.kind === "timeline") { renderTimeline(el, D, el.dataset.controls === "1"); }
    else if (D.kind === "bars") { renderBars(el, D); }
    else if (D.kind === "map") { renderMap(el, D); }
  }

  window.TimelineSite = { render: render, isoDay: isoDay };
  Array.prototype.forEach.call(document.querySelectorAll("[data-figure]"), render);
})();
