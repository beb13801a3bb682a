/*
 * loadlab report: draws the charts of one run, two runs overlaid, or a history, from the JSON block in this
 * page. Every figure was computed by loadlab from HdrHistogram logs; this script only draws them.
 * Colours come from the page's CSS, so the charts follow the light or dark scheme.
 */
(function () {
  'use strict';
  const DATA = JSON.parse(document.getElementById('loadlab-data').textContent);
  const ALL = '*';
  const root = document.documentElement;
  const charts = [];
  const compare = DATA.runs.length > 1;
  let theme;

  function readTheme() {
    const css = (n) => getComputedStyle(root).getPropertyValue(n).trim();
    theme = {
      fg: css('--fg'), muted: css('--muted'), grid: css('--grid'), bad: css('--bad'), target: css('--target'), fault: css('--fault'),
      series: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => css('--c' + i)),
    };
  }

  // ---- numbers with units --------------------------------------------------------------------
  function trim(x, decimals) { return String(+x.toFixed(decimals)); }
  function fmtUs(us) {
    if (us == null || !isFinite(us)) return '';
    const a = Math.abs(us);
    if (a < 1e3) return trim(us, a < 10 ? 1 : 0) + ' µs';
    if (a < 1e6) return trim(us / 1e3, a < 1e4 ? 2 : 1) + ' ms';
    return trim(us / 1e6, 2) + ' s';
  }
  function fmtNs(ns) {
    if (ns == null || !isFinite(ns)) return '';
    return Math.abs(ns) < 1e3 ? trim(ns, Math.abs(ns) < 10 ? 2 : 1) + ' ns' : fmtUs(ns / 1e3);
  }
  function fmtCount(v) {
    if (v == null || !isFinite(v)) return '';
    const a = Math.abs(v);
    if (a >= 1e9) return trim(v / 1e9, 2) + 'G';
    if (a >= 1e6) return trim(v / 1e6, 2) + 'M';
    if (a >= 1e4) return trim(v / 1e3, 1) + 'k';
    return trim(v, a < 10 ? 2 : a < 100 ? 1 : 0);
  }
  function fmtBytes(b) {
    if (b == null || !isFinite(b)) return '';
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0;
    while (Math.abs(b) >= 1024 && i < units.length - 1) { b /= 1024; i++; }
    return trim(b, Math.abs(b) < 10 ? 2 : 1) + ' ' + units[i];
  }
  function fmtUnit(unit, v) {
    switch (unit) {
      case 'seconds': return fmtUs(v * 1e6);
      case 'bytes': return fmtBytes(v);
      case 'bytes_per_s': return fmtBytes(v) + '/s';
      case 'ratio': return v == null ? '' : trim(v * 100, 1) + '%';
      case 'per_s': return fmtCount(v) + '/s';
      default: return fmtCount(v);
    }
  }
  function fmtClock(s, span) {
    if (span < 180) return trim(s, 1) + ' s';
    const sign = s < 0 ? '−' : '';
    const a = Math.abs(Math.round(s));
    const h = Math.floor(a / 3600);
    const m = Math.floor((a % 3600) / 60);
    const sec = String(a % 60).padStart(2, '0');
    return sign + (h > 0 ? h + ':' + String(m).padStart(2, '0') : m) + ':' + sec;
  }
  /** 1/(1-q) back to a percentile label: 2 → 50%, 1000 → 99.9%. */
  function pctLabel(x) {
    if (x <= 1) return '0%';
    const digits = Math.max(0, Math.round(Math.log10(x)) - 2);
    return (100 * (1 - 1 / x)).toFixed(digits) + '%';
  }

  // ---- chart scaffolding ---------------------------------------------------------------------
  function axis(extra) {
    return Object.assign({ grid: { color: theme.grid }, ticks: { color: theme.muted }, border: { color: theme.grid } }, extra || {});
  }
  function options(extra) {
    const o = {
      animation: false, responsive: true, maintainAspectRatio: false, normalized: true, parsing: true,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: {},
    };
    const more = extra || {};
    // the default legend stays unless a chart brings its own; its tooltips and the rest are added
    const plugins = Object.assign({ legend: { labels: { color: theme.fg, boxWidth: 14, boxHeight: 2 } } }, more.plugins || {});
    return Object.assign(o, more, { plugins: plugins });
  }
  function draw(canvasId, config) {
    const canvas = document.getElementById(canvasId);
    if (!canvas) return null;
    const chart = new Chart(canvas, config);
    charts.push(chart);
    return chart;
  }
  function line(label, points, color, more) {
    return Object.assign({
      label: label, data: points, borderColor: color, backgroundColor: color, borderWidth: 1.6,
      pointRadius: 0, pointHitRadius: 6, spanGaps: false, tension: 0,
    }, more || {});
  }
  function zip(xs, ys, scale) {
    const out = new Array(xs.length);
    for (let i = 0; i < xs.length; i++) out[i] = { x: xs[i], y: ys[i] == null ? null : ys[i] * (scale || 1) };
    return out;
  }
  const runTag = (r) => (compare ? (r === 0 ? 'A ' : 'B ') : '');
  const runDash = (r) => (r === 0 ? [] : [7, 4]);
  const nameLabel = (n) => (n === ALL ? 'all requests' : n);

  // ---- load runs -----------------------------------------------------------------------------
  function names() {
    const seen = [ALL];
    DATA.runs.forEach((run) => Object.keys(run.load.spectra).forEach((n) => { if (!seen.includes(n)) seen.push(n); }));
    return seen;
  }
  function selectedName() {
    const select = document.getElementById('name-select');
    return select && select.value ? select.value : ALL;
  }
  function spectrumPoints(s) {
    const out = new Array(s.percentiles.length);
    for (let i = 0; i < out.length; i++) out[i] = { x: 1 / (1 - s.percentiles[i] / 100), y: s.values_us[i] };
    return out;
  }
  function spectrumAxis(maxX) {
    const ticks = [1, 2];
    for (let t = 10; t / 10 < maxX; t *= 10) ticks.push(t);
    return axis({
      type: 'logarithmic', min: 1, max: Math.max(2, maxX),
      title: { display: true, text: 'percentile', color: theme.muted },
      afterBuildTicks: (a) => { a.ticks = ticks.filter((t) => t <= a.max * 1.0001).map((t) => ({ value: t })); },
      ticks: { color: theme.muted, callback: (v) => pctLabel(v), autoSkip: false, maxRotation: 0 },
    });
  }
  function latencyAxis(log, title) {
    return axis({
      type: log ? 'logarithmic' : 'linear', beginAtZero: !log,
      title: { display: true, text: title || 'latency', color: theme.muted },
      ticks: { color: theme.muted, callback: (v) => fmtUs(v), maxTicksLimit: 8 },
    });
  }
  function spectrumTooltip() {
    return { callbacks: { label: (c) => c.dataset.label + ': ' + fmtUs(c.parsed.y) + ' at ' + pctLabel(c.parsed.x) } };
  }
  function maxSpectrumX(specs) {
    let m = 2;
    specs.forEach((s) => { if (s && s.percentiles.length) m = Math.max(m, 1 / (1 - s.percentiles[s.percentiles.length - 1] / 100)); });
    return m;
  }
  function logLatency() {
    const box = document.getElementById('log-latency');
    return !!(box && box.checked);
  }

  function renderSpectrumAll() {
    const datasets = [];
    const specs = [];
    names().forEach((n, i) => {
      DATA.runs.forEach((run, r) => {
        const s = run.load.spectra[n];
        if (!s || !s.response.percentiles.length) return;
        specs.push(s.response);
        datasets.push(line(runTag(r) + nameLabel(n), spectrumPoints(s.response), theme.series[i % 8],
          { borderDash: runDash(r), borderWidth: n === ALL ? 2.6 : 1.6 }));
      });
    });
    draw('spectrum-all', {
      type: 'line', data: { datasets: datasets },
      options: options({
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: spectrumAxis(maxSpectrumX(specs)), y: latencyAxis(logLatency(), 'response time') },
        plugins: { tooltip: spectrumTooltip() },
      }),
    });
  }

  function renderSpectrumService(n) {
    const datasets = [];
    const specs = [];
    DATA.runs.forEach((run, r) => {
      const s = run.load.spectra[n];
      if (!s) return;
      specs.push(s.response, s.service);
      const cResp = compare ? theme.series[r] : theme.series[0];
      const cSvc = compare ? theme.series[r] : theme.series[1];
      datasets.push(line(runTag(r) + 'response time', spectrumPoints(s.response), cResp, { borderWidth: 2.2 }));
      datasets.push(line(runTag(r) + 'service time', spectrumPoints(s.service), cSvc, { borderDash: [4, 3] }));
      Object.keys(s.entries || {}).forEach((e, k) => {
        specs.push(s.entries[e]);
        datasets.push(line(runTag(r) + e + ' (Server-Timing)', spectrumPoints(s.entries[e]), theme.series[(2 + k + 3 * r) % 8],
          { borderDash: [2, 2], borderWidth: 1.4 }));
      });
    });
    draw('spectrum-service', {
      type: 'line', data: { datasets: datasets },
      options: options({
        interaction: { mode: 'nearest', intersect: false },
        scales: { x: spectrumAxis(maxSpectrumX(specs)), y: latencyAxis(logLatency()) },
        plugins: { tooltip: spectrumTooltip() },
      }),
    });
  }

  function span() {
    let s = 1;
    DATA.runs.forEach((run) => {
      const t = run.load.timeline.start_seconds;
      if (t.length) s = Math.max(s, t[t.length - 1] + run.load.timeline.bucket_seconds);
    });
    return s;
  }
  function timeAxis() {
    const s = span();
    return axis({ type: 'linear', min: 0, max: s, title: { display: true, text: 'time since measurement began', color: theme.muted },
      ticks: { color: theme.muted, callback: (v) => fmtClock(v, s), maxTicksLimit: 12 } });
  }
  /** Each bucket is drawn at its middle, where its figures belong in time. */
  function midpoints(tl) {
    return tl.start_seconds.map((s) => s + tl.bucket_seconds / 2);
  }
  function targetDatasets(yAxisID) {
    const out = [];
    DATA.runs.forEach((run, r) => {
      const t = run.load.target;
      if (!t) return;
      out.push(line(runTag(r) + t.label, zip(t.seconds, t.values), theme.target,
        { yAxisID: yAxisID, fill: 'origin', borderWidth: 0, backgroundColor: theme.target, order: 100, pointHitRadius: 0 }));
    });
    return out;
  }

  /**
   * Shades each run's fault windows (seconds on the measured timeline) behind the data of a chart
   * whose x axis is that timeline, and names them at the top: A's solid, B's outlined and dashed.
   */
  const faultShading = {
    id: 'loadlabFaults',
    beforeDatasetsDraw(chart) {
      const x = chart.scales.x;
      const area = chart.chartArea;
      const ctx = chart.ctx;
      DATA.runs.forEach((run, r) => {
        (run.load.faults || []).forEach((f, i) => {
          const from = Math.max(area.left, x.getPixelForValue(f.start_s));
          const to = Math.min(area.right, x.getPixelForValue(f.end_s == null ? span() : f.end_s));
          if (!(to > from - 1)) return;
          const width = Math.max(2, to - from);
          ctx.save();
          ctx.fillStyle = theme.fault;
          if (r === 0) ctx.fillRect(from, area.top, width, area.bottom - area.top);
          ctx.strokeStyle = theme.bad;
          ctx.lineWidth = 1;
          ctx.setLineDash(r === 0 ? [] : [4, 3]);
          ctx.strokeRect(from, area.top, width, area.bottom - area.top);
          ctx.fillStyle = theme.muted;
          ctx.font = '11px system-ui, sans-serif';
          ctx.textBaseline = 'top';
          ctx.fillText(runTag(r) + f.name, from + 3, area.top + 2 + 12 * ((i + r) % 3));
          ctx.restore();
          faultWindowsDrawn++;
        });
      });
    },
  };
  let faultWindowsDrawn = 0;

  /** Calls fn(timeline, series of request n, bucket midpoints, run index) for each run that has n. */
  function eachTimeline(n, fn) {
    DATA.runs.forEach((run, r) => {
      const tl = run.load.timeline;
      if (tl.requests[n]) fn(tl, tl.requests[n], midpoints(tl), r);
    });
  }

  function renderLatencyOverTime(n) {
    const datasets = [];
    eachTimeline(n, (tl, s, t, r) => {
      if (compare) {
        datasets.push(line(runTag(r) + 'p99', zip(t, s.p99_us), theme.series[r], { borderWidth: 2.2, borderDash: runDash(r) }));
        datasets.push(line(runTag(r) + 'p50', zip(t, s.p50_us), theme.series[r], { borderWidth: 1.2, borderDash: [2, 3] }));
        datasets.push(line(runTag(r) + 'max', zip(t, s.max_us), theme.series[r], { borderWidth: 1, hidden: true }));
      } else {
        datasets.push(line('max', zip(t, s.max_us), theme.series[4], { borderWidth: 1 }));
        datasets.push(line('p99', zip(t, s.p99_us), theme.series[0], { borderWidth: 2.2 }));
        datasets.push(line('p50', zip(t, s.p50_us), theme.series[2], { borderWidth: 1.8 }));
        datasets.push(line('service time p99', zip(t, s.service_p99_us), theme.series[1], { borderDash: [4, 3] }));
        if (n === ALL && tl.lag_p99_us.some((v) => v != null)) {
          datasets.push(line('injector start lag p99', zip(t, tl.lag_p99_us), theme.series[7], { borderDash: [1, 3], hidden: true }));
        }
      }
    });
    const targets = targetDatasets('load');
    draw('latency-time', {
      type: 'line', data: { datasets: datasets.concat(targets) }, plugins: [faultShading],
      options: options({
        scales: Object.assign({ x: timeAxis(), y: latencyAxis(logLatency()) }, targets.length ? {
          load: axis({ position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: targets[0].label.replace(/^[AB] /, ''), color: theme.muted },
            ticks: { color: theme.muted, callback: (v) => fmtCount(v), maxTicksLimit: 6 } }),
        } : {}),
        plugins: {
          tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + (c.dataset.yAxisID === 'load' ? fmtCount(c.parsed.y) : fmtUs(c.parsed.y)) } },
        },
      }),
    });
  }

  function renderThroughput(n) {
    const datasets = [];
    eachTimeline(n, (tl, s, t, r) => {
      const errors = s.errors.map((e) => e / tl.bucket_seconds);
      datasets.push(line(runTag(r) + 'completed/s', zip(t, s.rate_per_s), theme.series[compare ? r : 0], { borderWidth: 2, borderDash: runDash(r) }));
      // a journey sends several requests per arrival: its arrivals are drawn apart, and only they are set against the target
      const arrivals = tl.arrivals_per_s || [];
      if (n === '*' && arrivals.some((a, i) => Math.abs(a - (s.rate_per_s[i] || 0)) > 0.05 * Math.max(1, a))) {
        datasets.push(line(runTag(r) + 'arrivals/s', zip(t, arrivals), theme.series[compare ? r : 0], { borderWidth: 1, borderDash: [2, 2] }));
      }
      if (errors.some((e) => e > 0)) datasets.push(line(runTag(r) + 'errors/s', zip(t, errors), theme.bad, { borderDash: runDash(r) }));
    });
    draw('throughput-time', {
      type: 'line', data: { datasets: datasets.concat(targetDatasets('y')) }, plugins: [faultShading],
      options: options({
        scales: { x: timeAxis(), y: axis({ beginAtZero: true, title: { display: true, text: 'per second', color: theme.muted }, ticks: { color: theme.muted, callback: (v) => fmtCount(v), maxTicksLimit: 6 } }) },
        plugins: {
          tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + fmtCount(c.parsed.y) } },
        },
      }),
    });
  }

  function renderServerMetrics() {
    const grid = document.getElementById('server-grid');
    if (!grid) return;
    grid.textContent = '';
    const titles = [];
    const byRun = DATA.runs.map((run) => {
      const m = {};
      ((run.load.server && run.load.server.charts) || []).forEach((c) => { m[c.title] = c; if (!titles.includes(c.title)) titles.push(c.title); });
      return m;
    });
    titles.forEach((title, i) => {
      const cell = document.createElement('div');
      cell.className = 'cell';
      const h = document.createElement('h3');
      h.textContent = title;
      const box = document.createElement('div');
      box.className = 'chart';
      const canvas = document.createElement('canvas');
      canvas.id = 'server-' + i;
      canvas.setAttribute('aria-label', title);
      box.appendChild(canvas);
      cell.appendChild(h);
      cell.appendChild(box);
      grid.appendChild(cell);
      let unit = '';
      const datasets = [];
      byRun.forEach((m, r) => {
        const c = m[title];
        if (!c) return;
        unit = c.unit;
        c.series.forEach((s, j) => {
          const color = compare ? theme.series[r] : theme.series[j % 8];
          datasets.push(line(runTag(r) + s.label, zip(c.seconds, s.values), color, { borderWidth: 1.4, borderDash: compare ? runDash(r) : [] }));
        });
      });
      draw(canvas.id, {
        type: 'line', data: { datasets: datasets }, plugins: [faultShading],
        options: options({
          scales: { x: timeAxis(), y: axis({ beginAtZero: unit === 'ratio', ticks: { color: theme.muted, callback: (v) => fmtUnit(unit, v), maxTicksLimit: 5 } }) },
          plugins: {
            legend: { display: datasets.length > 1, labels: { color: theme.fg, boxWidth: 10, boxHeight: 2, font: { size: 11 } } },
            tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + fmtUnit(unit, c.parsed.y) } },
          },
        }),
      });
    });
  }

  function setUpNameSelect() {
    const select = document.getElementById('name-select');
    if (!select || select.options.length) return;
    names().forEach((n) => {
      const o = document.createElement('option');
      o.value = n;
      o.textContent = nameLabel(n);
      select.appendChild(o);
    });
    select.addEventListener('change', renderAll);
    const box = document.getElementById('log-latency');
    if (box) box.addEventListener('change', renderAll);
  }

  function renderAmplification() {
    const datasets = [];
    let maxK = 2;
    DATA.runs.forEach((run, r) => (run.load.amplification || []).forEach((a, i) => {
      const color = theme.series[(i + 2 * r) % 8];
      a.curve.forEach((p) => { maxK = Math.max(maxK, p.k); });
      datasets.push(line(runTag(r) + a.request + ': predicted p99', a.curve.map((p) => ({ x: p.k, y: p.p99_us })), color,
        { borderDash: runDash(r), pointRadius: 2 }));
      datasets.push(line(runTag(r) + a.request + ': measured p99 at k = ' + a.fanout, [{ x: a.fanout, y: a.measured_p99_us }], color,
        { showLine: false, pointRadius: 6, pointStyle: r === 0 ? 'circle' : 'rectRot' }));
    }));
    if (!datasets.length) return;
    const ks = [];
    for (let k = 1; k <= maxK; k *= 2) ks.push(k);
    draw('amplification-k', {
      type: 'line', data: { datasets: datasets },
      options: options({
        interaction: { mode: 'nearest', intersect: false },
        scales: {
          x: axis({ type: 'logarithmic', min: 1, max: maxK, title: { display: true, text: 'fan-out k', color: theme.muted },
            afterBuildTicks: (a) => { a.ticks = ks.map((k) => ({ value: k })); },
            ticks: { color: theme.muted, callback: (v) => String(v), autoSkip: false, maxRotation: 0 } }),
          y: latencyAxis(logLatency(), 'p99'),
        },
        plugins: { tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + fmtUs(c.parsed.y) + ' at k = ' + c.parsed.x } } },
      }),
    });
  }

  function renderLoad() {
    setUpNameSelect();
    const n = selectedName();
    renderAmplification();
    renderSpectrumAll();
    renderSpectrumService(n);
    renderLatencyOverTime(n);
    renderThroughput(n);
    renderServerMetrics();
  }

  // ---- bench runs ----------------------------------------------------------------------------
  /** Draws each bar's confidence interval as a whisker. */
  const whiskers = {
    id: 'loadlabWhiskers',
    afterDatasetsDraw(chart) {
      const x = chart.scales.x;
      const ctx = chart.ctx;
      chart.data.datasets.forEach((ds, di) => {
        const meta = chart.getDatasetMeta(di);
        if (meta.hidden || !ds.errors) return;
        meta.data.forEach((bar, i) => {
          const s = ds.data[i];
          const e = ds.errors[i];
          if (s == null || e == null) return;
          const lo = x.getPixelForValue(Math.max(s - e, x.min));
          const hi = x.getPixelForValue(Math.min(s + e, x.max));
          const y = bar.y;
          const h = Math.max(3, Math.min(8, bar.height / 3));
          ctx.save();
          ctx.strokeStyle = theme.fg;
          ctx.lineWidth = 1.5;
          ctx.beginPath();
          ctx.moveTo(lo, y); ctx.lineTo(hi, y);
          ctx.moveTo(lo, y - h); ctx.lineTo(lo, y + h);
          ctx.moveTo(hi, y - h); ctx.lineTo(hi, y + h);
          ctx.stroke();
          ctx.restore();
        });
      });
    },
  };
  function benchFormat(kind, unit) {
    if (kind === 'time') return fmtNs;
    if (kind === 'rate') return (v) => fmtCount(v) + ' ops/s';
    return (v) => fmtCount(v) + ' ' + unit;
  }
  function renderBench() {
    DATA.bench.groups.forEach((g, i) => {
      const fmt = benchFormat(g.kind, g.unit);
      let lo = Infinity;
      let hi = 0;
      let top = 0;
      g.rows.forEach((row) => row.scores.forEach((s, r) => {
        if (s == null || s <= 0) return;
        lo = Math.min(lo, s);
        hi = Math.max(hi, s);
        top = Math.max(top, s + (row.errors[r] || 0));
      }));
      const log = hi / lo > 50;
      const datasets = DATA.runs.map((run, r) => ({
        label: compare ? run.label : (g.kind === 'rate' ? 'throughput (higher is better)' : g.kind === 'time' ? 'time per operation (lower is better)' : g.unit),
        data: g.rows.map((row) => row.scores[r]),
        errors: g.rows.map((row) => row.errors[r]),
        backgroundColor: theme.series[r] + (theme.series[r].startsWith('#') && theme.series[r].length === 7 ? '99' : ''),
        borderColor: theme.series[r], borderWidth: 1, barPercentage: 0.8, categoryPercentage: 0.8,
      }));
      draw('bench-' + i, {
        type: 'bar', data: { labels: g.rows.map((row) => row.label), datasets: datasets },
        plugins: [whiskers],
        options: options({
          indexAxis: 'y',
          interaction: { mode: 'nearest', axis: 'y', intersect: false },
          scales: {
            x: axis({ type: log ? 'logarithmic' : 'linear', beginAtZero: !log, min: log ? Math.pow(10, Math.floor(Math.log10(lo))) : undefined,
              max: log ? Math.pow(10, Math.ceil(Math.log10(top))) : undefined,
              suggestedMax: log ? undefined : top,
              ticks: { color: theme.muted, callback: (v) => fmt(v), maxTicksLimit: 8 } }),
            y: axis({ ticks: { color: theme.fg, autoSkip: false } }),
          },
          plugins: {
            legend: { display: true, labels: { color: theme.fg, boxWidth: 14 } },
            tooltip: { callbacks: { label: (c) => {
              const e = c.dataset.errors[c.dataIndex];
              return c.dataset.label + ': ' + fmt(c.parsed.x) + (e == null ? ' (no interval)' : ' ± ' + fmt(e));
            } } },
          },
        }),
      });
    });
  }

  // ---- capacity searches and sweeps -----------------------------------------------------------
  function verdictColor(v) {
    return v === 'pass' ? theme.series[1] : v === 'fail' ? theme.series[3] : theme.bad;
  }
  function renderCapacity() {
    const C = DATA.capacity;
    const judged = C.steps.filter((s) => s.verdict !== 'invalid').slice().sort((a, b) => a.throughput - b.throughput);
    const invalid = C.steps.filter((s) => s.verdict === 'invalid');
    let lo = Infinity;
    let hi = 0;
    C.steps.forEach((s) => [s.p50, s.p99, s.p999].forEach((v) => { if (v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); } }));
    C.slo.forEach((l) => { lo = Math.min(lo, l.value_us); hi = Math.max(hi, l.value_us); });
    const log = hi / lo > 50;
    const xmax = Math.max.apply(null, C.steps.map((s) => s.throughput).concat([C.sustainable || 0])) * 1.05;
    const hockey = [
      line('p50', judged.map((s) => ({ x: s.throughput, y: s.p50 })), theme.series[0], { pointRadius: 3 }),
      line('p99', judged.map((s) => ({ x: s.throughput, y: s.p99 })), theme.series[1], { pointRadius: 3 }),
      line('p99.9', judged.map((s) => ({ x: s.throughput, y: s.p999 })), theme.series[2], { pointRadius: 3 }),
    ];
    if (invalid.length) {
      hockey.push(line('p99 of invalid steps', invalid.map((s) => ({ x: s.throughput, y: s.p99 })), theme.bad,
        { showLine: false, pointRadius: 7, pointStyle: 'crossRot', borderWidth: 2 }));
    }
    C.slo.forEach((l) => hockey.push(line('SLO ' + l.label, [{ x: 0, y: l.value_us }, { x: xmax, y: l.value_us }], theme.bad,
      { borderDash: [6, 4] })));
    if (C.sustainable != null && !C.sweep) {
      hockey.push(line('sustainable ' + fmtCount(C.sustainable) + '/s', [{ x: C.sustainable, y: log ? lo : 0 }, { x: C.sustainable, y: hi }],
        theme.target, { borderDash: [3, 3], borderWidth: 2 }));
    }
    const rateAxis = (title) => axis({ type: 'linear', beginAtZero: true, title: { display: true, text: title, color: theme.muted },
      ticks: { color: theme.muted, callback: (v) => fmtCount(v) + '/s' } });
    draw('capacity-hockey', { type: 'line', data: { datasets: hockey }, options: options({
      scales: { x: rateAxis('throughput'), y: latencyAxis(log, 'response time') },
      plugins: { tooltip: { callbacks: { label: (c) => c.dataset.label + ': ' + fmtUs(c.parsed.y) + ' at ' + fmtCount(c.parsed.x) + '/s' } } },
    }) });

    const achieved = [];
    if (C.sweep) {
      achieved.push(line('throughput', C.steps.map((s) => ({ x: s.users, y: s.throughput })), theme.series[0], { pointRadius: 4,
        pointBackgroundColor: C.steps.map((s) => verdictColor(s.verdict)) }));
    } else {
      const top = Math.max.apply(null, C.steps.map((s) => Math.max(s.offered, s.achieved)));
      achieved.push(line('offered = achieved', [{ x: 0, y: 0 }, { x: top, y: top }], theme.target, { borderDash: [6, 4] }));
      ['pass', 'fail', 'invalid'].forEach((v) => {
        const pts = C.steps.filter((s) => s.verdict === v).map((s) => ({ x: s.offered, y: s.achieved }));
        if (pts.length) achieved.push(line(v, pts, verdictColor(v), { showLine: false, pointRadius: 5 }));
      });
    }
    draw('capacity-achieved', { type: 'line', data: { datasets: achieved }, options: options({
      scales: { x: C.sweep ? axis({ type: 'linear', title: { display: true, text: 'users (concurrency)', color: theme.muted },
        ticks: { color: theme.muted } }) : rateAxis('offered rate'), y: rateAxis(C.sweep ? 'throughput' : 'achieved rate') },
    }) });

    const spectra = C.spectra.map((s, i) => line(s.label, spectrumPoints(s), theme.series[i % theme.series.length],
      { borderDash: s.verdict === 'pass' ? [] : [5, 3] }));
    draw('capacity-spectra', { type: 'line', data: { datasets: spectra }, options: options({
      scales: { x: spectrumAxis(maxSpectrumX(C.spectra)), y: latencyAxis(true, 'response time') },
      plugins: { tooltip: spectrumTooltip() },
    }) });

    if (C.usl) {
      const usl = [line('measured', C.usl.points, theme.series[0], { showLine: false, pointRadius: 5 }),
        line(C.usl.label, C.usl.curve, theme.series[1])];
      if (C.usl.peak_concurrency != null) {
        const peak = Math.max.apply(null, C.usl.curve.map((p) => p.y));
        usl.push(line('N* ' + trim(C.usl.peak_concurrency, 1), [{ x: C.usl.peak_concurrency, y: 0 }, { x: C.usl.peak_concurrency, y: peak }],
          theme.target, { borderDash: [3, 3] }));
      }
      draw('capacity-usl', { type: 'line', data: { datasets: usl }, options: options({
        scales: { x: axis({ type: 'linear', beginAtZero: true, title: { display: true, text: 'concurrency N', color: theme.muted },
          ticks: { color: theme.muted } }), y: rateAxis('throughput X(N)') },
      }) });
    }
  }

  // ---- history --------------------------------------------------------------------------------
  function renderHistory() {
    DATA.history.forEach((h, i) => {
      const fmt = h.time ? fmtUs : fmtCount;
      const changed = h.changes.map((c) => c.index);
      const datasets = [
        line('value', h.values, theme.series[0], { pointRadius: 2.5, pointHitRadius: 8 }),
        line('segment mean', h.means, theme.muted, { borderDash: [6, 4], stepped: 'before', pointHitRadius: 0 }),
        line('change point', h.values.map((v, k) => (changed.includes(k) ? v : null)), theme.bad,
          { showLine: false, pointRadius: 7, pointStyle: 'triangle', pointHitRadius: 10 }),
      ];
      if (h.lows.some((v) => v != null)) {
        datasets.push(line('interval', h.lows, theme.series[1], { borderWidth: 0.8, borderDash: [2, 3] }));
        datasets.push(line('interval (high)', h.highs, theme.series[1], { borderWidth: 0.8, borderDash: [2, 3] }));
      }
      draw('history-' + i, {
        type: 'line', data: { labels: h.labels, datasets: datasets },
        options: options({
          scales: {
            x: axis({ title: { display: true, text: 'commit, oldest first', color: theme.muted }, ticks: { color: theme.muted, maxTicksLimit: 16 } }),
            y: axis({ ticks: { color: theme.muted, callback: (v) => fmt(v) } }),
          },
          plugins: {
            legend: { labels: { color: theme.fg, boxWidth: 14, boxHeight: 2, filter: (item) => item.text !== 'interval (high)' } },
            tooltip: { callbacks: {
              label: (c) => c.dataset.label + ': ' + fmt(c.parsed.y),
              afterBody: (items) => {
                const c = h.changes.find((x) => x.index === items[0].dataIndex);
                return c ? 'change point: ' + c.label : '';
              },
            } },
          },
        }),
      });
    });
  }

  // ---- all -----------------------------------------------------------------------------------
  function renderAll() {
    charts.splice(0).forEach((c) => c.destroy());
    faultWindowsDrawn = 0;
    readTheme();
    if (DATA.kind === 'load') renderLoad(); else if (DATA.kind === 'capacity') renderCapacity(); else if (DATA.kind === 'history') renderHistory(); else renderBench();
    root.dataset.chartsRendered = String(charts.length);
    root.dataset.faultWindowsDrawn = String(faultWindowsDrawn);
  }

  renderAll();
  if (window.matchMedia) {
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    if (scheme.addEventListener) scheme.addEventListener('change', renderAll);
  }
})();
