package io.directline.web;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, while a JSON body is read, values that no column can hold on every database we run on: text with the
 * NUL character (PostgreSQL stores none) and instants outside the years 1 to 9999 (PostgreSQL's timestamps end
 * long before {@link Instant}'s). {@link ProblemDetailsAdvice} names the field in a 400 problem.
 */
@Configuration(proxyBeanMethods = false)
class StorableJsonInput {

    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    @Bean
    JacksonModule storableJsonValues() {
        return new SimpleModule("storable-json-values")
                .addDeserializer(String.class, new TextWithoutNul())
                .addDeserializer(Instant.class, new InstantInRange());
    }

    static final class TextWithoutNul extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "Text with the NUL character", value, String.class);
            }
            return value;
        }
    }

    static final class InstantInRange extends StdScalarDeserializer<Instant> {

        InstantInRange() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            Instant value = InstantDeserializer.INSTANT.deserialize(p, ctxt);
            if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
                throw InvalidFormatException.from(p, "Instant out of range", p.getString(), Instant.class);
            }
            return value;
        }
    }
}
