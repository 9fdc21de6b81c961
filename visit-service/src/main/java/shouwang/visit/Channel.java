package shouwang.visit;

/** How a contact was made. */
public enum Channel {
    IN_PERSON, PHONE, VIDEO
}
