package shouwang.visit.readmodel;

import java.util.UUID;

import shouwang.visit.Layer;

/**
 * A responsible contact of one layer. {@code source} is {@code PROFILE} for the registry's contacts and
 * {@code PAIRING} for the NEIGHBOUR-layer volunteer of an active pairing (then {@code pairingId} and {@code cadence}).
 */
public record Contact(Layer layer, String name, String phone, String orgCode, String source, UUID pairingId,
        String cadence) {
}
