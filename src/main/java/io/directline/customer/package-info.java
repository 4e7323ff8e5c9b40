/**
 * Owners: their handles on each channel, preferred channel, quiet hours, time zone, tier and lifetime value, through
 * {@link io.directline.customer.CustomerManagement}. It depends on no other module: it never knows cases, channels'
 * protocols or staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.directline.customer;
