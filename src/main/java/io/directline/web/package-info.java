/**
 * The page layout shared by all screens, the home page, how screens show times, the request size limit and the
 * translation of bad input into problem details. No module calls it: it never knows a module's domain, and each
 * module keeps its own controllers and templates.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.directline.web;
