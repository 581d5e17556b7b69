/**
 * A person's review cards, one per question, below every mode that grades answers: each keeps the
 * question's FSRS memory state and history, and the key points the person missed in daily
 * questions, interviews, competitions and drills. Missing a point makes the card due now; covering
 * it later clears it. Drills schedule the cards; the other modes only report what was missed.
 */
package dev.sparring.review;
