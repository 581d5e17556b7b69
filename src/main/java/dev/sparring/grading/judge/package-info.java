/**
 * The optional LLM judge: an OpenAI-compatible chat endpoint that confirms, denies or marks as
 * contradicted the key points the offline grader decided, never more. It is asked off the request
 * path, its verdicts are cached per answer and step, and any failure leaves the offline grade.
 */
package dev.sparring.grading.judge;
