-- gold_ratio(numerator, denominator, places): numerator / denominator rounded half-even to `places` decimals (the
-- rounding of the KPI contract, as dev.clicklake.kpi.gold.Ratio does in Java), NULL when the denominator is 0 or
-- NULL. Exact: an integer division of numerator * 10^places with its remainder decides the rounding, so a tie
-- is a true tie. One SELECT of one expression, so PostgreSQL inlines it into the queries that serve ratios.
CREATE FUNCTION gold_ratio(numerator NUMERIC, denominator NUMERIC, places INTEGER) RETURNS NUMERIC
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
SELECT round(
    (div(numerator * power(10::NUMERIC, places), NULLIF(denominator, 0))
     + CASE
           WHEN 2 * abs(mod(numerator * power(10::NUMERIC, places), NULLIF(denominator, 0))) > abs(denominator)
               OR (2 * abs(mod(numerator * power(10::NUMERIC, places), NULLIF(denominator, 0))) = abs(denominator)
                   AND mod(div(numerator * power(10::NUMERIC, places), NULLIF(denominator, 0)), 2) <> 0)
               THEN sign(numerator) * sign(denominator)
           ELSE 0
       END)
    / power(10::NUMERIC, places), places)
$$;
