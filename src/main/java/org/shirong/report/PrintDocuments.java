package org.shirong.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Prints any document template of {@code templates/documents/} (e.g. {@code zones/responsibility-notice}) as A4 PDF
 * with the Chinese font of the dossiers ({@code shirong.documents.pdf-font}, family {@code ShirongCJK}) embedded as a
 * subset, for packages other than report (责任告知书, 责任区档案). The template must be well-formed XHTML (closed tags,
 * XML entities only), as {@code dossier.ftlh}: the HTML-only {@code _layout.ftlh} page does not parse. Without a usable
 * font the caller gets {@link FontUnavailable} before anything is written; an API answers it with 503.
 */
@Component
public class PrintDocuments {

    private final DocumentTemplates templates;
    private final DossierFont font;

    PrintDocuments(DocumentTemplates templates, DossierFont font) {
        this.templates = templates;
        this.font = font;
    }

    /** The Chinese font is missing or cannot be embedded: the message says which file and what to do. */
    public static final class FontUnavailable extends RuntimeException {
        FontUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Refuses with {@link FontUnavailable} when the font file is missing, before a caller commits its answer. */
    public void checkFont() {
        try {
            font.check();
        } catch (DossierFont.Unavailable e) {
            throw new FontUnavailable(e.getMessage(), e);
        }
    }

    /** The document as PDF bytes, for a PDF that is stored (a hand-over file) rather than streamed. */
    public byte[] pdf(String template, Map<String, ?> model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(template, model, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the document to {@code out}, which is left open. A broken template or model fails before any byte is written. */
    public void write(String template, Map<String, ?> model, OutputStream out) throws IOException {
        checkFont();
        String html = templates.render(template, model);
        try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache());
                DossierFont.Loaded cjk = font.load(document)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(document);
            builder.useFont(new PDFontSupplier(cjk.font()), DossierFont.FAMILY, 400, FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(cjk.font()), DossierFont.FAMILY, 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.withProducer("Shirong");
            builder.toStream(new KeptOpen(out));
            builder.run();
        } catch (DossierFont.Unavailable e) {
            throw new FontUnavailable(e.getMessage(), e);
        }
    }
}
