package org.shirong.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.shirong.rectification.CaseFile;
import org.springframework.stereotype.Component;

/**
 * Renders case dossiers ({@code templates/documents/dossier.ftlh}) as print-ready A4 PDF with the Chinese font
 * embedded as a subset ({@link DossierFont}).
 */
@Component
class DossierPdf {

    private final DocumentTemplates templates;
    private final DossierFont font;

    DossierPdf(DocumentTemplates templates, DossierFont font) {
        this.templates = templates;
        this.font = font;
    }

    /**
     * Writes the dossier of the cases (one section each, in this order) to {@code out}, which is left open. Each case is
     * made its pages' sheet as it is read, so that only the printable photos are held at once.
     */
    void write(String title, String subtitle, List<CaseFile> files, ZoneId zone, OutputStream out) throws IOException {
        write(title, subtitle, files.stream().map(f -> DossierSheets.of(f, zone)).toList(), out);
    }

    void write(String title, String subtitle, java.util.Collection<DossierSheets.Sheet> sheets, OutputStream out)
            throws IOException {
        String html = templates.render("dossier", Map.of("title", title, "subtitle", subtitle, "sheets", sheets));
        try (PDDocument document = new PDDocument(); DossierFont.Loaded cjk = font.load(document)) {
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
