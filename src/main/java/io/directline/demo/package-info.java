/**
 * Demo data for the embedded default: owners in real cities, staff and owner logins, cases in every
 * status. Uses only the other modules' APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.directline.demo;
