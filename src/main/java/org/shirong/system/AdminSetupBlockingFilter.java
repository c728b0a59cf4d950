package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses the Admin webapp's first-admin set-up endpoint: Shirong creates the administrator
 * itself, and a 2026 advisory lets that endpoint create one whenever {@code camunda-admin} has no
 * direct member.
 */
class AdminSetupBlockingFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "ADMIN_SETUP_DISABLED",
                "管理员由 Shirong 在启动时创建，不允许通过初始设置页面创建。");
    }
}
