package org.shirong.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Gathers the BPMN/DMN files of {@code processes/} and the forms of {@code forms/}: first those
 * bundled on the classpath, then those in the same-named folders beside the running application,
 * which replace bundled files of the same name.
 */
@Component
class ProcessResourceCollector {

    static final List<String> PROCESS_EXTENSIONS = List.of("bpmn", "dmn");
    static final List<String> FORM_EXTENSIONS = List.of("form", "html");
    /** How a message names a file bundled in the application: {@code 程序内置的 processes/Foo.bpmn}. */
    static final String BUNDLED = "程序内置的 ";

    private final DeploymentProperties properties;
    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    ProcessResourceCollector(DeploymentProperties properties) {
        this.properties = properties;
    }

    List<ProcessResource> collect() {
        Map<String, ProcessResource> byName = new TreeMap<>();
        addClasspath(byName, "processes", PROCESS_EXTENSIONS);
        addClasspath(byName, "forms", FORM_EXTENSIONS);
        addFolder(byName, "processes", properties.processesDir(), PROCESS_EXTENSIONS);
        addFolder(byName, "forms", properties.formsDir(), FORM_EXTENSIONS);
        return List.copyOf(byName.values());
    }

    private void addClasspath(Map<String, ProcessResource> byName, String root, List<String> extensions) {
        try {
            for (String extension : extensions) {
                for (Resource resource : resolver.getResources("classpath*:" + root + "/**/*." + extension)) {
                    String url = resource.getURL().toString();
                    String name = url.substring(url.lastIndexOf(root + "/"));
                    try (var in = resource.getInputStream()) {
                        // named as the owner knows it (a jar's URL is not where they edit it)
                        byName.put(name, new ProcessResource(name, BUNDLED + name, in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addFolder(Map<String, ProcessResource> byName, String root, String folder, List<String> extensions) {
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path base = Path.of(folder).toAbsolutePath().normalize();
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String relative = base.relativize(file).toString().replace('\\', '/');
                if (extensions.stream().anyMatch(ext -> relative.endsWith("." + ext))) {
                    String name = root + "/" + relative;
                    byName.put(name, new ProcessResource(name, file.toString(), Files.readAllBytes(file)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
