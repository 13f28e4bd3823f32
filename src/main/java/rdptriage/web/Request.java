package rdptriage.web;

/** The parts of an HTTP request the handlers use. */
record Request(String path, String rawQuery, String host) {}
