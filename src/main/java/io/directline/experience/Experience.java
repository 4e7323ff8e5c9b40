package io.directline.experience;

/** The experience module's API for other modules' screens and for its own rooms. */
public interface Experience {

    /** Where the owner stands now; an owner with no entries stands at zero, not at risk. */
    Standing standingOf(long customerId);
}
