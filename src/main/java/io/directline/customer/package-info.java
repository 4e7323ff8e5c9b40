/**
 * Owners: their handles on each channel, preferred channel, quiet hours, time zone and lifetime value.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.directline.customer;
