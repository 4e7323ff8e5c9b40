package io.directline.customer;

/**
 * One match of the find box.
 *
 * @param kind what was found
 * @param id the owner's or the case's id
 * @param label what a person recognises it by (the owner's name, the case's reference and subject)
 * @param detail what matched or tells two matches apart (e-mail and phone, order number and status); may be empty
 * @param link the staff screen that shows it
 */
public record Found(Kind kind, long id, String label, String detail, String link) {

    /** What the find box found. */
    public enum Kind {
        OWNER,
        CASE
    }
}
