/**
 * Delivery of what the bot says: {@link dev.sparring.outbox.OutboxDispatcher} leases committed
 * outbox rows and hands them to each platform's gateway with retries and back-off; rows that cannot
 * be delivered become dead letters that admins see and retry with {@code /spar deadletters}.
 */
package dev.sparring.outbox;
