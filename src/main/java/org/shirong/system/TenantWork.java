package org.shirong.system;

import java.util.Collection;

/**
 * Whether a user's groups belong to an organisation (tenant) itself. Membership of a tenant in the engine is wider: a
 * district's oversight groups are members of its towns' tenants so that they read their work, but do none of it.
 */
public interface TenantWork {

    boolean worksIn(Collection<String> groupIds, String tenantId);
}
