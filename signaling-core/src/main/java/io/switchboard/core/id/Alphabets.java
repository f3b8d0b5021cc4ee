package io.switchboard.core.id;

/** The alphabets ids and codes are drawn from. */
public final class Alphabets {
    /** Lower-case base 36: DropSilk's session-id charset. */
    public static final String BASE36_LOWER = "0123456789abcdefghijklmnopqrstuvwxyz";

    /** Upper-case letters and digits without I, O, 0 and 1, which people misread: DropSilk's flight codes. */
    public static final String UNAMBIGUOUS_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private Alphabets() {}
}
