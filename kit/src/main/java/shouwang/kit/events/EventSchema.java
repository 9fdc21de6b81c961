package shouwang.kit.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON Schema file of an event's data in the partner contract ({@code docs/asyncapi/schemas}), where it is not
 * named after the event ({@code MustVisitRequired} → {@code must-visit-required.json}): several events sharing one
 * record (the cadre profile events) or a file named after the record. On the event's class or on an interface it
 * implements. The relay sends it as the CloudEvents {@code dataschema} ({@code ce_dataschema}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSchema {

    /** The file name, e.g. {@code cadre-profile.json}. */
    String value();
}
