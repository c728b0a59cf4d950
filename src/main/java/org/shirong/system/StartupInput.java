package org.shirong.system;

import java.util.function.BiConsumer;

/**
 * Files besides {@code processes/} and {@code forms/} that the start-up's deployment or seeding reads (the organisation
 * folders): a changed one makes the next start synchronise everything (see {@link StartupFingerprints}).
 */
public interface StartupInput {

    /** Each file's name and content, in a stable order. */
    void files(BiConsumer<String, byte[]> file);
}
