package dev.tender.app;

import io.micronaut.runtime.Micronaut;

/** The Tender service. Configuration by environment: DATASOURCES_DEFAULT_URL, MICRONAUT_SERVER_PORT, … */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
