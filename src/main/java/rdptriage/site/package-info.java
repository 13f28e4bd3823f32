/** The static troubleshooting site: the shared Pages and templates, written to a folder in one go. */
package rdptriage.site;
