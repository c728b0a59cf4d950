package org.shirong.system;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ChineseErrorReportValve} in place of the error report valve Spring Boot gives the host, and names it as
 * the host's, so that Tomcat does not add its own English one when it starts. Runs after Spring Boot's customizer
 * (this one has no order, so the lowest).
 */
@Component
class ChineseErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ChineseErrorReportValve());
            if (host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ChineseErrorReportValve.class.getName());
            }
        });
    }
}
