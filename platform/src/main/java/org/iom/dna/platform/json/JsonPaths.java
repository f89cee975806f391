package org.iom.dna.platform.json;

import com.fasterxml.jackson.core.JsonStreamContext;
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

    /** Where a parser stands (e.g. at a key given twice), from the document's root. */
    public static String of(JsonStreamContext context) {
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                steps.push("." + c.getCurrentName());
            } else if (c.inArray()) {
                steps.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return "$" + String.join("", steps);
    }
}
