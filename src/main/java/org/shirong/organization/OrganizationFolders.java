package org.shirong.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The organisation folders that exist: under {@code ./config/organizations/} and bundled in the application. */
final class OrganizationFolders {

    static final String ROOT = "organizations";

    private OrganizationFolders() {
    }

    /** Folder names in order; {@code _defaults} and other names starting with "_" are not organisations. */
    static TreeSet<String> all() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:config/" + ROOT + "/*/organization.yaml")) {
                String url = r.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                names.add(folder.substring(folder.lastIndexOf('/') + 1));
            }
            Path external = Path.of("config", ROOT);
            if (Files.isDirectory(external)) {
                try (Stream<Path> folders = Files.list(external)) {
                    folders.filter(f -> Files.isRegularFile(f.resolve("organization.yaml")))
                            .forEach(f -> names.add(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        names.removeIf(n -> n.startsWith("_"));
        return names;
    }

    static String file(String organization, String name) {
        return ROOT + "/" + organization + "/" + name;
    }

    /** The organisation's own file if it has one (beside the application or bundled), else the one in {@code _defaults}. */
    static String ownOrDefault(String organization, String name) {
        String own = file(organization, name);
        if (Files.isRegularFile(Path.of("config").resolve(own)) || new ClassPathResource("config/" + own).exists()) {
            return own;
        }
        return file("_defaults", name);
    }
}
