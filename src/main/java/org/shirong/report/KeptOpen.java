package org.shirong.report;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** A stream whose close only flushes: a ZIP entry or the response goes on after a writer closed what it was given. */
final class KeptOpen extends FilterOutputStream {

    KeptOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
