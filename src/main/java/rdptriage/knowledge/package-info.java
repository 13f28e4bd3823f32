/** The knowledge base as data: causes, questions, code tables and sources, loaded from knowledge/ and checked. */
package rdptriage.knowledge;
