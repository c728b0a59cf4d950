package org.shirong.organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.shirong.system.StartupInput;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Every file of the organisation folders, bundled and beside the application, for the start-up fingerprint. */
@Component
class OrganizationFiles implements StartupInput {

    private final Path external;

    OrganizationFiles(OrganizationProperties properties) {
        Path path = Path.of(properties.folder());
        this.external = path.isAbsolute() ? path : Path.of("config").resolve(path);
    }

    @Override
    public void files(BiConsumer<String, byte[]> file) {
        try {
            Resource[] bundled = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:config/" + OrganizationFolders.BUNDLED + "/**/*.*");
            for (Resource r : Stream.of(bundled).sorted(Comparator.comparing(OrganizationFiles::url)).toList()) {
                if (r.isReadable()) {
                    try (InputStream in = r.getInputStream()) {
                        file.accept(url(r), in.readAllBytes());
                    }
                }
            }
            if (Files.isDirectory(external)) {
                List<Path> files;
                try (Stream<Path> walk = Files.walk(external)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    file.accept(f.toAbsolutePath().toString(), Files.readAllBytes(f));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(Resource resource) {
        try {
            return resource.getURL().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
