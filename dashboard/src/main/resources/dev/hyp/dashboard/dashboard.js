// hyp dashboard: the runs under a folder, and one run live. The run's view asks for a stamp every
// second and, when it changed, for the run's data, then draws again without reloading the page:
// its own charts, and the report's (report.js run again on the filtered trials).
(function () {
  "use strict";
  var dash = window.hypDashboard;
  var query = new URLSearchParams(location.search);
  var runId = query.get("run");
  var version = query.get("version");
  var COLORS = { complete: "#3b6fd8", pruned: "#9aa5b1", failed: "#d64545", running: "#f0a202", best: "#1f9d6b" };
  var GRADIENT = ["#16306e", "#3b6fd8", "#6f93dd", "#a9bde6", "#eef2fb"];
  var PALETTE = ["#3b6fd8", "#d64545", "#1f9d6b", "#f0a202", "#8e44ad", "#16a2b8", "#7f5539", "#e83e8c"];
  var STATES = ["complete", "pruned", "failed", "running"];
  var state = { data: null, stamp: null, picked: {}, sort: { key: "number", descending: true },
    filter: { states: { complete: true, pruned: true, failed: true, running: true }, param: "", min: "", max: "" } };
  var charts = {};
  var reportScript = null;
  var reportResize = null;

  function $(id) { return document.getElementById(id); }
  function fail(e) {
    dash.errors.push(String(e && e.message || e));
    var box = $("dash-errors");
    box.hidden = false;
    box.textContent = "The dashboard hit errors:\n" + dash.errors.join("\n");
  }
  function api(path) {
    return fetch(path, { credentials: "same-origin", cache: "no-store" }).then(function (r) {
      if (!r.ok) { throw new Error(path + " answered " + r.status); }
      return r.json();
    });
  }
  function fmt(v) {
    if (v === null || v === undefined) { return ""; }
    if (typeof v !== "number") { return String(v); }
    if (v === 0) { return "0"; }
    if (Number.isInteger(v) && Math.abs(v) < 1e6) { return String(v); }
    var a = Math.abs(v);
    return a >= 1e-3 && a < 1e4 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function chart(id, option) {
    var c = charts[id] || (charts[id] = echarts.init($(id), null, { renderer: "canvas" }));
    c.setOption(Object.assign({ animation: false, textStyle: { fontFamily: "system-ui, sans-serif" } }, option), true);
    return c;
  }
  function clock(ms) { return new Date(ms).toLocaleTimeString(); }

  // ---- the index: experiments, their runs and versions ----
  function index() {
    $("index").hidden = false;
    document.title = "hyp dashboard";
    api("/api/runs").then(function (runs) {
      var box = $("experiments");
      box.innerHTML = "";
      var byExperiment = {};
      runs.forEach(function (r) { (byExperiment[r.experiment] = byExperiment[r.experiment] || []).push(r); });
      $("subtitle").textContent = runs.length + " run folder" + (runs.length === 1 ? "" : "s") + " · "
          + Object.keys(byExperiment).length + " experiment" + (Object.keys(byExperiment).length === 1 ? "" : "s");
      if (!runs.length) { box.appendChild(el("p", "No run folder here yet: start one with `hyp run SPEC --out DIR` under this folder.", "hint")); }
      Object.keys(byExperiment).sort().forEach(function (name) {
        var section = el("section", null, "panel experiment");
        section.appendChild(el("h2", name));
        var list = el("ul", null, "runs");
        byExperiment[name].forEach(function (r) {
          var item = el("li");
          var link = el("a", r.id);
          link.href = "/?run=" + encodeURIComponent(r.id);
          item.appendChild(link);
          var c = r.counts;
          item.appendChild(document.createTextNode(" · " + (r.maximize ? "maximize " : "minimize ") + r.metric
              + " · " + (c.complete + c.pruned + c.failed + c.running) + " trials (" + c.complete + " complete, " + c.pruned
              + " pruned, " + c.failed + " failed" + (c.running ? ", " + c.running + " running" : "") + ")"
              + (r.best ? " · best " + fmt(r.best.value) + " (trial " + r.best.number + ")" : "")));
          var versions = el("div", "versions: ", "versions");
          r.versions.forEach(function (v) {
            var a = el("a", "v" + v.number + (v.number === r.version ? " (current)" : "") + " " + v.edit
                + (v.reason ? ": " + v.reason : ""));
            a.href = "/?run=" + encodeURIComponent(r.id) + "&version=" + v.number;
            versions.appendChild(a);
          });
          item.appendChild(versions);
          list.appendChild(item);
        });
        section.appendChild(list);
        box.appendChild(section);
      });
      dash.updates++;
    }).catch(fail).finally(function () { setTimeout(index, 3000); });
  }

  // ---- one run, live ----
  function runView() {
    $("run").hidden = false;
    var states = $("states");
    STATES.forEach(function (s) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("data-state", s);
      box.addEventListener("change", function () { state.filter.states[s] = box.checked; draw(); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + s));
      states.appendChild(label);
    });
    ["filter-param", "filter-min", "filter-max"].forEach(function (id) {
      $(id).addEventListener(id === "filter-param" ? "change" : "input", function () {
        state.filter.param = $("filter-param").value;
        state.filter.min = $("filter-min").value;
        state.filter.max = $("filter-max").value;
        draw();
      });
    });
    $("filter-clear").addEventListener("click", function () {
      state.filter = { states: { complete: true, pruned: true, failed: true, running: true }, param: "", min: "", max: "" };
      Array.prototype.forEach.call(states.querySelectorAll("input"), function (b) { b.checked = true; });
      $("filter-param").value = ""; $("filter-min").value = ""; $("filter-max").value = "";
      draw();
    });
    $("compare-clear").addEventListener("click", function () { state.picked = {}; draw(); });
    $("version").addEventListener("change", function () {
      location.search = "?run=" + encodeURIComponent(runId) + "&version=" + $("version").value;
    });
    ["contour-x", "contour-y"].forEach(function (id) { $(id).addEventListener("change", function () { draw(); }); });
    window.addEventListener("resize", function () {
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
      if (reportResize) { reportResize(); }
    });
    fetch("/static/report.js", { credentials: "same-origin" }).then(function (r) { return r.text(); })
        .then(function (text) { reportScript = text; poll(); }).catch(fail);
  }

  function runQuery() {
    return "id=" + encodeURIComponent(runId) + (version ? "&version=" + encodeURIComponent(version) : "");
  }

  function poll() {
    api("/api/stamp?" + runQuery()).then(function (s) {
      if (s.stamp === state.stamp) { return null; }
      return api("/api/run?" + runQuery()).then(function (data) {
        state.stamp = data.stamp;
        state.data = data;
        firstData();
        draw();
      });
    }).then(function () {
      $("live").className = "live";
      $("live").textContent = liveLine();
    }).catch(function (e) {
      $("live").className = "live stale";
      $("live").textContent = "not updating: " + (e && e.message || e);
    }).finally(function () { setTimeout(poll, 1000); });
  }

  function liveLine() {
    if (!state.data) { return ""; }
    var c = state.data.counts;
    return "live · checked " + clock(Date.now()) + " · " + (c.complete + c.pruned + c.failed + c.running) + " trials: "
        + c.complete + " complete, " + c.pruned + " pruned, " + c.failed + " failed, " + c.running + " running"
        + (state.data.best ? " · best " + fmt(state.data.best.value) + " (trial " + state.data.best.number + ")" : "");
  }

  var initialised = false;
  function firstData() {
    var report = state.data.report;
    document.title = report.experiment + " · hyp dashboard";
    $("title").textContent = report.experiment + " (" + runId + ")";
    if (initialised) { return; }
    initialised = true;
    var select = $("version");
    state.data.versions.forEach(function (v) {
      var o = el("option", "v" + v.number + (v.number === state.data.current ? " (current)" : "") + " " + v.edit);
      o.value = String(v.number);
      o.selected = v.number === state.data.version;
      select.appendChild(o);
    });
    var varying = report.params.filter(function (p) { return p.varies; });
    varying.forEach(function (p) {
      if (p.kind === "numeric") { $("filter-param").appendChild(option(p.name)); }
      $("contour-x").appendChild(option(p.name));
      $("contour-y").appendChild(option(p.name));
    });
    if (varying.length > 1) { $("contour-y").value = varying[1].name; }
  }
  function option(name) { var o = el("option", name); o.value = name; return o; }

  function filtered() {
    var f = state.filter;
    var min = f.min === "" ? null : Number(f.min), max = f.max === "" ? null : Number(f.max);
    return state.data.report.trials.filter(function (t) {
      if (!f.states[t.state]) { return false; }
      if (f.param && (min !== null || max !== null)) {
        var v = t.params[f.param];
        if (typeof v !== "number") { return false; }
        if (min !== null && !isNaN(min) && v < min) { return false; }
        if (max !== null && !isNaN(max) && v > max) { return false; }
      }
      return true;
    });
  }

  // the run's best trial as hyp names it (ties on the value: the lower validation loss), when it is shown; else
  // the first best value of those shown
  function best(trials) {
    var r = state.data.report;
    var complete = trials.filter(function (t) { return t.state === "complete" && t.value !== null; });
    return complete.filter(function (t) { return t.number === r.best; })[0] || complete.reduce(function (b, t) {
      return b === null || (r.maximize ? t.value > b.value : t.value < b.value) ? t : b; }, null);
  }

  function draw() {
    if (!state.data) { return; }
    var trials = filtered();
    $("shown").textContent = trials.length + " of " + state.data.report.trials.length + " trials shown";
    [table, compare, timeline, ecdf, contour, drawReport].forEach(function (f) {
      try { f(trials); } catch (e) { fail(e && e.stack || e); }
    });
    dash.updates++;
    dash.trials = state.data.report.trials.length;
  }

  // ---- the trials table, with ticks for comparing ----
  function table(trials) {
    var report = state.data.report;
    var columns = [
      { key: "pick", label: "" },
      { key: "number", label: "trial", num: true, get: function (t) { return t.number; } },
      { key: "state", label: "state", get: function (t) { return t.state; } },
      { key: "value", label: report.metric, num: true, get: function (t) { return t.value; } }];
    report.params.filter(function (p) { return p.varies; }).forEach(function (p) {
      columns.push({ key: "p:" + p.name, label: p.name, num: p.kind === "numeric",
        get: function (t) { return p.name in t.params ? t.params[p.name] : null; } });
    });
    columns.push({ key: "epochs", label: "epochs", num: true, get: function (t) { return t.epochs; } });
    columns.push({ key: "seconds", label: "seconds", num: true, get: function (t) { return t.seconds; } });
    columns.push({ key: "reason", label: "reason", get: function (t) { return t.reason; } });
    var tableEl = $("dash-trials");
    tableEl.innerHTML = "";
    var head = tableEl.createTHead().insertRow();
    columns.forEach(function (c) {
      var th = el("th", c.label);
      th.setAttribute("data-key", c.key);
      if (c.get) {
        th.addEventListener("click", function () {
          state.sort = { key: c.key, descending: state.sort.key === c.key ? !state.sort.descending : false };
          draw();
        });
      }
      head.appendChild(th);
    });
    var sortBy = columns.find(function (c) { return c.key === state.sort.key; }) || columns[1];
    var rows = trials.slice().sort(function (a, b) {
      var x = sortBy.get(a), y = sortBy.get(b);
      if (x === null || x === undefined) { return y === null || y === undefined ? a.number - b.number : 1; }
      if (y === null || y === undefined) { return -1; }
      var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return (state.sort.descending ? -order : order) || a.number - b.number;
    });
    var body = tableEl.createTBody();
    var top = best(state.data.report.trials);
    rows.forEach(function (t) {
      var row = body.insertRow();
      row.setAttribute("data-trial", String(t.number));
      if (top && t.number === top.number) { row.className = "best"; }
      columns.forEach(function (c) {
        var cell = row.insertCell();
        if (c.key === "pick") {
          var box = el("input");
          box.type = "checkbox";
          box.checked = !!state.picked[t.number];
          box.setAttribute("aria-label", "compare trial " + t.number);
          box.addEventListener("change", function () {
            if (box.checked) { state.picked[t.number] = true; } else { delete state.picked[t.number]; }
            compare(filtered());
          });
          cell.appendChild(box);
          return;
        }
        var v = c.get(t);
        if (c.key === "state") { cell.appendChild(el("span", v, "state " + v)); }
        else { cell.textContent = c.key === "seconds" && v !== null ? v.toFixed(1) : fmt(v); }
        if (c.num) { cell.className = "num"; }
      });
    });
  }

  // ---- picked trials side by side ----
  function compare() {
    var report = state.data.report;
    var picked = report.trials.filter(function (t) { return state.picked[t.number]; });
    $("compare-panel").hidden = picked.length === 0;
    if (!picked.length) { return; }
    var rows = [["state", function (t) { return t.state; }], [report.metric, function (t) { return fmt(t.value); }],
      ["epochs", function (t) { return String(t.epochs); }],
      ["seconds", function (t) { return t.seconds === null ? "" : t.seconds.toFixed(1); }]];
    report.params.forEach(function (p) {
      rows.push([p.name, function (t) { return p.name in t.params ? fmt(t.params[p.name]) : "(absent)"; }]);
    });
    rows.push(["reason", function (t) { return t.reason || ""; }]);
    var tableEl = $("compare-table");
    tableEl.innerHTML = "";
    var head = tableEl.createTHead().insertRow();
    head.appendChild(el("th", ""));
    picked.forEach(function (t) { head.appendChild(el("th", "trial " + t.number)); });
    var body = tableEl.createTBody();
    rows.forEach(function (r) {
      var row = body.insertRow();
      row.appendChild(el("th", r[0]));
      var values = picked.map(r[1]);
      var differs = values.some(function (v) { return v !== values[0]; });
      values.forEach(function (v) { var cell = row.insertCell(); cell.textContent = v; if (differs) { cell.className = "differs"; } });
    });
    chart("chart-compare", {
      color: PALETTE,
      legend: { top: 0 },
      grid: { left: 60, right: 24, top: 36, bottom: 44 },
      tooltip: { trigger: "axis" },
      dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "none" }, { type: "inside", yAxisIndex: 0, filterMode: "none" }],
      xAxis: { type: "value", name: "epoch", nameLocation: "middle", nameGap: 28, minInterval: 1 },
      yAxis: { type: "value", name: report.metric, scale: true },
      series: picked.map(function (t) {
        return { name: "trial " + t.number, type: "line", data: t.curve, symbolSize: 5,
          lineStyle: { type: t.state === "pruned" ? "dashed" : t.state === "failed" ? "dotted" : "solid" } };
      })
    });
  }

  // ---- when each trial ran, per worker ----
  function timeline(trials) {
    var times = {};
    state.data.times.forEach(function (x) { times[x.number] = x; });
    var now = Date.now();
    var lanes = [];
    var laneEnds = {};
    var items = trials.filter(function (t) { return times[t.number] && times[t.number].start; })
        .sort(function (a, b) { return times[a.number].start - times[b.number].start; }).map(function (t) {
          var x = times[t.number];
          var end = x.end || now;
          var owner = x.owner || "?";
          var ends = laneEnds[owner] = laneEnds[owner] || [];
          var lane = ends.findIndex(function (e) { return e <= x.start; });
          if (lane < 0) { lane = ends.length; ends.push(0); lanes.push({ owner: owner, lane: lane }); }
          ends[lane] = end;
          var row = lanes.findIndex(function (l) { return l.owner === owner && l.lane === lane; });
          return { value: [row, x.start, end, t.number, t.value], itemStyle: { color: COLORS[t.state] }, state: t.state };
        });
    var owners = Object.keys(laneEnds);
    var labels = lanes.map(function (l) {
      var parts = l.owner.split("|");
      var who = owners.length > 1 ? (parts.length === 3 ? "pid " + parts[1] : l.owner) + " · " : "";
      return who + "worker " + (l.lane + 1);
    });
    chart("chart-timeline", {
      grid: { left: 110, right: 24, top: 16, bottom: 44 },
      tooltip: { formatter: function (p) {
        return "trial " + p.value[3] + " (" + p.data.state + ")<br>" + clock(p.value[1]) + " to " + clock(p.value[2])
            + "<br>" + fmt((p.value[2] - p.value[1]) / 1000) + " s" + (p.value[4] !== null ? "<br>value " + fmt(p.value[4]) : ""); } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "weakFilter" }],
      xAxis: { type: "time", scale: true },
      yAxis: { type: "category", data: labels, inverse: true },
      series: [{ type: "custom", encode: { x: [1, 2], y: 0 }, data: items, renderItem: function (params, api) {
        var start = api.coord([api.value(1), api.value(0)]);
        var end = api.coord([api.value(2), api.value(0)]);
        var height = api.size([0, 1])[1] * 0.6;
        var shape = echarts.graphic.clipRectByRect({ x: start[0], y: start[1] - height / 2,
          width: Math.max(1, end[0] - start[0]), height: height },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return shape && { type: "rect", transition: ["shape"], shape: shape, style: api.style() };
      } }]
    });
  }

  // ---- the empirical distribution of values ----
  function ecdf(trials) {
    var values = trials.filter(function (t) { return t.state === "complete" && t.value !== null; })
        .map(function (t) { return t.value; }).sort(function (a, b) { return a - b; });
    var points = values.map(function (v, i) { return [v, (i + 1) / values.length]; });
    var top = best(trials);
    chart("chart-ecdf", {
      grid: { left: 60, right: 24, top: 16, bottom: 44 },
      tooltip: { trigger: "item", formatter: function (p) {
        return fmt(Math.round(p.value[1] * 100)) + "% of complete trials at or below " + fmt(p.value[0]); } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "none" }],
      xAxis: { type: "value", scale: true, name: state.data.report.metric, nameLocation: "middle", nameGap: 28,
        axisLabel: { formatter: function (v) { return fmt(v); } } },
      yAxis: { type: "value", min: 0, max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + "%"; } } },
      series: [{ type: "line", step: "end", data: points, showSymbol: values.length < 60, color: COLORS.complete,
        markLine: top ? { symbol: "none", data: [{ xAxis: top.value, name: "best" }], lineStyle: { color: COLORS.best },
          label: { formatter: "best " + fmt(top.value) } } : undefined }]
    });
  }

  // ---- a contour over any two parameters ----
  function contour(trials) {
    var report = state.data.report;
    var byName = {};
    report.params.forEach(function (p) { byName[p.name] = p; });
    var px = byName[$("contour-x").value], py = byName[$("contour-y").value];
    if (!px || !py) { return; }
    function coordinate(p, v) {
      if (p.kind === "categorical") {
        var i = p.categories.findIndex(function (c) { return c === String(v) || Number(c) === v; });
        return i < 0 ? null : i;
      }
      return p.log ? (v > 0 ? Math.log10(v) : null) : v;
    }
    function label(p, c) {
      if (p.kind === "categorical") { return Number.isInteger(c) ? (p.categories[c] || "") : ""; }
      return fmt(p.log ? Math.pow(10, c) : c);
    }
    var points = trials.filter(function (t) {
      return t.state === "complete" && t.value !== null && px.name in t.params && py.name in t.params;
    }).map(function (t) { return [coordinate(px, t.params[px.name]), coordinate(py, t.params[py.name]), t.value, t.number]; })
        .filter(function (p) { return p[0] !== null && p[1] !== null; });
    var cells = [];
    var N = 28;
    var ext = function (i) {
      var vs = points.map(function (p) { return p[i]; });
      var lo = Math.min.apply(null, vs), hi = Math.max.apply(null, vs);
      return hi > lo ? [lo, hi] : [lo - 0.5, hi + 0.5];
    };
    if (points.length >= 2) {
      var ex = ext(0), ey = ext(1);
      var dx = (ex[1] - ex[0]) / N, dy = (ey[1] - ey[0]) / N;
      for (var i = 0; i < N; i++) {
        for (var j = 0; j < N; j++) {
          var cx = ex[0] + (i + 0.5) * dx, cy = ey[0] + (j + 0.5) * dy;
          var num = 0, den = 0;
          for (var k = 0; k < points.length; k++) {
            var d2 = Math.pow((points[k][0] - cx) / (ex[1] - ex[0]), 2) + Math.pow((points[k][1] - cy) / (ey[1] - ey[0]), 2);
            var w = 1 / Math.pow(d2 + 1e-6, 2);
            num += w * points[k][2];
            den += w;
          }
          cells.push([ex[0] + i * dx, ey[0] + j * dy, num / den, dx, dy]);
        }
      }
    }
    var values = points.map(function (p) { return p[2]; });
    var low = values.length ? Math.min.apply(null, values) : 0, high = values.length ? Math.max.apply(null, values) : 1;
    chart("chart-contour", {
      grid: { left: 80, right: 120, top: 16, bottom: 50 },
      tooltip: { trigger: "item", formatter: function (p) {
        return p.seriesName === "trials" ? "trial " + p.value[3] + ": " + fmt(p.value[2]) + "<br>" + px.name + " = "
            + label(px, p.value[0]) + ", " + py.name + " = " + label(py, p.value[1]) : "about " + fmt(p.value[2]); } },
      visualMap: { type: "continuous", dimension: 2, min: low, max: high > low ? high : low + 1, calculable: true,
        right: 10, top: "middle", itemHeight: 200, text: [report.metric, ""], seriesIndex: 0,
        inRange: { color: report.maximize ? GRADIENT.slice().reverse() : GRADIENT },
        formatter: function (v) { return fmt(Number(v.toPrecision(3))); } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "none" }, { type: "inside", yAxisIndex: 0, filterMode: "none" }],
      xAxis: { type: "value", name: px.name + (px.log ? " (log)" : ""), nameLocation: "middle", nameGap: 30, scale: true,
        minInterval: px.kind === "categorical" ? 1 : 0, axisLabel: { formatter: function (v) { return label(px, v); } } },
      yAxis: { type: "value", name: py.name + (py.log ? " (log)" : ""), scale: true,
        minInterval: py.kind === "categorical" ? 1 : 0, axisLabel: { formatter: function (v) { return label(py, v); } } },
      series: [
        { name: "surface", type: "custom", data: cells, encode: { x: 0, y: 1 }, silent: false, renderItem: function (params, api) {
          var a = api.coord([api.value(0), api.value(1)]);
          var b = api.coord([api.value(0) + api.value(3), api.value(1) + api.value(4)]);
          return { type: "rect", shape: { x: Math.min(a[0], b[0]), y: Math.min(a[1], b[1]),
            width: Math.abs(b[0] - a[0]) + 0.5, height: Math.abs(b[1] - a[1]) + 0.5 }, style: api.style() };
        } },
        { name: "trials", type: "scatter", data: points, symbolSize: 7,
          itemStyle: { color: "#ffffff", borderColor: "#1f2933", borderWidth: 1 } }]
    });
  }

  // ---- the report's own charts, on the filtered trials ----
  function drawReport(trials) {
    if (reportScript === null) { return; }
    var root = $("report");
    // the report's charts are drawn anew on every update: each keeps the zoom its user chose
    var zooms = {};
    Array.prototype.forEach.call(root.querySelectorAll(".chart"), function (c) {
      var instance = echarts.getInstanceByDom(c);
      if (instance) {
        var zoom = instance.getOption().dataZoom;
        var zoomed = zoom && zoom.some(function (z) { return z.start > 0 || z.end < 100; });
        // a percentage, so that an unzoomed axis still grows with the new trials
        if (c.id && zoomed) { zooms[c.id] = zoom.map(function (z) { return { start: z.start, end: z.end }; }); }
        instance.dispose();
      }
    });
    ["summary", "slices", "trials"].forEach(function (id) { $(id).innerHTML = ""; });
    $("hyp-data").textContent = JSON.stringify(Object.assign({}, state.data.report, { trials: trials }));
    window.hypReport = { errors: [], chartsExpected: null, chartsRendered: 0 };
    var add = window.addEventListener;
    window.addEventListener = function (type, listener, options) {
      if (type === "resize") { reportResize = listener; return undefined; }
      return add.call(window, type, listener, options);
    };
    try {
      (new Function(reportScript))();
    } finally {
      window.addEventListener = add;
    }
    Object.keys(zooms).forEach(function (id) {
      var c = document.getElementById(id);
      var instance = c && echarts.getInstanceByDom(c);
      var zoom = instance && instance.getOption().dataZoom;
      if (zoom && zoom.length === zooms[id].length) { instance.setOption({ dataZoom: zooms[id] }); }
    });
    window.hypReport.errors.forEach(fail);
  }

  try {
    if (runId) { runView(); } else { index(); }
  } catch (e) {
    fail(e && e.stack || e);
  }
})();
