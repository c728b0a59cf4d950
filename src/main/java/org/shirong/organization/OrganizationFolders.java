package org.shirong.organization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The organisation folders: those in the configured folder ({@code shirong.organizations.folder}, by default
 * {@code ./config/organizations/} where Shirong is started) and those bundled in the application
 * ({@code config/organizations/}). A file in the configured folder replaces the bundled file of the same name.
 */
final class OrganizationFolders {

    static final String BUNDLED = "organizations";

    private final Path base;

    OrganizationFolders(String folder) {
        Path path = Path.of(folder == null || folder.isBlank() ? BUNDLED : folder);
        this.base = path.isAbsolute() ? path : Path.of("config").resolve(path);
    }

    /** Folder names in order; {@code _defaults} and other names starting with "_" are not organisations. */
    TreeSet<String> all() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:config/" + BUNDLED + "/*/organization.yaml")) {
                String url = r.getURL().toString();
                String folder = url.substring(0, url.lastIndexOf('/'));
                names.add(folder.substring(folder.lastIndexOf('/') + 1));
            }
            if (Files.isDirectory(base)) {
                try (Stream<Path> folders = Files.list(base)) {
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

    /**
     * The organisation's file as {@link org.shirong.system.ConfigFile} reads it: in the configured folder if there,
     * else bundled; the organisation's own if it has one, else the one in {@code _defaults}.
     */
    String file(String organization, String name) {
        return own(organization, name).or(() -> own("_defaults", name)).orElse(BUNDLED + "/" + organization + "/" + name);
    }

    /** The file in this folder only (configured, else bundled), for files whose fallback is not {@code _defaults}. */
    Optional<String> own(String folder, String name) {
        Path external = base.resolve(folder).resolve(name);
        if (Files.isRegularFile(external)) {
            return Optional.of(external.toAbsolutePath().toString());
        }
        String bundled = BUNDLED + "/" + folder + "/" + name;
        return new ClassPathResource("config/" + bundled).exists() ? Optional.of(bundled) : Optional.empty();
    }

    /** The organisation's folder of campaign templates beside the application (it may not exist). */
    Path campaigns(String organization) {
        return base.resolve(organization).resolve("campaigns");
    }
}
