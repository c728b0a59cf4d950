package org.shirong.rectification;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** A file posted to an import endpoint ({@code POST /api/cases/import…}) as a browser's form sends it. */
final class CsvUpload {

    private CsvUpload() {
    }

    /** Posts {@code csv} (UTF-8) as the form's {@code file}, named {@code survey.csv}. */
    @SuppressWarnings("rawtypes")
    static ResponseEntity<Map> post(TestRestTemplate rest, String url, String csv) {
        return post(rest, url, csv.getBytes(StandardCharsets.UTF_8), "survey.csv");
    }

    /** Posts {@code content} as the form's {@code file} under {@code fileName}. */
    @SuppressWarnings("rawtypes")
    static ResponseEntity<Map> post(TestRestTemplate rest, String url, byte[] content, String fileName) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity(url, new HttpEntity<>(body, headers), Map.class);
    }
}
