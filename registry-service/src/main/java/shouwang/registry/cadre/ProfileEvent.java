package shouwang.registry.cadre;

import shouwang.kit.events.EventSchema;

/**
 * An event of the cadre-profiles topic. Each type carries the same data, the full profile, as its whole JSON
 * ({@code @JsonValue}), so a consumer rebuilds its read model from the latest record per key whatever the type.
 */
@EventSchema("cadre-profile.json")
public sealed interface ProfileEvent
        permits CadreRegistered, CadreUpdated, ContactsAssigned, CadreDeceased, CadreMovedAway {

    CadreProfile profile();
}
