package shouwang.alert.cadre;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the cadre read model: the profile and its contacts. */
@ApplicationScoped
public class CadreProfiles {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    public CadreProfile find(UUID cadreId) {
        return CadreProfile.findById(cadreId);
    }

    public List<Contact> contacts(CadreProfile profile) {
        try {
            return objectMapper.readValue(profile.contacts, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored contacts of cadre " + profile.id + " are not JSON", e);
        }
    }

    String toJson(List<Contact> contacts) {
        try {
            return objectMapper.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("contacts are not serialisable", e);
        }
    }
}
