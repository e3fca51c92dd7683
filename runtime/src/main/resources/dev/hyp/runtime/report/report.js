// Draws a hyp run's report from the JSON in #hyp-data with Apache ECharts.
// When every chart has drawn, window.hypReport.chartsRendered equals chartsExpected and
// #hyp-check carries both counts and the errors seen, for people and for the report's test.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("hyp-data").textContent);
  var report = window.hypReport;
  var COLORS = { complete: "#3b6fd8", pruned: "#9aa5b1", failed: "#d64545", running: "#f0a202", best: "#1f9d6b" };
  var GRADIENT = ["#a9bde6", "#6f93dd", "#3b6fd8", "#16306e"];
  var rendered = {};
  var charts = [];

  var params = data.params.filter(function (p) { return p.varies; });
  var constants = data.params.filter(function (p) { return !p.varies; });
  var complete = data.trials.filter(function (t) { return t.state === "complete" && t.value !== null; });
  var better = function (a, b) { return data.maximize ? a > b : a < b; };
  // hyp names the best trial, as best-model.zip holds it (a tie on the value goes to the lower validation loss)
  var best = complete.filter(function (t) { return t.number === data.best; })[0] || null;

  function fmt(v) {
    if (v === null || v === undefined) { return ""; }
    if (typeof v !== "number") { return String(v); }
    if (v === 0) { return "0"; }
    if (Number.isInteger(v) && Math.abs(v) < 1e6) { return String(v); }
    var a = Math.abs(v);
    return a >= 1e-3 && a < 1e4 ? String(Number(v.toPrecision(4))) : v.toExponential(2);
  }

  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) { el.className = cls; }
    return el;
  }

  // One place creates charts, so that each is counted when ECharts says it finished drawing.
  function chart(id, option) {
    var el = document.getElementById(id);
    var c = echarts.init(el, null, { renderer: "canvas" });
    c.on("finished", function () {
      if (!rendered[id]) {
        rendered[id] = true;
        report.chartsRendered = Object.keys(rendered).length;
        updateCheck();
      }
    });
    c.setOption(Object.assign({ animation: false, textStyle: { fontFamily: "system-ui, sans-serif" } }, option));
    charts.push(c);
    return c;
  }

  function axisType(p) {
    return p.kind === "categorical" ? "category" : (p.log ? "log" : "value");
  }

  // A value's category: numeric choices are matched as numbers (16 is "16", 1e-4 is "1.0E-4").
  function category(p, v) {
    if (typeof v === "number") {
      var i = p.categories.findIndex(function (c) { return Number(c) === v; });
      if (i >= 0) { return p.categories[i]; }
    }
    return String(v);
  }

  // The band the complete trials' values span, a little wider: the y range that matters, shared
  // by the history and every slice (pruned trials' low values would squash it to 0..1).
  var valueBand = (function () {
    var values = complete.map(function (t) { return t.value; });
    if (!values.length) { return null; }
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = Math.max((hi - lo) * 0.08, Math.abs(hi) * 0.002, 1e-9);
    return [lo - pad, hi + pad];
  })();

  // An axis for values that all sit at one point still needs a width around it.
  function around(v, log) {
    if (log) { return [v / 3, v * 3]; }
    var d = Math.abs(v) * 0.1 || 1;
    return [v - d, v + d];
  }

  function updateCheck() {
    var check = document.getElementById("hyp-check");
    check.setAttribute("data-charts-expected", String(report.chartsExpected));
    check.setAttribute("data-charts-rendered", String(report.chartsRendered));
    check.setAttribute("data-errors", JSON.stringify(report.errors));
    var box = document.getElementById("errors");
    if (report.errors.length > 0) {
      box.hidden = false;
      box.textContent = "This page hit errors while drawing:\n" + report.errors.join("\n");
    }
  }

  function summary() {
    var count = function (s) { return data.trials.filter(function (t) { return t.state === s; }).length; };
    document.getElementById("subtitle").textContent = (data.maximize ? "maximize " : "minimize ") + data.metric
        + " on " + data.split + " · " + data.trials.length + " trials"
        + (constants.length ? " · constants: " + constants.map(function (p) {
          var t = data.trials.find(function (t) { return p.name in t.params; });
          return p.name + " = " + fmt(t ? t.params[p.name] : null);
        }).join(", ") : "");
    var cards = document.getElementById("summary");
    function card(label, value, extra, cls) {
      var c = document.createElement("div");
      c.className = "card" + (cls ? " " + cls : "");
      c.appendChild(text("div", label, "label"));
      var v = text("div", value, "value");
      if (extra) { v.appendChild(text("small", " " + extra)); }
      c.appendChild(v);
      cards.appendChild(c);
      return c;
    }
    var bestCard = card("best " + data.metric, best ? fmt(best.value) : "–", best ? "trial " + best.number : "no trial completed", "best");
    if (best) {
      bestCard.appendChild(text("div", Object.keys(best.params).map(function (k) { return k + "=" + fmt(best.params[k]); }).join("  "), "params"));
    }
    card("trials", String(data.trials.length));
    card("complete", String(count("complete")));
    card("pruned", String(count("pruned")));
    card("failed", String(count("failed")));
    var seconds = data.trials.reduce(function (s, t) { return s + (t.seconds || 0); }, 0);
    card("training time", seconds >= 120 ? (seconds / 60).toFixed(1) : seconds.toFixed(1), seconds >= 120 ? "min" : "s");
  }

  function history() {
    var bestLine = [];
    var sorted = data.trials.slice().sort(function (a, b) { return a.number - b.number; });
    var current = null;
    sorted.forEach(function (t) {
      if (t.state === "complete" && t.value !== null && (current === null || better(t.value, current))) { current = t.value; }
      if (current !== null) { bestLine.push([t.number, current]); }
    });
    var points = function (state) {
      return data.trials.filter(function (t) { return t.state === state && t.value !== null; })
          .map(function (t) { return [t.number, t.value]; });
    };
    // the y axis opens on the complete trials' band; the slider on the right zooms out to the pruned ones
    var zoom = valueBand ? [
      { type: "inside", yAxisIndex: 0, filterMode: "none", startValue: valueBand[0], endValue: valueBand[1] },
      { type: "slider", yAxisIndex: 0, filterMode: "none", startValue: valueBand[0], endValue: valueBand[1],
        right: 8, width: 14, labelFormatter: function (v) { return fmt(Number(Number(v).toPrecision(3))); } },
      { type: "inside", xAxisIndex: 0, filterMode: "none" }] : [];
    chart("chart-history", {
      color: [COLORS.complete, COLORS.pruned, COLORS.best],
      legend: { top: 0 },
      grid: { left: 60, right: valueBand ? 56 : 24, top: 36, bottom: 44 },
      tooltip: { trigger: "item", formatter: function (p) { return p.seriesName + "<br>trial " + p.value[0] + ": " + fmt(p.value[1]); } },
      dataZoom: zoom,
      xAxis: { type: "value", name: "trial", nameLocation: "middle", nameGap: 28, minInterval: 1 },
      yAxis: { type: "value", name: data.metric, scale: true, axisLabel: { formatter: function (v) { return fmt(v); } } },
      series: [
        { name: "complete", type: "scatter", symbolSize: 10, data: points("complete") },
        { name: "pruned", type: "scatter", symbol: "emptyCircle", symbolSize: 8, data: points("pruned") },
        { name: "best so far", type: "line", step: "end", showSymbol: false, lineStyle: { width: 2 }, data: bestLine }
      ]
    });
  }

  function importance() {
    var imp = data.importance;
    document.getElementById("importance-hint").textContent = "How much of the variation in " + data.metric
        + " each parameter explains on its own: " + imp.method + " fitted on the complete trials (fANOVA, as in Optuna). Shares sum to 1.";
    var missing = imp.notRated.filter(function (r) { return r.why !== "constant"; });
    document.getElementById("importance-missing").textContent = missing.length && !imp.message
        ? "Not rated: " + missing.map(function (r) { return r.name + " (" + r.why + ")"; }).join(", ") : "";
    var rated = imp.rated.slice().reverse();
    chart("chart-importance", {
      title: imp.message ? { text: "No importance yet", subtext: imp.message, left: "center", top: "middle",
        textStyle: { fontSize: 14, color: "#616e7c" } } : undefined,
      xAxis: { show: !imp.message, type: "value", max: 1, axisLabel: { formatter: function (v) { return Math.round(v * 100) + "%"; } } },
      yAxis: { show: !imp.message, type: "category", data: rated.map(function (r) { return r.name; }) },
      grid: { left: 110, right: 40, top: 10, bottom: 30 },
      tooltip: { trigger: "item", formatter: function (p) { return p.name + ": " + (p.value * 100).toFixed(1) + "%"; } },
      series: [{ type: "bar", data: rated.map(function (r) { return r.importance; }), itemStyle: { color: COLORS.complete, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: "right", formatter: function (p) { return (p.value * 100).toFixed(0) + "%"; } } }]
    });
  }

  // One line per trial, in its state's colour, named as its legend entry; the best trial's is
  // "best". With many trials the rest fade so that the best stands out; hovering one brings it forward.
  function curves() {
    var withCurves = data.trials.filter(function (t) { return t.curve.length > 0; });
    var many = withCurves.length > 40;
    var names = {};
    var series = withCurves.map(function (t) {
      var isBest = best && t.number === best.number;
      var name = isBest ? "best" : t.state;
      names[name] = true;
      var color = COLORS[name] || COLORS.failed;
      return {
        id: "trial-" + t.number, name: name, type: "line", data: t.curve,
        z: isBest ? 10 : (t.state === "complete" ? 3 : 2),
        symbol: "circle", symbolSize: 3, showSymbol: false, color: color,
        lineStyle: { width: isBest ? 3 : (many ? 1 : 1.5), opacity: isBest ? 1 : (many ? 0.18 : 0.8),
          type: t.state === "pruned" ? "dashed" : (t.state === "failed" ? "dotted" : "solid") },
        emphasis: { focus: "series", lineStyle: { width: 3, opacity: 1 } },
        markPoint: t.state === "pruned" ? { symbol: "path://M2,0 L8,6 L14,0 L16,2 L10,8 L16,14 L14,16 L8,10 L2,16 L0,14 L6,8 L0,2 Z",
          symbolSize: 9, itemStyle: { color: color, opacity: many ? 0.5 : 1 }, label: { show: false },
          data: [{ coord: t.curve[t.curve.length - 1], name: "pruned" }] } : undefined
      };
    });
    chart("chart-curves", {
      legend: { top: 0, data: ["best", "complete", "pruned", "failed", "running"].filter(function (n) { return names[n]; }) },
      grid: { left: 60, right: 24, top: 36, bottom: 44 },
      tooltip: { trigger: "item", formatter: function (p) {
        return p.seriesId.replace("-", " ") + " (" + p.seriesName + ")<br>epoch " + p.value[0] + ": " + fmt(p.value[1]); } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, filterMode: "none" }, { type: "inside", yAxisIndex: 0, filterMode: "none" }],
      xAxis: { type: "value", name: "epoch", nameLocation: "middle", nameGap: 28, minInterval: 1 },
      yAxis: { type: "value", name: data.metric, scale: true },
      series: series
    });
  }

  // Every varying parameter has an axis. One that some complete trials lack gets an "(absent)"
  // place at the bottom: a category of its own, or the lowest tick of a number axis whose ticks
  // are evenly spaced below its values, so that no label sits on another.
  function parallelAxes() {
    var ABSENT = "(absent)";
    var axes = [];
    params.forEach(function (p) {
      var present = complete.filter(function (t) { return p.name in t.params; });
      var always = present.length === complete.length;
      if (p.kind === "categorical") {
        axes.push({ p: p, type: "category", data: always ? p.categories : [ABSENT].concat(p.categories),
          value: function (t) { return p.name in t.params ? category(p, t.params[p.name]) : ABSENT; } });
        return;
      }
      var values = present.map(function (t) { return t.params[p.name]; });
      if (always && values.length) {
        axes.push({ p: p, type: p.log ? "log" : "value", value: function (t) { return t.params[p.name]; } });
        return;
      }
      var lo = values.length ? Math.min.apply(null, values) : 1, hi = values.length ? Math.max.apply(null, values) : 1;
      var axis = { p: p, type: p.log ? "log" : "value" };
      if (p.log) {
        axis.max = Math.pow(10, Math.ceil(Math.log10(hi) + 1e-9));
        axis.min = Math.pow(10, Math.floor(Math.log10(lo)) - 1);
      } else {
        var step = niceStep(hi > lo ? (hi - lo) / 4 : Math.abs(hi) * 0.25 || 1);
        axis.max = Math.ceil(hi / step) * step;
        axis.min = Math.floor(lo / step) * step - step;
        axis.interval = step;
      }
      var absentAt = axis.min;
      axis.value = function (t) { return p.name in t.params ? t.params[p.name] : absentAt; };
      axis.label = function (v) { return Math.abs(v - absentAt) <= Math.abs(absentAt) * 1e-9 ? ABSENT : fmt(v); };
      axes.push(axis);
    });
    return { axes: axes, left: [] };
  }

  function niceStep(rough) {
    var power = Math.pow(10, Math.floor(Math.log10(rough)));
    var f = rough / power;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
  }

  function parallel() {
    var chosen = parallelAxes();
    var axes = chosen.axes.map(function (a, i) {
      return { dim: i, name: a.p.name, type: a.type, data: a.data, scale: a.type === "value" && a.min === undefined,
        min: a.min, max: a.max, interval: a.interval,
        axisLabel: a.type === "category" ? { interval: 0 } : { showMinLabel: true, formatter: a.label || function (v) { return fmt(v); } } };
    });
    var metricDim = axes.length;
    axes.push({ dim: metricDim, name: data.metric, type: "value", scale: true, nameTextStyle: { fontWeight: "bold" },
      axisLabel: { formatter: function (v) { return fmt(v); } } });
    var rows = complete.map(function (t) {
      return chosen.axes.map(function (a) { return a.value(t); }).concat([t.value, t.number]);
    });
    var values = complete.map(function (t) { return t.value; });
    var low = values.length ? Math.min.apply(null, values) : 0;
    var high = values.length ? Math.max.apply(null, values) : 1;
    // names above the axes, staggered in two rows when they would not fit side by side
    var width = document.getElementById("chart-parallel").clientWidth - 60 - 120;
    var spacing = axes.length > 1 ? width / (axes.length - 1) : width;
    var longest = axes.reduce(function (m, a) { return Math.max(m, a.name.length); }, 0);
    var stagger = longest * 7 > spacing;
    axes.forEach(function (a, i) {
      a.nameGap = stagger && i % 2 ? 28 : 12;
      a.nameTextStyle = Object.assign({ color: "#1f2933", fontSize: 12 }, a.nameTextStyle || {});
    });
    chart("chart-parallel", {
      parallel: { left: 60, right: 120, top: stagger ? 56 : 40, bottom: 24,
        parallelAxisDefault: { nameLocation: "end", nameTextStyle: { color: "#1f2933", fontSize: 12 } } },
      parallelAxis: axes,
      visualMap: { show: high > low, type: "continuous", dimension: metricDim, min: low, max: high > low ? high : low + 1,
        inRange: { color: data.maximize ? GRADIENT : GRADIENT.slice().reverse() }, right: 10, top: "middle", calculable: false, itemHeight: 160,
        text: [data.metric, ""], formatter: function (v) { return fmt(Number(v.toPrecision(3))); } },
      tooltip: { trigger: "item", formatter: function (p) { return "trial " + p.value[metricDim + 1] + ": " + fmt(p.value[metricDim]); } },
      series: [{ type: "parallel", lineStyle: { width: complete.length > 100 ? 1 : 2, opacity: complete.length > 100 ? 0.5 : 0.8 },
        data: rows, emphasis: { lineStyle: { width: 4 } } }]
    });
  }

  // Every slice has the y range of the metric's band (one point gets no range of its own), a
  // number axis as wide as its points (one point gets a width around it) and every category labelled.
  function slices() {
    var box = document.getElementById("slices");
    var last = data.trials.reduce(function (m, t) { return Math.max(m, t.number); }, 0);
    params.forEach(function (p, i) {
      var el = document.createElement("div");
      el.className = "chart";
      el.id = "chart-slice-" + i;
      box.appendChild(el);
      var categorical = p.kind === "categorical";
      var points = complete.filter(function (t) { return p.name in t.params; }).map(function (t) {
        return [categorical ? category(p, t.params[p.name]) : t.params[p.name], t.value, t.number];
      });
      var xs = points.map(function (q) { return q[0]; });
      var single = !categorical && xs.length > 0 && Math.min.apply(null, xs) === Math.max.apply(null, xs);
      var range = single ? around(xs[0], p.log) : null;
      var rotate = categorical && p.categories.length > 4 ? 35 : 0;
      chart(el.id, {
        title: { text: p.name, left: 10, top: 6, textStyle: { fontSize: 13 },
          subtext: points.length ? "" : "no complete trial has it", subtextStyle: { color: "#616e7c" } },
        grid: { left: 56, right: 16, top: 36, bottom: rotate ? 52 : 30 },
        tooltip: { trigger: "item", formatter: function (q) { return "trial " + q.value[2] + "<br>" + p.name + " = " + fmt(q.value[0]) + "<br>" + data.metric + " = " + fmt(q.value[1]); } },
        xAxis: { type: axisType(p), data: categorical ? p.categories : undefined, scale: !categorical && !single,
          min: range ? range[0] : undefined, max: range ? range[1] : undefined,
          splitLine: { show: false }, splitNumber: 4,
          axisLabel: categorical ? { interval: 0, rotate: rotate, fontSize: 11 }
            : { hideOverlap: true, formatter: function (v) { return fmt(v); } } },
        yAxis: { type: "value", scale: true, min: valueBand ? valueBand[0] : undefined, max: valueBand ? valueBand[1] : undefined,
          axisLabel: { formatter: function (v) { return fmt(v); } } },
        visualMap: { show: false, dimension: 2, min: 0, max: Math.max(1, last), inRange: { color: GRADIENT } },
        series: [{ type: "scatter", symbolSize: 9, data: points, itemStyle: { borderColor: "#ffffff", borderWidth: 0.5 } }]
      });
    });
  }

  function table() {
    var columns = [
      { key: "number", label: "trial", num: true, get: function (t) { return t.number; } },
      { key: "state", label: "state", get: function (t) { return t.state; } },
      { key: "value", label: data.metric, num: true, get: function (t) { return t.value; } }
    ];
    data.params.forEach(function (p) {
      columns.push({ key: "p:" + p.name, label: p.name, num: p.kind === "numeric", get: function (t) { return p.name in t.params ? t.params[p.name] : null; } });
    });
    columns.push({ key: "epochs", label: "epochs", num: true, get: function (t) { return t.epochs; } });
    columns.push({ key: "seconds", label: "seconds", num: true, get: function (t) { return t.seconds; } });
    columns.push({ key: "reason", label: "reason", get: function (t) { return t.reason; } });
    if (data.trials.some(function (t) { return t.carried_from; })) {
      // trials of an earlier version of the spec, carried into this one: where each came from
      columns.push({ key: "from", label: "carried from", get: function (t) { return t.carried_from || ""; } });
    }
    var el = document.getElementById("trials");
    var head = el.createTHead().insertRow();
    var body = el.createTBody();
    var sort = { key: "value", descending: data.maximize };
    var stateFilter = document.getElementById("trials-state");
    var textFilter = document.getElementById("trials-filter");
    var shown = document.getElementById("trials-shown");
    data.trials.map(function (t) { return t.state; })
      .filter(function (s, i, all) { return all.indexOf(s) === i; }).sort()
      .forEach(function (s) { stateFilter.appendChild(new Option(s, s)); });
    stateFilter.addEventListener("change", function () { draw(); });
    textFilter.addEventListener("input", function () { draw(); });
    // a row is kept when one of its cells, as shown, contains the text (case aside)
    function kept(t) {
      if (stateFilter.value && t.state !== stateFilter.value) { return false; }
      var query = textFilter.value.trim().toLowerCase();
      return !query || columns.some(function (col) {
        var v = col.get(t);
        return v !== null && v !== undefined && cellText(col, v).toLowerCase().indexOf(query) >= 0;
      });
    }
    function cellText(col, v) {
      return col.key === "seconds" && v !== null ? v.toFixed(1) : fmt(v);
    }
    columns.forEach(function (c) {
      var th = text("th", c.label);
      th.setAttribute("data-key", c.key);
      th.addEventListener("click", function () {
        sort = { key: c.key, descending: sort.key === c.key ? !sort.descending : false };
        draw();
      });
      head.appendChild(th);
    });
    function compare(c) {
      return function (a, b) {
        var x = c.get(a), y = c.get(b);
        if (x === null || x === undefined) { return y === null || y === undefined ? a.number - b.number : 1; }
        if (y === null || y === undefined) { return -1; }
        var order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
        return (sort.descending ? -order : order) || a.number - b.number;
      };
    }
    function draw() {
      var c = columns.find(function (c) { return c.key === sort.key; });
      Array.prototype.forEach.call(head.cells, function (th) {
        th.setAttribute("aria-sort", th.getAttribute("data-key") === sort.key ? (sort.descending ? "descending" : "ascending") : "none");
      });
      body.innerHTML = "";
      var rows = data.trials.filter(kept);
      shown.textContent = rows.length === data.trials.length ? "" : rows.length + " of " + data.trials.length + " trials";
      rows.sort(compare(c)).forEach(function (t) {
        var row = body.insertRow();
        if (best && t.number === best.number) { row.className = "best"; }
        columns.forEach(function (col) {
          var cell = row.insertCell();
          var v = col.get(t);
          if (col.key === "state") {
            cell.appendChild(text("span", v, "state " + v));
          } else {
            cell.textContent = cellText(col, v);
          }
          if (col.num) { cell.className = "num"; }
        });
      });
    }
    draw();
  }

  // Several objectives: a panel after the summary with the Pareto front and the hypervolume.
  function frontPanel() {
    var main = document.querySelector("main");
    var panel = document.createElement("section");
    panel.className = "panel";
    panel.id = "front-panel";
    panel.appendChild(text("h2", "Pareto front"));
    var f = data.front;
    var labels = f.objectives.map(function (o) { return (o.maximize ? "max " : "min ") + o.label; });
    panel.appendChild(text("p", (f.objectives.length === 2
        ? "Every complete trial by its two objectives; the Pareto front (the feasible trials no other beats in both) is green and joined by a step line. "
        : "One line per complete trial through its objectives; the Pareto front (the feasible trials no other beats in all) is green. ")
        + "Infeasible trials (over a constraint) are red; hover one for its reason.", "hint"));
    var chartEl = document.createElement("div");
    chartEl.className = f.objectives.length === 2 ? "chart" : "chart wide";
    chartEl.id = "chart-front";
    panel.appendChild(chartEl);
    panel.appendChild(text("p", "Hypervolume after each trial: the space the front dominates up to a reference point fixed at the worst feasible value of each objective plus 10% of its range ("
        + f.reference.map(fmt).join(", ") + "), so it can only grow.", "hint"));
    var hvEl = document.createElement("div");
    hvEl.className = "chart";
    hvEl.id = "chart-hypervolume";
    panel.appendChild(hvEl);
    main.insertBefore(panel, document.getElementById("summary").nextSibling);

    var plotted = f.trials.filter(function (t) {
      return (t.state === "complete" || !t.feasible) && t.values.every(function (v) { return v !== null; });
    });
    var unmeasured = f.trials.filter(function (t) {
      return !t.feasible && t.values.some(function (v) { return v === null; });
    }).length;
    if (unmeasured > 0) {
      panel.insertBefore(text("p", unmeasured + " infeasible trial" + (unmeasured === 1 ? " was" : "s were")
          + " stopped before measuring every objective and " + (unmeasured === 1 ? "is" : "are") + " not drawn.",
          "hint"), chartEl);
    }
    var tip = function (t) {
      return "trial " + t.number + "<br>" + labels.map(function (l, i) { return l + ": " + fmt(t.values[i]); }).join("<br>")
          + (t.feasible ? "" : "<br>infeasible: " + (t.reason || "violation " + fmt(t.violation)));
    };
    var point = function (t) { return { value: t.values.concat([t.number]), trial: t }; };
    var groups = {
      trial: plotted.filter(function (t) { return t.feasible && !t.front; }),
      "Pareto front": plotted.filter(function (t) { return t.front; }),
      infeasible: plotted.filter(function (t) { return !t.feasible; })
    };
    var colour = { trial: COLORS.complete, "Pareto front": COLORS.best, infeasible: COLORS.failed };
    var tooltip = { trigger: "item", formatter: function (p) { return p.data && p.data.trial ? tip(p.data.trial) : ""; } };
    if (f.objectives.length === 2) {
      var series = Object.keys(groups).map(function (name) {
        return { name: name, type: "scatter", data: groups[name].map(point), color: colour[name],
          symbol: name === "infeasible" ? "triangle" : "circle", symbolSize: name === "Pareto front" ? 10 : 7,
          itemStyle: { opacity: name === "trial" ? 0.6 : 0.95 }, z: name === "Pareto front" ? 3 : 2 };
      });
      var line = groups["Pareto front"].slice().sort(function (a, b) { return a.values[0] - b.values[0]; });
      series.push({ name: "Pareto front", id: "front-line", type: "line", data: line.map(point), color: COLORS.best,
        step: f.objectives[0].maximize ? "start" : "end", showSymbol: false, silent: true, z: 1 });
      chart("chart-front", {
        tooltip: tooltip, legend: { data: ["trial", "Pareto front", "infeasible"], top: 0 },
        grid: { left: 70, right: 30, top: 40, bottom: 50 },
        xAxis: { type: "value", name: labels[0], nameLocation: "middle", nameGap: 30, scale: true },
        yAxis: { type: "value", name: labels[1], nameLocation: "middle", nameGap: 50, scale: true },
        series: series
      });
    } else {
      chart("chart-front", {
        tooltip: tooltip, legend: { data: ["trial", "Pareto front", "infeasible"], top: 0 },
        parallel: { left: 60, right: 80, top: 50, bottom: 30 },
        parallelAxis: labels.map(function (l, i) { return { dim: i, name: l, type: "value", scale: true }; }),
        series: Object.keys(groups).map(function (name) {
          return { name: name, type: "parallel", data: groups[name].map(point), color: colour[name],
            lineStyle: { width: name === "Pareto front" ? 2.5 : 1, opacity: name === "trial" ? 0.35 : 0.9,
              type: name === "infeasible" ? "dashed" : "solid" }, z: name === "Pareto front" ? 3 : 2 };
        })
      });
    }
    chart("chart-hypervolume", {
      tooltip: { trigger: "axis" }, grid: { left: 70, right: 30, top: 20, bottom: 50 },
      xAxis: { type: "value", name: "trial", nameLocation: "middle", nameGap: 30, minInterval: 1 },
      yAxis: { type: "value", name: "hypervolume", nameLocation: "middle", nameGap: 50, scale: true },
      series: [{ name: "hypervolume", type: "line", step: "end", showSymbol: false, data: f.hypervolume, color: COLORS.best }]
    });
  }

  try {
    report.chartsExpected = 4 + params.length + (data.front ? 2 : 0);
    updateCheck();
    summary();
    if (data.front) { frontPanel(); }
    history();
    importance();
    curves();
    parallel();
    slices();
    table();
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  } catch (e) {
    report.errors.push(String(e && e.stack || e));
  }
  updateCheck();
})();
