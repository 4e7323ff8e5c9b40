/**
 * Demo data for the embedded default: owners in real cities, staff and owner logins, cases in every status, promises
 * kept and broken, escalations waiting in the office. It uses only the other modules' APIs and must never know their
 * tables or internals; nothing depends on it, so a production install simply leaves it switched off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.directline.demo;
