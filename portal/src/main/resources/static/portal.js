/* The portal's charts (Apache ECharts, served from the portal's own jar). */
const Portal = (() => {
  const tierColour = { A: '#2e7d32', B: '#1565c0', C: '#ef6c00', D: '#c62828' };
  const num = s => Number(s);
  // a signed log scale, so one-order customers and whales share an axis: sign(x) log10(1 + |x|)
  const symlog = x => Math.sign(x) * Math.log10(1 + Math.abs(x));
  const unsymlog = y => Math.sign(y) * (Math.pow(10, Math.abs(y)) - 1);
  const money = v => Math.abs(v) >= 1e6 ? (v / 1e6).toFixed(0) + 'M'
    : Math.abs(v) >= 1000 ? (v / 1000).toFixed(Math.abs(v) >= 10000 ? 0 : 1) + 'k' : v.toFixed(0);
  // a tick at each power of ten: 0, ±10, ±100, ±1k ...
  const decade = v => v === 0 ? '0' : money(Math.sign(v) * Math.pow(10, Math.abs(v)));

  // each step a bar from where the last one ended to where it leaves the figure, across zero if it must
  function waterfall(el) {
    const texts = el.dataset.figures.split('|');
    const [revenue, cogs, margin, serve, profit] = texts.map(num);
    const shown = [texts[0], '-' + texts[1], texts[2], '-' + texts[3], texts[4]];
    const steps = [['Revenue', 0, revenue, revenue], ['Cost of goods', revenue, margin, -cogs],
      ['Gross margin', 0, margin, margin], ['Cost to serve', margin, profit, -serve], ['Profit', 0, profit, profit]];
    const colour = (i, s) => (i === 1 || i === 3) ? '#c62828' : (s[3] < 0 ? '#c62828' : (i === 4 ? '#2e7d32' : '#1565c0'));
    echarts.init(el).setOption({
      animation: false, grid: { left: 70, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: steps.map(s => s[0]) }, yAxis: { type: 'value', scale: false },
      tooltip: { formatter: p => steps[p.dataIndex][0] + ': ' + shown[p.dataIndex] },
      series: [{
        type: 'custom', encode: { x: 0, y: [1, 2] },
        data: steps.map((s, i) => ({ value: [i, Math.min(s[1], s[2]), Math.max(s[1], s[2])], itemStyle: { color: colour(i, s) } })),
        renderItem: (params, api) => {
          const top = api.coord([api.value(0), api.value(2)]);
          const bottom = api.coord([api.value(0), api.value(1)]);
          const width = api.size([1, 0])[0] * 0.6;
          return { type: 'rect', shape: { x: top[0] - width / 2, y: top[1], width: width, height: Math.max(1, bottom[1] - top[1]) },
            style: api.style() };
        }
      }]
    });
  }

  // every customer, counted in cells of the signed log grid: drawn pale behind the dots
  function binSeries(bins) {
    if (bins.length === 0) return [];
    const mid = (a, b) => (symlog(num(a)) + symlog(num(b))) / 2;
    return [{ name: 'all customers', type: 'scatter', silent: false, z: 1,
      symbolSize: d => 4 + 3 * Math.log2(1 + d[2]),
      itemStyle: { opacity: 0.25 },
      tooltip: { formatter: d => d.data.customers + ' customers of tier ' + d.data.tier },
      data: bins.map(b => ({ value: [mid(b.revenueFrom, b.revenueTo), mid(b.profitFrom, b.profitTo), b.customers],
        customers: b.customers, tier: b.tier, bin: true, itemStyle: { color: tierColour[b.tier] } })) }];
  }

  function portfolio(p) {
    const points = p.profitabilityMap || [];
    const map = echarts.init(document.getElementById('map'));
    map.setOption({
      animation: false, grid: { left: 64, right: 16, top: 28, bottom: 40 },
      tooltip: { formatter: d => d.data.id + ' (' + d.data.tier + '): revenue ' + d.data.revenue + ', profit ' + d.data.profit },
      xAxis: { name: 'revenue', nameLocation: 'middle', nameGap: 26, interval: 1, axisLabel: { formatter: decade } },
      yAxis: { name: 'profit', nameLocation: 'middle', nameGap: 42, interval: 1, axisLabel: { formatter: decade } },
      dataZoom: [{ type: 'inside', xAxisIndex: 0 }, { type: 'inside', yAxisIndex: 0 }],
      series: binSeries(p.mapBins || []).concat(['A', 'B', 'C', 'D'].map(t => ({ name: t, type: 'scatter', symbolSize: 6,
        itemStyle: { color: tierColour[t] },
        data: points.filter(d => d.tier === t).map(d => ({ value: [symlog(num(d.revenue)), symlog(num(d.profit))],
          id: d.customerId, tier: d.tier, revenue: d.revenue, profit: d.profit })) }))),
      legend: { data: ['A', 'B', 'C', 'D'], top: 0, right: 10 }
    });
    map.on('click', d => { if (d.data && d.data.id && !d.data.bin) location.href = '/customers/' + encodeURIComponent(d.data.id); });
    window.portalMap = map;

    const curve = (p.whaleCurve || []).map(w => [num(w.customerShare), num(w.profitShare)]);
    echarts.init(document.getElementById('whale')).setOption({
      animation: false, grid: { left: 56, right: 30, top: 28, bottom: 40 },
      xAxis: { type: 'value', name: '% of customers', nameLocation: 'middle', nameGap: 26, max: 100 },
      yAxis: { type: 'value', name: '% of profit', nameLocation: 'middle', nameGap: 36 }, tooltip: { trigger: 'axis' },
      series: [{ type: 'line', data: [[0, 0]].concat(curve), showSymbol: false, lineStyle: { width: 3 },
        markLine: { symbol: 'none', label: { position: 'insideEndTop' },
          data: [{ xAxis: 20, label: { formatter: 'top 20 %' } }, { yAxis: 100, label: { formatter: 'all profit' } }] } }]
    });

    const tiers = p.tiers || {};
    echarts.init(document.getElementById('tiers')).setOption({
      animation: false, tooltip: {},
      series: [{ type: 'pie', radius: ['35%', '70%'], label: { formatter: '{b}: {c} ({d}%)' },
        data: ['A', 'B', 'C', 'D'].filter(t => tiers[t] > 0).map(t => ({ name: t, value: tiers[t], itemStyle: { color: tierColour[t] } })) }]
    });

    const months = p.arpuByMonth || [];
    echarts.init(document.getElementById('arpu')).setOption({
      animation: false, grid: { left: 50, right: 50, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
      legend: { data: ['ARPU', 'active customers'], top: 0 },
      xAxis: { type: 'category', data: months.map((m, i) => m.month + (i === months.length - 1 ? ' (partial)' : '')) },
      yAxis: [{ type: 'value', name: 'ARPU' }, { type: 'value', name: 'active' }],
      series: [{ name: 'ARPU', type: 'bar', data: months.map(m => num(m.arpu)) },
        { name: 'active customers', type: 'line', yAxisIndex: 1, data: months.map(m => m.activeCustomers) }]
    });
  }

  // a customer's months from the table beside the chart: revenue bars and a profit line; a month
  // kept as revenue only (before months kept their profit) has no profit point
  function monthly(el) {
    const rows = [...document.getElementById(el.dataset.monthsTable).querySelectorAll('tbody tr')];
    const cell = (r, i) => r.children[i].textContent.trim();
    // every month from the first to the last, those without activity at zero (up to 20 years of them)
    const given = new Map(rows.map(r => [cell(r, 0), [num(cell(r, 1)), cell(r, 2) === '' ? null : num(cell(r, 2))]]));
    const index = m => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
    const name = i => Math.floor(i / 12) + '-' + String(i % 12 + 1).padStart(2, '0');
    const first = index(rows[0] ? cell(rows[0], 0) : '1970-01');
    const last = index(rows.length ? cell(rows[rows.length - 1], 0) : '1970-01');
    const months = last - first <= 240 ? Array.from({ length: last - first + 1 }, (_, k) => name(first + k)) : [...given.keys()];
    const revenue = months.map(m => given.has(m) ? given.get(m)[0] : 0);
    const profit = months.map(m => given.has(m) ? given.get(m)[1] : 0);
    echarts.init(el).setOption({
      animation: false, grid: { left: 70, right: 16, top: 30, bottom: 30 }, tooltip: { trigger: 'axis' },
      legend: { data: ['revenue', 'profit'], top: 0 },
      xAxis: { type: 'category', data: months }, yAxis: { type: 'value' },
      series: [{ name: 'revenue', type: 'bar', itemStyle: { color: '#1565c0' }, data: revenue },
        { name: 'profit', type: 'line', itemStyle: { color: '#2e7d32' }, data: profit,
          markLine: { silent: true, symbol: 'none', lineStyle: { color: '#999' }, data: [{ yAxis: 0 }] } }]
    });
  }

  window.addEventListener('load', () => {
    document.querySelectorAll('[data-figures]').forEach(waterfall);
    document.querySelectorAll('[data-months-table]').forEach(monthly);
  });
  return { portfolio };
})();
