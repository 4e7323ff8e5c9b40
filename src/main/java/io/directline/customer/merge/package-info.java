/**
 * Merging owners found to be one person: the merge record and what moved, the merge suggestions and the rules that
 * find them ({@link io.directline.customer.merge.MatchRules}), and the API for agents. Internal to the customer
 * module; other modules see {@link io.directline.customer.OwnerMerges} and its events.
 */
package io.directline.customer.merge;
