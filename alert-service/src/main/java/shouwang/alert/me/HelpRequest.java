package shouwang.alert.me;

import java.util.UUID;

import jakarta.validation.constraints.Size;

import shouwang.alert.signal.ServiceType;
import shouwang.alert.signal.SignalRequest;

/**
 * {@code POST /me/help} (一键呼叫): everything is optional. {@code id} makes a retry from a phone with a poor
 * connection return the same alert; {@code serviceType} and {@code details} say what help is wanted, when the cadre
 * says so.
 */
public record HelpRequest(UUID id, ServiceType serviceType, @Size(max = SignalRequest.MAX_DETAILS) String details) {
}
