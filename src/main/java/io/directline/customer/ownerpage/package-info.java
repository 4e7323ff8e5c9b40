/**
 * The staff's owner page ({@code /customers/{id}}, its JSON in {@code GET /api/v1/customers/{id}}) and the find box of
 * the navigation ({@code /find}, {@code GET /api/v1/find}).
 *
 * <p>Both show what other modules know (cases, promises, escalations, later orders and experience), yet
 * {@code customer} depends on none of them: it declares {@link io.directline.customer.OwnerPageSection} and
 * {@link io.directline.customer.Finder}, and each module that owns such data implements them as beans. Composing in a
 * module that already depends on the others ({@code escalation}) would have made every later module's section a
 * change to that module, and put the owner's page in the module of the ladder; with the interfaces, {@code journey}
 * and {@code experience} add their sections by adding one bean each, and {@code web} keeps only the layout.
 */
package io.directline.customer.ownerpage;
