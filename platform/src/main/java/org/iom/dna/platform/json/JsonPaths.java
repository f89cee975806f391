package org.iom.dna.platform.json;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Where in a JSON document a mapping failed, as a JSON path ({@code $.members[1].phone}): never the value. */
public final class JsonPaths {

    private JsonPaths() {}

    public static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
