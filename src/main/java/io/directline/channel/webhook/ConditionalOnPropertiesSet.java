package io.directline.channel.webhook;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** A provider adapter is a bean only when each of these properties is set to something not blank. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@Conditional(ConditionalOnPropertiesSet.AllSet.class)
public @interface ConditionalOnPropertiesSet {

    /** Full property names, such as {@code directline.channels.x.consumer-secret}. */
    String[] value();

    class AllSet implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var attributes = metadata.getAnnotationAttributes(ConditionalOnPropertiesSet.class.getName());
            if (attributes == null) {
                return false;
            }
            for (var name : (String[]) attributes.get("value")) {
                var value = context.getEnvironment().getProperty(name);
                if (value == null || value.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }
}
