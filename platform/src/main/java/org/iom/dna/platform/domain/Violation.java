package org.iom.dna.platform.domain;

/**
 * One broken rule of a request.
 *
 * @param path where in the request, as a JSON path ({@code $.members[1].phone}) or a parameter name
 * @param message what is wrong, without repeating the value
 */
public record Violation(String path, String message) {}
