package io.switchboard.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The one jackson-core {@link JsonFactory}, configured for hostile input: bounded nesting depth, number, name and
 * string lengths. Duplicate keys are allowed and the last one wins, as with JavaScript's {@code JSON.parse}, which
 * every original backend used.
 */
public final class Json {
    /** Deepest nesting accepted in any message. */
    public static final int MAX_NESTING_DEPTH = 64;

    /** The shared, thread-safe factory. */
    public static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(64)
                    .maxStringLength(16 * 1024 * 1024)
                    .maxNameLength(1024)
                    .build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Field names from hostile clients must not fill the JVM string table.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private Json() {}
}
