package dev.tender.inmemory;

import dev.tender.ports.out.Connector;
import dev.tender.ports.out.Connectors;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;

/** The connector implementations of this process, by name. */
public final class ConnectorRegistry implements Connectors {

    private final Map<String, Connector> byName;

    private ConnectorRegistry(Map<String, Connector> byName) {
        this.byName = byName;
    }

    public static ConnectorRegistry of(Connector... connectors) {
        Map<String, Connector> map = HashMap.empty();
        for (Connector connector : connectors) {
            map = map.put(connector.name(), connector);
        }
        return new ConnectorRegistry(map);
    }

    @Override
    public Option<Connector> named(String name) {
        return byName.get(name);
    }
}
