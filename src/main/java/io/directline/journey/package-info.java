/**
 * The owner's journey: orders imported from the system of record (model, configuration, owner, delivery region and
 * tags) and their milestones from reservation to delivery and later service visits, each with the date first
 * promised, the current estimate, the actual date and every change of estimate with its reason. It detects delays
 * and tells the owner before they ask (unless a broadcast covers it), and counts who had to ask. Other modules
 * select owners by their orders through {@link io.directline.journey.OrderSegments} and hear of moved estimates
 * through {@link io.directline.journey.OrderEstimateChanged}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Journey",
        allowedDependencies = {"customer", "identity", "web", "cases", "channel"})
package io.directline.journey;
