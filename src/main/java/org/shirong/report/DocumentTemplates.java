package org.shirong.report;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Renders the print-ready document templates {@code templates/documents/<name>.ftlh} (HTML, values
 * auto-escaped, UTF-8). A missing value or a broken template fails loudly, so the step's job shows it.
 */
@Component
class DocumentTemplates {

    static final String FOLDER = "/templates/documents/";

    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);

    DocumentTemplates() {
        freemarker.setClassForTemplateLoading(DocumentTemplates.class, FOLDER);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setLocale(Locale.SIMPLIFIED_CHINESE);
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setAPIBuiltinEnabled(false);
    }

    String render(String name, Map<String, ?> model) {
        try {
            StringWriter html = new StringWriter();
            freemarker.getTemplate(name + ".ftlh").process(model, html);
            return html.toString();
        } catch (TemplateNotFoundException e) {
            throw new IllegalArgumentException("没有文书模板 " + FOLDER + name + ".ftlh", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("文书模板 " + name + " 无法生成：" + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
