package dev.tender.application;

import dev.tender.ports.out.ConnectorAccount;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.time.Duration;

/**
 * The authorization window a payment confirmed at an account gets: the account's own setting when it has
 * a valid one (its processor contract may differ from the connector's default), else the connector's.
 */
public final class AuthorizationWindows {

    /** The setting of a connector account (Hyperswitch's connector {@code metadata}): an ISO-8601 duration. */
    public static final String SETTING = "authorization_window";

    private AuthorizationWindows() {
    }

    static Duration of(Routing.Route route) {
        return configured(route.account()).getOrElse(route.connector()::authorizationWindow);
    }

    /** The account's window if it sets a valid one. */
    static Option<Duration> configured(ConnectorAccount account) {
        return account.settings().get(SETTING).flatMap(AuthorizationWindows::parse);
    }

    /**
     * A window as the setting writes it ({@code P7D}, {@code PT36H}): positive, whole seconds (payments keep
     * it so); none for anything else, which an admin API refuses before it is kept.
     */
    public static Option<Duration> parse(String text) {
        return Try.of(() -> Duration.parse(text)).toOption()
                .filter(d -> !d.isNegative() && !d.isZero() && d.getNano() == 0);
    }
}
