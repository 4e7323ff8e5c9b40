package io.directline.servicecenter;

import java.util.List;

/** Registers service centers from outside the module (the demo data). */
public interface ServiceCenterRegistry {

    /**
     * Registers a center; throws a 400 problem naming the field for bad input, a 409 one when the name is taken.
     *
     * @return the new center's id
     */
    long register(CenterDetails details, String by);

    /** The names of every center, for a caller that must not register one twice. */
    List<String> names();
}
