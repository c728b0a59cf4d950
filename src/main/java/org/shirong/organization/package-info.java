/**
 * The organisation of a campaign (leading group, office, working groups, units, committees,
 * property companies and their users) seeded from {@code config/organization.yaml} into Camunda
 * groups, users, authorizations and Tasklist filters.
 */
package org.shirong.organization;
