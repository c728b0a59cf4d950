package org.shirong.system;

import java.util.Collection;

/**
 * Whether a user's groups read the whole of an organisation (tenant), as the 活动驾驶舱 decides: its office, approvers,
 * inspectors and assessors, and the district groups that oversee it. Units read only their own work.
 */
public interface WholeOrganizationReaders {

    boolean readsWhole(Collection<String> groupIds, String tenantId);
}
