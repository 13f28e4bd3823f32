/** Inference: answers go in as facts, the rules conclude evidence, Java ranks causes, picks the next question and orders the fix plan. */
package rdptriage.inference;
