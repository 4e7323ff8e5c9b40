/**
 * SLA clocks: business calendars (time zone, working hours per weekday, holidays) and the arithmetic of
 * working time across weekends, holidays and daylight-saving changes, and clocks that count a target of
 * working time and can be paused while a case waits on the owner. Promises made to owners, each with a
 * due time and a responsible staff member, and the watchdog that breaks the ones nobody kept in time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package io.directline.sla;
