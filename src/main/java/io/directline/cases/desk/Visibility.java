package io.directline.cases.desk;

/** Whether a staff message goes to the owner (PUBLIC) or stays an internal note. */
public enum Visibility {
    PUBLIC,
    INTERNAL
}
