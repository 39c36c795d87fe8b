// How the dashboard writes figures: exactly as served, never rounded further. Counts are whole numbers with
// thousands separators; money keeps its 2 served decimals; rates (served to 6 decimal places) become
// percentages to 4 decimal places by moving the decimal point, not by floating-point arithmetic; a null
// ratio (zero denominator) is a dash.
var ClicklakeFormat = (function () {
  var NONE = '—';
  var RATE_PLACES = 6;

  function group(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }

  // "-1234.5" -> "-1,234.5"
  function groupDecimal(text) {
    var negative = text.charAt(0) === '-';
    var parts = (negative ? text.slice(1) : text).split('.');
    return (negative ? '-' : '') + group(parts[0]) + (parts.length > 1 ? '.' + parts[1] : '');
  }

  function count(value) {
    return value == null ? NONE : groupDecimal(String(value));
  }

  function money(value) {
    return value == null ? NONE : groupDecimal(value.toFixed(2));
  }

  function decimal(value) {
    return value == null ? NONE : groupDecimal(value.toFixed(RATE_PLACES));
  }

  // 0.080357 -> "8.0357 %": the served millionths, read as ten-thousandths of a percent
  function percent(rate) {
    if (rate == null) {
      return NONE;
    }
    var millionths = BigInt(rate.toFixed(RATE_PLACES).replace('.', ''));
    var negative = millionths < 0n;
    var magnitude = negative ? -millionths : millionths;
    var fraction = String(magnitude % 10000n).padStart(4, '0');
    return (negative ? '-' : '') + group(String(magnitude / 10000n)) + '.' + fraction + ' %';
  }

  return { NONE: NONE, count: count, money: money, decimal: decimal, percent: percent };
})();
