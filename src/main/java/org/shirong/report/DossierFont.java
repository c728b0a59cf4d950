package org.shirong.report;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of the dossier PDFs ({@code shirong.documents.pdf-font}): a TrueType font file (.ttf), or the first
 * font of a TrueType collection (.ttc), embedded as a subset (only the characters used) so that a dossier prints the
 * same everywhere and stays small. PDFBox embeds only TrueType outlines: a CFF font (Noto/思源 CJK, .otf or .ttc) is
 * refused with a message naming a font that works. A missing file is told at start-up (WARN) and to whoever asks
 * for a dossier (503), rather than stopping Shirong, which does everything else without it.
 */
@Component
class DossierFont {

    static final String FAMILY = "ShirongCJK";
    private static final Logger LOG = LoggerFactory.getLogger(DossierFont.class);

    private final Path file;

    DossierFont(@Value("${shirong.documents.pdf-font}") String file) {
        this.file = Path.of(file.strip());
        if (!Files.isReadable(this.file)) {
            LOG.warn("{}", missingMessage());
        }
    }

    /** The font cannot be used: the message says which file and what to do. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Refuses before anything is written when the font file is missing. */
    void check() {
        if (!Files.isReadable(file)) {
            throw new Unavailable(missingMessage());
        }
    }

    private String missingMessage() {
        return "案件台账 PDF 所需的中文字体文件 " + file + " 不存在或无法读取：请安装 Debian 软件包 fonts-wqy-microhei，"
                + "或将 config/application.yaml 的 shirong.documents.pdf-font（环境变量 SHIRONG_PDF_FONT）设为一个 TrueType 中文字体文件"
                + "（如 Windows 的 C:/Windows/Fonts/simhei.ttf）";
    }

    /** The font loaded into {@code document}; close it after the document was saved (a collection stays open till then). */
    Loaded load(PDDocument document) throws IOException {
        check();
        boolean collection = file.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(ttc|otc)$");
        if (!collection) {
            return new Loaded(PDType0Font.load(document, file.toFile()), null);
        }
        TrueTypeCollection fonts = new TrueTypeCollection(file.toFile());
        try {
            TrueTypeFont[] first = new TrueTypeFont[1];
            fonts.processAllFonts(font -> {
                if (first[0] == null) {
                    first[0] = font;
                }
            });
            if (first[0] == null) {
                throw new Unavailable("字体集 " + file + " 中没有字体");
            }
            if (first[0] instanceof OpenTypeFont otf && otf.isPostScript()) {
                throw new Unavailable("字体 " + file + " 是 CFF 轮廓字体（如 Noto/思源 CJK），无法嵌入 PDF：请改用 TrueType 轮廓的"
                        + "中文字体，如 Debian 软件包 fonts-wqy-microhei 的 /usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
                        + "（shirong.documents.pdf-font）");
            }
            return new Loaded(PDType0Font.load(document, first[0], true), fonts);
        } catch (IOException | RuntimeException e) {
            fonts.close();
            throw e;
        }
    }

    record Loaded(PDFont font, Closeable collection) implements Closeable {
        @Override
        public void close() throws IOException {
            if (collection != null) {
                collection.close();
            }
        }
    }
}
