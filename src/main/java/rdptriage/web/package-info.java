/** The browser Q&A: the JDK HTTP server wired in one place, small handlers, no per-user state. */
package rdptriage.web;
