// How the dashboard writes figures: exactly as served, never rounded further, with the browser's Intl number
// formatting (en-US: comma thousands separators). Decimals are handed to Intl as decimal strings, which it formats
// exactly. Counts are whole numbers; money keeps its 2 served decimals; rates, served to 6 decimal places, become
// percentages to 4 decimal places (0.080357 -> 8.0357%); other ratios keep their 6 places; null is a dash.
var ClicklakeFormat = (function () {
  var NONE = '—';
  var RATE_PLACES = 6;
  var COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var MONEY = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  var DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: RATE_PLACES, maximumFractionDigits: RATE_PLACES });
  var PERCENT = new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: RATE_PLACES - 2,
    maximumFractionDigits: RATE_PLACES - 2 });

  function using(format, places) {
    return function (value) {
      return value == null ? NONE : format.format(places == null ? value : value.toFixed(places));
    };
  }

  return { NONE: NONE, count: using(COUNT), money: using(MONEY, 2), decimal: using(DECIMAL, RATE_PLACES),
    percent: using(PERCENT, RATE_PLACES) };
})();
