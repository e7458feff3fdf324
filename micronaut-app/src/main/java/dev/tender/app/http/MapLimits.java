package dev.tender.app.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The bounds of a request property read as an object of scalar values ({@code Map<String, String>}); without
 * it, such a property is metadata, bounded as Hyperswitch bounds it (50 keys of up to 40 characters, values up
 * to 500).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface MapLimits {

    int keys();

    int keyLength();

    int valueLength();
}
