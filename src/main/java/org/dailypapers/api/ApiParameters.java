package org.dailypapers.api;

import java.util.regex.Pattern;
import org.dailypapers.paper.Source;
import org.dailypapers.paper.Venues;
import org.jspecify.annotations.Nullable;
import org.springframework.modulith.NamedInterface;

/** Reads numeric, category, source and venue parameters, failing with a message that names the parameter. */
@NamedInterface("parameters")
public final class ApiParameters {

    private static final Pattern CATEGORY = Pattern.compile("[a-z][a-z-]*(\\.[A-Za-z-]{2,})?");

    private ApiParameters() {}

    public static int nonNegativeInt(String name, @Nullable String value, int defaultValue) {
        return intInRange(name, value, defaultValue, 0, Integer.MAX_VALUE);
    }

    public static int intInRange(String name, @Nullable String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new BadParameterException(
                    name, "Invalid parameter '" + name + "': not a whole number: '" + value + "'");
        }
        if (n < min || n > max) {
            throw new BadParameterException(
                    name, "Invalid parameter '" + name + "': must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public static @Nullable String category(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String c = value.trim();
        if (!CATEGORY.matcher(c).matches()) {
            throw new BadParameterException(
                    "category",
                    "Invalid parameter 'category': expected an arXiv category such as cs.CL, got '" + value + "'");
        }
        return c;
    }

    /** {@code source=}: one of the sources' names, any case; blank means all. */
    public static @Nullable Source source(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Source.parse(value)
                .orElseThrow(() -> new BadParameterException(
                        "source",
                        "Invalid parameter 'source': expected one of " + Source.names() + ", got '" + value + "'"));
    }

    /** {@code venue=}: a venue key ({@link Venues}), any case; blank means all. */
    public static @Nullable String venue(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Venues.parse(value)
                .orElseThrow(() -> new BadParameterException(
                        "venue", "Invalid parameter 'venue': expected " + Venues.EXPECTED + ", got '" + value + "'"));
    }
}
