package org.shirong.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

/**
 * Renders case dossiers ({@code templates/documents/dossier.ftlh}) as print-ready A4 PDF with the Chinese font
 * embedded as a subset ({@link DossierFont}), written straight to the caller's stream. What is held while one is made
 * grows with its cases (their sheets with the print-size photos, the page layout): callers keep a PDF to at most
 * {@code shirong.documents.dossier-max-cases} cases. The document's own streams are kept in a temporary file.
 */
@Component
class DossierPdf {

    private final DocumentTemplates templates;
    private final DossierFont font;

    DossierPdf(DocumentTemplates templates, DossierFont font) {
        this.templates = templates;
        this.font = font;
        RendererLog.install();
    }

    /** Writes the dossier of these cases' sheets (one section each, in this order) to {@code out}, which is left open. */
    void write(String title, String subtitle, List<DossierSheets.Sheet> sheets, OutputStream out) throws IOException {
        String html = templates.render("dossier", Map.of("title", title, "subtitle", subtitle, "sheets", sheets));
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
        }
    }
}
