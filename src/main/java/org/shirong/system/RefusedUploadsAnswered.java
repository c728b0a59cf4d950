package org.shirong.system;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * A file over the upload limit must reach its sender as the 413 with the Chinese reason. By default Tomcat stops
 * reading an upload it refused and closes the connection while the sender is still writing, so the browser shows
 * a broken connection instead of the answer. Tomcat reads the rest of such a body now, up to
 * {@code server.tomcat.max-swallow-size} (set to the request limit in application.yaml).
 */
@Component
class RefusedUploadsAnswered implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> context.setSwallowAbortedUploads(true));
    }
}
