package shouwang.kit.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event name of a record whose class is named otherwise ({@code ce_type = shouwang.<value>.v1}). Without it the
 * class's simple name is the event name, so {@code record MustVisitRequired(...)} is {@code MustVisitRequired}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventName {

    String value();
}
