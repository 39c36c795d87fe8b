// How the dashboard writes figures and days: every one through the browser's Intl formatting, in the browser's
// language (navigator.language: the one its date inputs use, so the picked days and the figures read alike).
// Counts are whole numbers; money is in the service's currency (GET /kpi/display) with that currency's decimals;
// rates are percentages to 2 decimals; other ratios have 2 decimals; days are the date input's day, month, year;
// chart axes are compact (1.2M); null is a dash. Served values are handed to Intl as decimal strings, which it rounds exactly (half away from 0);
// the page keeps the served value beside each figure (data-value, and the tooltip of the tables' cells).
var ClicklakeFormat = (function () {
  var NONE = '—';
  var PLACES = 2;
  var current = {};

  function numbers(locale, options) {
    return new Intl.NumberFormat(locale, options);
  }

  // the formatters of a language and a currency; ClicklakeFormat's functions use the last ones set
  function use(locale, currency) {
    current = {
      locale: locale,
      currency: currency,
      count: numbers(locale, { maximumFractionDigits: 0 }),
      money: numbers(locale, { style: 'currency', currency: currency }),
      decimal: numbers(locale, { minimumFractionDigits: PLACES, maximumFractionDigits: PLACES }),
      percent: numbers(locale, { style: 'percent', minimumFractionDigits: PLACES, maximumFractionDigits: PLACES }),
      axis: numbers(locale, { notation: 'compact', maximumFractionDigits: 1 }),
      axisPercent: numbers(locale, { style: 'percent', maximumFractionDigits: 1 }),
      day: new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }),
      month: new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' })
    };
  }

  function using(name) {
    return function (value) {
      return value == null ? NONE : current[name].format(String(value));
    };
  }

  // an ISO day (2019-10-01) or month (2019-10) as the chosen language writes it
  function calendar(name, suffix) {
    return function (iso) {
      return iso == null ? NONE : current[name].format(new Date(iso + suffix));
    };
  }

  use(navigator.language, 'USD');
  return { NONE: NONE, use: use, locale: function () { return current.locale; },
    currency: function () { return current.currency; }, count: using('count'), money: using('money'),
    decimal: using('decimal'), percent: using('percent'), axis: using('axis'), axisPercent: using('axisPercent'), day: calendar('day', 'T00:00:00Z'),
    month: calendar('month', '-01T00:00:00Z') };
})();
