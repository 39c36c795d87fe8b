// What each chart panel shows: its table of exact figures (one row per bar or step) and the ECharts option
// drawn from the same rows. Pure functions of the served JSON; dashboard.js puts them on the page.
var ClicklakeCharts = (function () {
  var f = ClicklakeFormat;
  var PALETTE = ['#2f6fb0', '#e08a2c', '#3b9c6b', '#8c5bb5'];

  // a month's key (2019-10: the tables' row keys) and label (Oct 2019, Okt. 2019, ...)
  function monthOf(summary) {
    return summary.from.slice(0, 7);
  }

  function monthLabel(summary) {
    return f.month(monthOf(summary));
  }

  // a chart's percent axis: its values are rates times 100
  function percentAxis(value) {
    return f.axisPercent(value / 100);
  }

  // a month's rate as a chart point: plotted in percent, labelled with the exact served rate
  function rateItems(months, field) {
    return months.map(function (m) {
      return { value: m[field] == null ? null : m[field] * 100, rate: m[field] };
    });
  }

  function rateText(point) {
    return point.seriesName + ', ' + point.name + ': ' + f.percent(point.data.rate);
  }

  function base() {
    return { animation: false, color: PALETTE, grid: { left: 64, right: 64, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis' }, legend: { top: 0 } };
  }

  function funnel(data) {
    var rows = [
      { key: 'view', step: 'Views', events: data.views, sessions: data.viewingSessions },
      { key: 'cart', step: 'Carts', events: data.carts, sessions: data.viewingCartingSessions },
      { key: 'purchase', step: 'Purchases', events: data.purchases, sessions: data.viewingCartingPurchasingSessions }
    ];
    return {
      rows: rows,
      columns: [
        { key: 'step', label: 'Step' },
        { key: 'events', label: 'Events', format: f.count },
        { key: 'sessions', label: 'Sessions (funnel)', format: f.count }
      ],
      caption: 'Session step rates: view → cart ' + f.percent(data.viewToCartSessionRate)
        + ', cart → purchase ' + f.percent(data.cartToPurchaseSessionRate),
      option: {
        animation: false, color: PALETTE,
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + ': ' + f.count(p.value) + ' events'; } },
        series: [{
          // the narrowest bar is half the widest, so every step's label fits inside its own bar
          type: 'funnel', sort: 'none', minSize: '50%', maxSize: '100%', left: '10%', width: '80%', top: 8, bottom: 8,
          gap: 4,
          label: { position: 'inside', color: '#fff', fontSize: 13, lineHeight: 18,
            formatter: function (p) { return p.name + '\n' + f.count(p.value); } },
          labelLine: { show: false },
          data: rows.map(function (row) { return { name: row.step, value: row.events }; })
        }]
      }
    };
  }

  function conversionByMonth(months) {
    var option = base();
    option.legend = { show: false };
    option.tooltip = { trigger: 'item', formatter: rateText };
    option.xAxis = { type: 'category', data: months.map(monthLabel) };
    option.yAxis = { type: 'value', axisLabel: { formatter: percentAxis } };
    option.series = [{ name: 'Conversion rate', type: 'bar', barMaxWidth: 48,
      label: { show: true, position: 'top', formatter: function (p) { return f.percent(p.data.rate); } },
      data: rateItems(months, 'conversionRate') }];
    return {
      rows: months.map(function (m) { return { key: monthOf(m), month: monthOf(m), conversionRate: m.conversionRate,
        purchases: m.purchases, sessions: m.sessions }; }),
      columns: [
        { key: 'month', label: 'Month', format: f.month },
        { key: 'purchases', label: 'Purchases', format: f.count },
        { key: 'sessions', label: 'Sessions', format: f.count },
        { key: 'conversionRate', label: 'Conversion rate', format: f.percent }
      ],
      option: option
    };
  }

  function engagementByMonth(months) {
    var option = base();
    option.tooltip = { trigger: 'item' };
    option.xAxis = { type: 'category', data: months.map(monthLabel) };
    option.yAxis = [
      { type: 'value', name: 'events / session', axisLabel: { formatter: f.axis } },
      { type: 'value', name: 'cart → purchase', axisLabel: { formatter: percentAxis } }
    ];
    option.series = [
      { name: 'Events per session', type: 'bar', barMaxWidth: 48,
        tooltip: { formatter: function (p) { return p.seriesName + ', ' + p.name + ': ' + f.decimal(p.value); } },
        data: months.map(function (m) { return m.eventsPerSession; }) },
      { name: 'Cart-to-purchase rate', type: 'line', yAxisIndex: 1, symbolSize: 8,
        tooltip: { formatter: rateText },
        data: rateItems(months, 'cartToPurchaseRate') }
    ];
    return {
      rows: months.map(function (m) { return { key: monthOf(m), month: monthOf(m),
        eventsPerSession: m.eventsPerSession, cartToPurchaseRate: m.cartToPurchaseRate }; }),
      columns: [
        { key: 'month', label: 'Month', format: f.month },
        { key: 'eventsPerSession', label: 'Events per session', format: f.decimal },
        { key: 'cartToPurchaseRate', label: 'Cart-to-purchase rate', format: f.percent }
      ],
      option: option
    };
  }

  function volumeByMonth(months) {
    var option = base();
    option.tooltip.valueFormatter = f.count;
    option.xAxis = { type: 'category', data: months.map(monthLabel) };
    option.yAxis = { type: 'value', axisLabel: { formatter: f.axis } };
    option.series = ['events', 'sessions', 'users'].map(function (field) {
      return { name: field.charAt(0).toUpperCase() + field.slice(1), type: 'bar', barMaxWidth: 36,
        data: months.map(function (m) { return m[field]; }) };
    });
    return {
      rows: months.map(function (m) { return { key: monthOf(m), month: monthOf(m), events: m.events,
        sessions: m.sessions, users: m.users }; }),
      columns: [
        { key: 'month', label: 'Month', format: f.month },
        { key: 'events', label: 'Events', format: f.count },
        { key: 'sessions', label: 'Sessions', format: f.count },
        { key: 'users', label: 'Users', format: f.count }
      ],
      option: option
    };
  }

  return { funnel: funnel, conversionByMonth: conversionByMonth, engagementByMonth: engagementByMonth,
    volumeByMonth: volumeByMonth };
})();
