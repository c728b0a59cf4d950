package org.shirong.system;

/**
 * One file to deploy, named relative to its top-level folder ({@code processes/Foo.bpmn},
 * {@code forms/Bar.form}) so that the name is the same from {@code target/classes}, a jar or a
 * folder beside the jar; {@code origin} says where it was read, for error messages.
 */
record ProcessResource(String name, String origin, byte[] content) {

    boolean hasExtension(String... extensions) {
        for (String extension : extensions) {
            if (name.endsWith("." + extension)) {
                return true;
            }
        }
        return false;
    }
}
