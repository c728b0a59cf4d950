package org.shirong.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.springframework.core.io.ClassPathResource;

/**
 * Finds a configuration file the way every Shirong loader does: an absolute path as given, a relative
 * one in {@code ./config/} where Shirong is started, else the copy bundled in the application.
 */
public final class ConfigFile {

    /** Reads the content with the display name of where it came from. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(InputStream in, String fileName);
    }

    private ConfigFile() {
    }

    /**
     * @param what    what the file is, in Chinese (组织机构文件), for the message when it is missing
     * @param refused the loader's own refusal for a file name and its problems
     */
    public static <T> T read(String file, String what, Reader<T> reader,
            BiFunction<String, List<String>, StartupRefusedException> refused) {
        Path external = Path.of(file);
        if (!external.isAbsolute()) {
            external = Path.of("config").resolve(file);
        }
        if (Files.isRegularFile(external)) {
            try (InputStream in = Files.newInputStream(external)) {
                return reader.read(in, external.toString());
            } catch (IOException e) {
                throw refused.apply(external.toString(), List.of("无法读取: " + e.getMessage()));
            }
        }
        try (InputStream in = new ClassPathResource("config/" + file).getInputStream()) {
            return reader.read(in, "classpath:config/" + file);
        } catch (IOException e) {
            throw refused.apply(file, List.of("找不到" + what + "（已查找 " + external + " 与内置默认文件）"));
        }
    }
}
