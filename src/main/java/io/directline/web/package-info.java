/** The page layout shared by all screens, sign-in, and the translation of bad input into problem details. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.directline.web;
