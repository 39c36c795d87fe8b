package dev.clicklake.kpi.odata;

import java.util.Optional;

/**
 * Refuses a query option too long or too deeply nested before Olingo parses it: Olingo's parser and the
 * feed's SQL translation recurse once per level, so 1,000 nested parentheses would overflow the stack.
 *
 * @param maxLength most characters in one decoded option value
 * @param maxDepth most nested parentheses in one option value (outside string literals)
 */
record ExpressionLimits(int maxLength, int maxDepth) {

    /** Why the first option of {@code rawQuery} beyond the limits is refused, if one is. */
    Optional<String> refusal(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        for (String option : rawQuery.split("&")) {
            int equals = option.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name;
            String value;
            try {
                name = QueryOptions.name(option);
                value = QueryOptions.value(option);
            } catch (IllegalArgumentException e) {
                return Optional.of("the query option '" + option.substring(0, equals) + "' is not valid percent-encoding");
            }
            if (value.length() > maxLength) {
                return Optional.of(name + " holds " + value.length() + " characters; at most " + maxLength + " are read");
            }
            int depth = depth(value);
            if (depth > maxDepth) {
                return Optional.of(name + " nests parentheses " + depth + " deep; at most " + maxDepth + " are read");
            }
        }
        return Optional.empty();
    }

    /** The deepest parenthesis nesting of {@code expression}, string literals ('...', '' escaped) skipped. */
    static int depth(String expression) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < expression.length(); i++) {
            char c = expression.charAt(i);
            if (c == '\'') {
                inString = !inString; // '' inside a literal toggles twice: still inside
            } else if (!inString && c == '(') {
                deepest = Math.max(deepest, ++depth);
            } else if (!inString && c == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        return deepest;
    }
}
