// The dashboard's behaviour: reads /kpi/display (the currency) and /kpi/datasets, then /kpi/summary, /kpi/monthly
// and /kpi/funnel of the chosen dataset and range, and fills the cards, charts and tables. <body data-state> is
// "loading", "ready" or "error", and <body data-range> the [from, to) shown once ready (what a test waits for). The page's own address keeps dataset, from and to, so a view can be
// bookmarked; the reader's credentials go only into request headers.
var ClicklakeDashboard = (function () {
  var f = ClicklakeFormat;
  var CARDS = { users: f.count, sessions: f.count, purchases: f.count, revenue: f.money, conversionRate: f.percent,
    avgPurchasePrice: f.money };
  var PANELS = {
    'funnel': function (data) { return ClicklakeCharts.funnel(data.funnel); },
    'conversion-by-month': function (data) { return ClicklakeCharts.conversionByMonth(data.monthly); },
    'engagement-by-month': function (data) { return ClicklakeCharts.engagementByMonth(data.monthly); },
    'volume-by-month': function (data) { return ClicklakeCharts.volumeByMonth(data.monthly); }
  };
  var headers;
  var datasets = [];
  var charts = {};

  function $(id) {
    return document.getElementById(id);
  }

  function setState(state, message) {
    document.body.dataset.state = state;
    $('status').textContent = message;
    $('status').className = 'status ' + state;
  }

  function getJson(path, params) {
    var query = params ? '?' + new URLSearchParams(params) : '';
    return fetch('../kpi/' + path + query, { headers: headers, credentials: 'same-origin' }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        throw new Error('not authorised (HTTP ' + response.status + '): open this page as /dashboard/?api_key=YOUR_KEY or sign in');
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(path + ': ' + (body.message || 'HTTP ' + response.status));
        });
      }
      return response.json();
    });
  }

  function addDays(isoDate, days) {
    var day = new Date(isoDate + 'T00:00:00Z');
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  function dayAfter(isoDate) {
    return addDays(isoDate, 1);
  }

  function dayBefore(isoDate) {
    return addDays(isoDate, -1);
  }

  function fillDatasets(list, wanted) {
    datasets = list;
    var select = $('dataset');
    select.replaceChildren.apply(select, list.map(function (d) {
      var option = document.createElement('option');
      option.value = d.dataset;
      option.textContent = d.dataset + ' (' + f.day(d.firstDate) + ' – ' + f.day(d.lastDate) + ')';
      return option;
    }));
    if (wanted && list.some(function (d) { return d.dataset === wanted; })) {
      select.value = wanted;
    }
  }

  // the chosen dataset's whole span: [first day, day after the last)
  function resetRange() {
    var chosen = datasets.find(function (d) { return d.dataset === $('dataset').value; });
    if (chosen) {
      $('from').value = chosen.firstDate;
      $('to').value = dayAfter(chosen.lastDate);
    }
  }

  function renderCards(summary) {
    document.querySelectorAll('.card').forEach(function (card) {
      var kpi = card.dataset.kpi;
      var value = card.querySelector('.value');
      value.textContent = CARDS[kpi](summary[kpi]);
      value.dataset.value = summary[kpi] == null ? '' : String(summary[kpi]);
    });
  }

  function renderTable(table, panel) {
    var head = document.createElement('tr');
    panel.columns.forEach(function (column) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.label;
      head.appendChild(th);
    });
    var rows = panel.rows.map(function (row) {
      var tr = document.createElement('tr');
      tr.dataset.key = row.key;
      panel.columns.forEach(function (column) {
        var td = document.createElement('td');
        var raw = row[column.key];
        td.dataset.field = column.key;
        td.dataset.value = raw == null ? '' : String(raw);
        td.textContent = column.format ? column.format(raw) : raw;
        if (column.format && raw != null) {
          td.title = String(raw); // the served value, unrounded
        }
        tr.appendChild(td);
      });
      return tr;
    });
    var parts = [document.createElement('thead'), document.createElement('tbody')];
    parts[0].appendChild(head);
    rows.forEach(function (tr) { parts[1].appendChild(tr); });
    if (panel.caption) {
      var caption = document.createElement('caption');
      caption.textContent = panel.caption;
      parts.unshift(caption);
    }
    table.replaceChildren.apply(table, parts);
  }

  function renderPanels(data) {
    Object.keys(PANELS).forEach(function (id) {
      var element = $(id);
      var panel = PANELS[id](data);
      charts[id] = charts[id] || echarts.init(element.querySelector('.chart'), null, { renderer: 'canvas' });
      charts[id].setOption(panel.option, true);
      renderTable(element.querySelector('.figures'), panel);
    });
  }

  function show() {
    var range = { dataset: $('dataset').value, from: $('from').value, to: $('to').value };
    if (!range.dataset) {
      setState('ready', 'No dataset has gold yet.');
      return Promise.resolve();
    }
    if (!range.from || !range.to || range.from >= range.to) {
      setState('error', 'Choose a range whose first day is before the excluded last day.');
      return Promise.resolve();
    }
    remember(range);
    setState('loading', 'Loading ' + range.dataset + ', ' + days(range) + '…');
    return Promise.all([getJson('summary', range), getJson('monthly', range), getJson('funnel', range)])
      .then(function (answers) {
        renderCards(answers[0]);
        renderPanels({ monthly: answers[1], funnel: answers[2] });
        document.body.dataset.range = range.from + '/' + range.to;
        setState('ready', range.dataset + ': ' + f.count(answers[0].events) + ' events, ' + days(range));
      });
  }

  // the range as the date inputs show it: its first and last day (to is excluded)
  function days(range) {
    return 'UTC days ' + f.day(range.from) + ' – ' + f.day(dayBefore(range.to));
  }

  // dataset, from and to into this page's own address, whatever else it carries left as it is
  function remember(range) {
    var params = new URLSearchParams(location.search);
    Object.keys(range).forEach(function (name) { params.set(name, range[name]); });
    history.replaceState(null, '', '?' + params);
  }

  function fail(error) {
    setState('error', 'Could not show the figures: ' + error.message);
  }

  function start(requestHeaders) {
    headers = requestHeaders;
    var asked = new URLSearchParams(location.search);
    $('range').addEventListener('submit', function (event) {
      event.preventDefault();
      show().catch(fail);
    });
    $('dataset').addEventListener('change', function () {
      resetRange();
      show().catch(fail);
    });
    window.addEventListener('resize', function () {
      Object.keys(charts).forEach(function (id) { charts[id].resize(); });
    });
    return getJson('display').then(function (display) {
      f.use(navigator.language, display.currency);
      document.querySelectorAll('[data-currency]').forEach(function (element) {
        element.textContent = display.currency;
      });
      return getJson('datasets');
    }).then(function (list) {
      fillDatasets(list, asked.get('dataset'));
      resetRange();
      if (asked.get('from')) { $('from').value = asked.get('from'); }
      if (asked.get('to')) { $('to').value = asked.get('to'); }
      return show();
    }).catch(fail);
  }

  return { start: start };
})();
