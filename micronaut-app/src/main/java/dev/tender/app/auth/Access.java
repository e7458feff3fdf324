package dev.tender.app.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a controller's routes, read by {@link ApiKeyFilter} from the route the router matched: on the
 * controller for all of its routes, on a method for that route (the method's wins). A route without it takes a
 * merchant's secret key ({@link AccessLevel#MERCHANT}), so a new controller is closed until it says otherwise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Access {

    AccessLevel value();

    /** For {@link AccessLevel#MERCHANT_OR_ADMIN}: the path variable that names the route's merchant. */
    String merchantVariable() default "merchant_id";
}
