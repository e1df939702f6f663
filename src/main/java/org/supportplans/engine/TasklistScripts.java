package org.supportplans.engine;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasklist's configuration file ({@code scripts/config.js}, Camunda's defaults plus one custom script) and
 * that script ({@code clear-drafts.js}: the form drafts that "Save" keeps in the browser go when the user
 * signs out), served from {@code src/main/resources/tasklist/} in place of the web jar's. A controller
 * mapping comes before the web apps' resource handler, whatever the order of the class path.
 */
@RestController
class TasklistScripts {

    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript");

    @GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/scripts/{name:config|clear-drafts}.js")
    ResponseEntity<Resource> script(@PathVariable String name) {
        return ResponseEntity.ok()
                .contentType(JAVASCRIPT)
                .cacheControl(CacheControl.noCache())
                .body(new ClassPathResource("tasklist/" + name + ".js"));
    }
}
