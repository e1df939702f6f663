package org.supportplans.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The policy of a document shown as a page: no script, nothing loaded, and exactly the page's own styles, each by
 * its SHA-256 (worked out apart: {@code printf '%s' 'width: 70%' | openssl dgst -sha256 -binary | base64}).
 */
class DocumentPagePolicyTest {

    @Test
    void aPageMayUseItsOwnStyleSheetAndBarWidthsAndNothingElse() {
        String page = "<html><head><style>p { color: #111111; }</style></head><body>"
                + "<div class=\"bar\" style=\"width: 70%\">&#160;</div><div style=\"width: 5%\">&#160;</div>"
                + "<div style=\"width: 70%\">&#160;</div></body></html>";

        assertThat(DocumentController.pagePolicy(page))
                .isEqualTo("default-src 'none'; style-src 'unsafe-hashes'"
                        + " 'sha256-Z4ow4NeEjMOQx3Q5KvqyHx5VOEP55NdIsoxxcw+4Sm0='"
                        + " 'sha256-5KHdEf3Z+dtnr3lLaf0ygpmuwLcUyaXO6HDYll2C09o='"
                        + " 'sha256-rtNK1Dl66yWtANxpIt825KMaU1NgBwNJBOZedcQkjuQ='"
                        + "; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
    }

    @Test
    void aPageWithoutStylesMayUseNone() {
        assertThat(DocumentController.pagePolicy("<html><body><p>Text</p></body></html>"))
                .startsWith("default-src 'none'; style-src 'none';");
    }
}
