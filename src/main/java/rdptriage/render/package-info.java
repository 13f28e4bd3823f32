/** Rendering: one assessment or catalogue as JSON, plain text, a Markdown ticket note, or HTML pages. */
package rdptriage.render;
