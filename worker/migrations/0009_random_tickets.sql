-- Ticket numbers are random (worker/rules/ticket.ts) instead of counted per day: a counted
-- number told any resident the district's daily volume. The counters are no longer used.
DROP TABLE ticket_counters;
